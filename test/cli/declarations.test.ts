// Which app's model judges a file (unknown-constant): the nearest app root above it, the
// workspace's only app for a file outside every app, none when several apps leave it open —
// the rule the editor follows too (test/protocol/appDeclarations.test.ts gives the same answer).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TWO_APPS, THREE_APPS, THREE_APPS_UNKNOWN } from './support/fixtures';
import { ensureBuilt, makeTree, parseJsonReport, removeTree, runCli } from './support/cli';

async function unknownConstants(dir: string): Promise<string[]> {
  const run = await runCli(['check', '--offline', '--format', 'json'], dir);
  assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
  return parseJsonReport(run)
    .filter((f) => f.ruleId === 'unknown-constant')
    .map((f) => `${f.file}:${f.line} ${f.message.split(' ')[0]}`)
    .sort();
}

describe('mendix-email check: each app judged by its own model', () => {
  it('three apps in one repository: two with a model, each by its own; the one without by none', async () => {
    ensureBuilt();
    const dir = makeTree(THREE_APPS);
    try {
      assert.deepEqual(await unknownConstants(dir), THREE_APPS_UNKNOWN);
    } finally {
      removeTree(dir);
    }
  });

  it('one app in the repository: a file outside it is judged by its model', async () => {
    ensureBuilt();
    const dir = makeTree(TWO_APPS);
    try {
      assert.deepEqual(await unknownConstants(dir), ['app-a/deploy/m2ee.yaml:4 Mail.SMTPPrt', 'app-b/m2ee.yaml:4 Other.Constant']);
    } finally {
      removeTree(dir);
    }
  });
});
