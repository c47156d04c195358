// A temporary workspace folder for a protocol test, and the bundled server built if missing
// (test/run.mjs builds before every run; a single file run with --test may not have).
import { after, before } from 'node:test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { LspClient, ROOT, SERVER_JS, type LspClientOptions } from '../support/lspClient';

export function ensureServerBuilt(): void {
  if (existsSync(SERVER_JS)) return;
  const build = spawnSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('esbuild.mjs failed');
}

export class TempWorkspace {
  readonly root = mkdtempSync(join(tmpdir(), 'mendix-email-lsp-'));

  path(relative: string): string {
    return join(this.root, relative);
  }

  write(relative: string, text: string | Buffer): string {
    const path = this.path(relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return path;
  }

  remove(relative: string): void {
    rmSync(this.path(relative), { force: true });
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/**
 * One server over a fresh workspace for a whole test file: started before its first test,
 * stopped (and the folder removed) after its last.
 */
export function serverForFile(
  settings: LspClientOptions['settings'] = {},
  /** more client options (capabilities, …); the root is the fresh workspace */
  options: Omit<LspClientOptions, 'root' | 'settings'> = {},
): { readonly ws: TempWorkspace; readonly client: LspClient } {
  let ws: TempWorkspace | undefined;
  let client: LspClient | undefined;
  before(async () => {
    ensureServerBuilt();
    ws = new TempWorkspace();
    client = await LspClient.start({ ...options, root: ws.root, settings });
  });
  after(async () => {
    await client?.stop();
    ws?.dispose();
  });
  return {
    get ws() {
      return ws!;
    },
    get client() {
      return client!;
    },
  };
}

export function codes(published: PublishDiagnosticsParams | undefined): string[] {
  return (published?.diagnostics ?? []).map((d) => String(d.code)).sort();
}

export function byCode(published: PublishDiagnosticsParams, code: string): Diagnostic | undefined {
  return published.diagnostics.find((d) => d.code === code);
}

/** `line:start-end` of a one-line range, for compact assertions. */
export function at(diagnostic: Diagnostic | undefined): string {
  if (!diagnostic) return 'missing';
  const { start, end } = diagnostic.range;
  return start.line === end.line ? `${start.line}:${start.character}-${end.character}` : `${start.line}:${start.character}-${end.line}:${end.character}`;
}

/** A diagnostic's message as text (LSP 3.18 allows markup). */
export function messageOf(diagnostic: Diagnostic): string {
  const message: unknown = diagnostic.message;
  return typeof message === 'string' ? message : (message as { value: string }).value;
}
