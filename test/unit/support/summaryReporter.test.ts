// The closing "N passed, N failed" line is what CI and every engineer read; it must count
// every test, whatever its name, and a failing run must never say "0 failed".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const reporter = join(__dirname, '..', '..', 'support', 'summary-reporter.mjs');

/** Runs node's test runner with only our reporter over the given files; returns its last line. */
function summaryOf(files: Record<string, string>): { line: string; status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'summary-reporter-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const env = { ...process.env };
    delete env.NODE_TEST_CONTEXT; // else the inner runner reports to us instead of printing
    const run = spawnSync(
      process.execPath,
      ['--test', `--test-reporter=${reporter}`, ...Object.keys(files)],
      { cwd: dir, env, encoding: 'utf8', timeout: 60_000 },
    );
    return { line: run.stdout.trim().split('\n').at(-1) ?? '', status: run.status, output: run.stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const namedLikeFiles = `
import { test, describe, it } from 'node:test';
test('model/config.json: passes', () => {});
test('model/config.json: fails', () => { throw new Error('expected failure'); });
test('plain name passes', () => {});
describe('a suite/with a slash', () => { it('inner/test passes', () => {}); });
test.skip('skipped/test', () => {});
`;

test('tests whose names contain "/" are counted, the failing one too', () => {
  const { line, status } = summaryOf({ 'names.test.mjs': namedLikeFiles });
  assert.equal(line, '3 passed, 1 failed, 1 skipped');
  assert.equal(status, 1);
});

test('a test file that crashes outside any test counts as a failure', () => {
  const { line, status } = summaryOf({
    'ok.test.mjs': `import { test } from 'node:test'; test('fine', () => {});`,
    'crash.test.mjs': `throw new Error('the file itself fails');`,
  });
  assert.equal(line, '1 passed, 1 failed');
  assert.equal(status, 1);
});

test('a suite whose hook fails counts as a failure', () => {
  const { line, status } = summaryOf({
    'hook.test.mjs': `import { describe, it, before } from 'node:test';
describe('suite', () => { before(() => { throw new Error('hook'); }); it('t', () => {}); });`,
  });
  assert.notEqual(line.match(/(\d+) failed/)?.[1], '0', line);
  assert.equal(status, 1);
});

test('a passing run says 0 failed', () => {
  const { line, status } = summaryOf({
    'pass.test.mjs': `import { test } from 'node:test'; test('a/b', () => {}); test('c', () => {});`,
  });
  assert.equal(line, '2 passed, 0 failed');
  assert.equal(status, 0);
});

test('tests that did not run are counted, a skipped suite too, and the reasons are printed before the summary', () => {
  const { line, output } = summaryOf({
    'skips.test.mjs': `import { test, describe, it } from 'node:test';
test('needs the corpus', { skip: 'the real corpus is not at /x' }, () => {});
test('also needs it', { skip: 'the real corpus is not at /x' }, () => {});
describe('a suite that needs it', { skip: 'the real corpus is not at /x' }, () => { it('inner', () => {}); });
test('runs', () => {});`,
  });
  assert.equal(line, '1 passed, 0 failed, 3 skipped');
  assert.match(output, /!! 3 tests did not run: the real corpus is not at \/x/);
});
