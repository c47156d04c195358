// The CLI and the editor must never disagree: every fixture of the project (the rules', the
// readers', the real corpus) is checked by the built CLI and opened in the
// built language server (over stdio, test/support/lspClient.ts); the findings must be the
// same — rule, severity, range and message — file by file.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, cpSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { DiagnosticSeverity, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';
import { TWO_APPS } from './support/fixtures';
import { copyCorpus, ensureBuilt, writeTree, makeTree, parseJsonReport, removeTree, ROOT, runCli, type JsonFinding } from './support/cli';

/** Fixture folders of other suites, each file under its real name. */
const FIXTURE_ROOTS = ['test/fixtures/rules', 'test/fixtures/sources'];
const SIDE_FILES = /\.(fixed|expected\.json|options\.json|md)$/;

function copyFixtures(workspace: string): void {
  for (const root of FIXTURE_ROOTS) {
    const from = join(ROOT, root);
    if (!existsSync(from)) continue;
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          walk(path);
          continue;
        }
        if (SIDE_FILES.test(entry.name)) continue;
        const target = join(workspace, root.replace(/\//g, '_'), relative(from, path));
        mkdirSync(dirname(target), { recursive: true });
        cpSync(path, target);
      }
    };
    walk(from);
  }
  copyCorpus(join(workspace, 'corpus'));
  writeTree(join(workspace, 'cli-two-apps'), TWO_APPS);
}

/** The language id VS Code gives such a file. */
function languageIdOf(name: string): string {
  if (/^(docker-)?compose([.-].*)?\.ya?ml$/i.test(name)) return 'dockercompose';
  if (/\.ya?ml$/i.test(name)) return 'yaml';
  if (/\.json$/i.test(name)) return 'json';
  if (/\.java$/i.test(name)) return 'java';
  return 'dotenv';
}

const SEVERITY: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

const key = (f: Omit<JsonFinding, 'file'>) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.ruleId} ${f.message}`;

describe('the CLI and the language server agree on every fixture', () => {
  let workspace: string;
  let client: LspClient | undefined;
  before(() => {
    ensureBuilt();
    workspace = makeTree({});
    copyFixtures(workspace);
  });
  after(async () => {
    await client?.stop();
    removeTree(workspace);
  });

  it('same findings, file by file', { timeout: 180_000 }, async () => {
    const run = await runCli(['check', '--offline', '--format', 'json', ], workspace);
    assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
    const fromCli = new Map<string, string[]>();
    for (const finding of parseJsonReport(run)) {
      const list = fromCli.get(finding.file) ?? [];
      list.push(key(finding));
      fromCli.set(finding.file, list);
    }

    // every file the CLI would look at (its name filter), whether or not it turned out to be a settings file
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(ya?ml|json|java)$|(^|\.)env($|\.)/i.test(entry.name) && statSync(path).size > 0) files.push(path);
      }
    };
    walk(workspace);
    assert.ok(files.length >= 20, `fixtures found: ${files.length}`);

    client = await LspClient.start({
      root: workspace,
      settings: { defaultTarget: 'mendix-cloud', rules: {}, online: false, dns: { servers: [] } },
      timeoutMs: 10_000,
    });
    const disagreements: string[] = [];
    let compared = 0;
    for (const path of files) {
      const file = relative(workspace, path).split(sep).join('/');
      if (basename(path) === '.mendix-email.json') continue;
      const toKeys = (diagnostics: Diagnostic[]) =>
        diagnostics
          .map((d) =>
            key({
              line: d.range.start.line + 1,
              column: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
              severity: SEVERITY[d.severity ?? DiagnosticSeverity.Error],
              ruleId: String(d.code),
              message: typeof d.message === 'string' ? d.message : d.message.value,
            }),
          )
          .sort();
      const published = await client.open(path, readFileSync(path, 'utf8'), languageIdOf(basename(path)));
      let fromServer = toKeys(published.diagnostics);
      const cli = (fromCli.get(file) ?? []).sort();
      compared++;
      if (JSON.stringify(cli) !== JSON.stringify(fromServer)) {
        // the server finds the model's declarations in the background and then checks the open
        // files again: wait (bounded) for that publish before calling it a disagreement
        const same = (p: PublishDiagnosticsParams) => JSON.stringify(toKeys(p.diagnostics)) === JSON.stringify(cli);
        const latest = client.diagnostics.get(client.uriOf(path));
        const settled = latest && same(latest) ? latest : await client.waitForDiagnostics(path, same, 'the same findings as the CLI').catch(() => undefined);
        fromServer = toKeys((settled ?? client.diagnostics.get(client.uriOf(path)) ?? published).diagnostics);
      }
      if (JSON.stringify(cli) !== JSON.stringify(fromServer)) {
        disagreements.push(`${file}\n  CLI:    ${cli.join('\n          ') || '(none)'}\n  server: ${fromServer.join('\n          ') || '(none)'}`);
      }
      await client.close(path);
    }
    assert.ok(compared >= 20);
    assert.ok([...fromCli.values()].flat().length > 0, 'the fixtures have findings to compare');
    assert.deepEqual(disagreements, [], `CLI and language server disagree:\n${disagreements.join('\n')}`);
  });
});
