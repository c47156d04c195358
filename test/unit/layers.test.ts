// The layering of .dependency-cruiser.cjs holds for the real tree, and each of its rules can
// fail: a small tree that breaks every rule once is cruised with the same configuration and
// must give exactly one violation per rule (a rule that matches nothing would pass silently).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = join(__dirname, '..', '..');
const config = join(root, '.dependency-cruiser.cjs');
const depcruise = join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ruleNames = (require(config) as { forbidden: { name: string }[] }).forbidden.map((r) => r.name);

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

function cruise(cwd: string, folders: string[]): Violation[] {
  const run = spawnSync(process.execPath, [depcruise, '--config', config, '--output-type', 'json', ...folders], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.ok(run.stdout, `depcruise printed nothing: ${run.stderr}`);
  return (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

test('the layers hold: core imports no glue, the client only protocol/, no cycles (.dependency-cruiser.cjs)', () => {
  const violations = cruise(root, ['server/src', 'client/src', 'protocol']);
  assert.deepEqual(violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`), []);
});

test('every layering rule fires on a tree that breaks it, and a type-only protocol import is allowed', () => {
  const tree = mkdtempSync(join(tmpdir(), 'mendix-email-layers-'));
  try {
    const files: Record<string, string> = {
      'tsconfig.json': '{ "compilerOptions": { "module": "commonjs", "strict": true } }',
      'server/src/lsp/glue.ts': 'export const glue = 1;\n',
      'server/src/core/types.ts': 'export type Range = { line: number };\nexport const core = 1;\n',
      // core-imports-no-glue + core-knows-no-protocol
      'server/src/core/bad.ts': "import { glue } from '../lsp/glue';\nimport { createConnection } from 'vscode-languageserver/node';\nexport const bad = [glue, createConnection];\n",
      // server-imports-no-client
      'server/src/lsp/usesClient.ts': "import { activate } from '../../../client/src/extension';\nexport const x = activate;\n",
      'client/src/extension.ts': "import { core } from '../../server/src/core/types';\nexport const activate = core;\n", // client-imports-only-protocol
      // protocol-holds-no-server-code (the value import of glue), not the type-only one nor the core vocabulary; protocol-knows-no-vscode
      'protocol/messages.ts': "import type { Later } from '../server/src/lsp/later';\nimport { glue } from '../server/src/lsp/glue';\nimport { core } from '../server/src/core/types';\nimport * as vscode from 'vscode';\nexport type L = Later;\nexport const m = [glue, core, vscode];\n",
      'server/src/lsp/later.ts': 'export type Later = number;\n',
      // core-vocabulary-stands-alone
      'server/src/core/links.ts': "import { reader } from '../sources/reader';\nexport const links = reader;\n",
      'server/src/sources/reader.ts': 'export const reader = 1;\n',
      // shared-file-reader-stands-alone (the client runs it, so it must not pull in other server code); the client's import of it is allowed
      'server/src/services/readFile.ts': "import { reader } from '../sources/reader';\nexport const readRegularFile = reader;\n",
      'client/src/readSmallFile.ts': "import { readRegularFile } from '../../server/src/services/readFile';\nexport const readSmallFile = readRegularFile;\n",
      // rules-kit-below-rules
      'server/src/ruleKit/helper.ts': "import { rule } from '../rules/some-rule';\nexport const helper = rule;\n",
      'server/src/rules/some-rule.ts': 'export const rule = 1;\n',
      // only-the-engine-and-front-ends-use-rule-helpers
      'server/src/features/hover.ts': "import { helper } from '../ruleKit/helper';\nexport const hover = helper;\n",
      // deploy-api-client-stands-alone (the client may run it, so it must not pull in other server code); the client's import of it is allowed
      'server/src/cloud/client.ts': "import { reader } from '../sources/reader';\nexport const deployApi = reader;\n",
      'client/src/cloud.ts': "import { deployApi } from '../../server/src/cloud/client';\nexport const cloud = deployApi;\n",
      // no-circular
      'server/src/engine/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
      'server/src/engine/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
      // …but a cycle through a lazy-loading table is not one (its require runs after loading)
      'server/src/cli/lazy.ts': "export const command = () => require('./command') as typeof import('./command');\n",
      'server/src/cli/command.ts': "import { command } from './lazy';\nexport const run = () => command;\n",
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(tree, dirname(path)), { recursive: true });
      writeFileSync(join(tree, path), text);
    }
    const violations = cruise(tree, ['server/src', 'client/src', 'protocol']);
    const fired = new Set(violations.map((v) => v.rule.name));
    assert.deepEqual(ruleNames.filter((name) => !fired.has(name)), [], 'rules that did not fire on the breaking tree');
    assert.ok(!violations.some((v) => v.from === 'client/src/readSmallFile.ts'), 'the client may import the file reader');
    const protocolToServer = violations.filter((v) => v.rule.name === 'protocol-holds-no-server-code');
    assert.equal(protocolToServer.length, 1, 'the value import of glue is a violation; a type-only import and the core vocabulary are not');
    assert.ok(!violations.some((v) => v.from === 'client/src/cloud.ts'), 'the client may import the Deploy API client');
    const cycles = violations.filter((v) => v.rule.name === 'no-circular').map((v) => v.from);
    assert.ok(cycles.length > 0 && cycles.every((from) => from.startsWith('server/src/engine/')), `only the plain cycle, not the one through cli/lazy.ts: ${cycles.join(', ')}`);
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
});
