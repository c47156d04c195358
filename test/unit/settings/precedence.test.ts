import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolvePrecedence } from '../../../server/src/settings/precedence';
import { scope } from '../rules/build';

test('MX_ beats CONSTANTS beats the model default, whatever the order', () => {
  const s = scope([
    { name: 'Mail.Port', value: '25', channel: 'model-default' },
    { name: 'Mail.Port', key: 'MX_Mail_Port', value: '587', channel: 'mx-env' },
    { name: 'Mail.Port', value: '2525', channel: 'constants-json' },
  ]);
  const p = resolvePrecedence(s.assignments);
  assert.deepEqual(p.effective.map((a) => a.value), ['587']);
  assert.deepEqual(p.overridden.map((o) => [o.loser.value, o.winner.value]), [['25', '587'], ['2525', '587']]);
});

test('a module with _ : MX_Email_Connector_X is the same constant as Email_Connector.X', () => {
  const s = scope([
    { name: 'Email_Connector.X', value: 'json', channel: 'constants-json' },
    { name: 'Email.Connector_X', key: 'MX_Email_Connector_X', value: 'env', channel: 'mx-env' },
  ]);
  assert.deepEqual(resolvePrecedence(s.assignments).effective.map((a) => a.value), ['env']);
});

test('duplicate key in one channel: the last one wins; names are case-sensitive', () => {
  const s = scope([['Mail.Host', 'a'], ['Mail.Host', 'b'], ['mail.host', 'c']]);
  const p = resolvePrecedence(s.assignments);
  assert.deepEqual(p.effective.map((a) => a.value), ['b', 'c']);
  assert.equal(p.overridden[0].loser.value, 'a');
});

test('linear: 100,000 distinct constants resolve fast', () => {
  const s = scope(Array.from({ length: 100_000 }, (_, i) => [`M.C${i}`, String(i)] as [string, string]));
  const t = performance.now();
  const p = resolvePrecedence(s.assignments);
  assert.equal(p.effective.length, 100_000);
  // generous: a quadratic loop would take minutes at this size; the machine may be busy
  assert.ok(performance.now() - t < 5000);
});

test('CONSTANTS is one variable: the last CONSTANTS replaces earlier ones whole, then MX_ beats CONSTANTS per constant', () => {
  const s = scope([
    { name: 'Mail.SMTPHost', value: 'a', channel: 'constants-json' },
    { name: 'Mail.SMTPPort', value: '25', channel: 'constants-json' },
    { name: 'Mail.SMTPHost', value: 'b', channel: 'constants-json' },
    { name: 'Mail.SMTPUsername', key: 'MX_Mail_SMTPUsername', value: 'env', channel: 'mx-env' },
    { name: 'Mail.SMTPUsername', value: 'json', channel: 'constants-json' },
  ]);
  // a reader that tells the CONSTANTS lines apart: the first two keys on line 1, the rest on line 3
  s.assignments.forEach((a, i) => a.channel === 'constants-json' && (a.constantsLine = i < 2 ? 1 : 3));
  const p = resolvePrecedence(s.assignments);
  assert.deepEqual(p.effective.map((a) => `${a.name}=${a.value}`), ['Mail.SMTPHost=b', 'Mail.SMTPUsername=env']);
  // the replaced host lost to the later CONSTANTS; the replaced port is in neither list
  assert.deepEqual(p.overridden.map((o) => [o.loser.value, o.winner.value]), [['a', 'b'], ['json', 'env']]);
});

test('CONSTANTS keys from different env_files are different variables; the own environment comes last and wins', () => {
  const s = scope([
    { name: 'Mail.SMTPPort', value: '25', channel: 'constants-json' },
    { name: 'Mail.SMTPHost', value: 'a', channel: 'constants-json' },
    { name: 'Mail.SMTPHost', value: 'b', channel: 'constants-json' },
  ]);
  s.assignments[0].fromFile = s.assignments[1].fromFile = 'c1.env';
  const p = resolvePrecedence(s.assignments);
  assert.deepEqual(p.effective.map((a) => a.value), ['b']);
  assert.deepEqual(p.overridden.map((o) => [o.loser.value, o.winner.value]), [['a', 'b']]);
});
