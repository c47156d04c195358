// Control characters in a settings file's values or names never reach the terminal raw:
// the text format and stderr show them escaped (\x1b); JSON and SARIF keep the value (JSON
// escapes) and hold no raw control character either.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ensureBuilt, makeTree, removeTree, runCli } from './support/cli';

const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const FOLDER = 'app\u001b]0;pwned\u0007';
const VALUE = '\u001b[31mred\u009b2J\u001b[0m@example';
let dir: string;
before(() => {
  ensureBuilt();
  dir = makeTree({ [`${FOLDER}/m2ee.yaml`]: ['mxruntime:', '  MicroflowConstants:', `    Mail.FromAddress: "${VALUE}"`, ''].join('\n') });
});
after(() => removeTree(dir));

test('check (text): the file name and the value in the message are escaped, plain and in colour', async () => {
  for (const colour of [[], ['--color']]) {
    const run = await runCli(['check', '--offline', ...colour, '.'], dir);
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.ok(run.stdout.includes('app\\x1b]0;pwned\\x07/m2ee.yaml'), run.stdout);
    assert.ok(run.stdout.includes('\\x1b[31mred\\x9b2J\\x1b[0m@example'), run.stdout);
    // with colour, only our own SGR sequences stay
    assert.doesNotMatch(run.stdout.replace(/\u001b\[\d+m/g, ''), RAW_CONTROL);
  }
  const plain = await runCli(['check', '--offline', '.'], dir);
  assert.doesNotMatch(plain.stdout, RAW_CONTROL);
});

test('check --format json / sarif: no raw control character, and the value survives JSON.parse', async () => {
  for (const format of ['json', 'sarif']) {
    const run = await runCli(['check', '--offline', '--format', format, '.'], dir);
    assert.doesNotMatch(run.stdout, RAW_CONTROL, format);
    const parsed = JSON.parse(run.stdout);
    const messages: string[] = format === 'json' ? parsed.map((f: { message: string }) => f.message) : parsed.runs[0].results.map((r: { message: { text: string } }) => r.message.text);
    assert.ok(messages.some((m) => m.includes(VALUE)), `${format}: ${messages.join('\n')}`);
  }
});

test('stderr: a path with ESC[2J is escaped in the message about it', async () => {
  const run = await runCli(['check', '--offline', 'x\u001b[2Jy.yaml'], dir);
  assert.equal(run.status, 2);
  assert.ok(run.stderr.includes('x\\x1b[2Jy.yaml'), run.stderr);
  assert.doesNotMatch(run.stderr, RAW_CONTROL);
});
