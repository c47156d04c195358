// Packages the extension as a .vsix the way `npm run package` does (vsce, .vscodeignore),
// from a staged copy of the shipped files: vsce walks the whole folder otherwise, and
// .tools/ (code-server) makes that minutes long. Env MENDIX_EMAIL_VSIX uses a ready one.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './tools';

export interface ExtensionManifest {
  name: string;
  publisher: string;
  contributes?: {
    commands?: { command: string; title: string; category?: string }[];
    configuration?: unknown;
  };
}

export function readManifest(): ExtensionManifest {
  return JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as ExtensionManifest;
}

/** The palette title of a contributed command ("Category: Title"), or undefined when not contributed. */
export function commandTitle(command: string): string | undefined {
  const found = readManifest().contributes?.commands?.find((c) => c.command === command);
  if (!found) return undefined;
  return found.category ? `${found.category}: ${found.title}` : found.title;
}

const shipped = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', '.vscodeignore', 'dist', 'docs', 'images', 'schemas', 'syntaxes'];

/** Builds a .vsix from the current dist/ (test/run.mjs builds it first); returns its path. */
export function packageExtension(): string {
  if (process.env.MENDIX_EMAIL_VSIX) return process.env.MENDIX_EMAIL_VSIX;
  if (!existsSync(join(repoRoot, 'dist', 'client.js'))) throw new Error('dist/client.js is missing: run `npm run build` first');
  const stage = mkdtempSync(join(tmpdir(), 'mendix-email-vsix-'));
  for (const entry of shipped) {
    if (existsSync(join(repoRoot, entry))) cpSync(join(repoRoot, entry), join(stage, entry), { recursive: true });
  }
  const vsix = join(stage, 'mendix-email.vsix');
  // the stage holds the dist/ the suite built, not the sources: packaging must not rebuild
  // (vscode:prepublish); test/package/vsix.test.ts packages the way a publisher does
  const manifest = JSON.parse(readFileSync(join(stage, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  delete manifest.scripts?.['vscode:prepublish'];
  writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2));
  const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const run = spawnSync(process.execPath, [vsce, 'package', '-o', vsix], {
    cwd: stage,
    encoding: 'utf8',
    input: '',
    timeout: 120_000,
  });
  if (run.status !== 0 || !existsSync(vsix)) {
    rmSync(stage, { recursive: true, force: true });
    throw new Error(`vsce package failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  return vsix;
}
