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
