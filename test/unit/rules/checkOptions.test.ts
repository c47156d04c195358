// Behaviour that depends on check options rather than on the file: git tracking, declarations,
// and that secrets never appear in messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDocument } from '../../../server/src/engine/check';
import type { CheckOptions } from '../../../server/src/core/settings';

const compose = `services:
  app:
    environment:
      MX_Mail_SMTPHost: smtp.sendgrid.net
      MX_Mail_SMTPUsername: apikey
      MX_Mail_SMTPPassword: not-a-key-S3cret
`;
const ids = (options: CheckOptions, text = compose, path = '/repo/docker-compose.yml') =>
  checkDocument({ path, text }, options)!.findings.map((f) => f.ruleId);

test('password-in-plain-text: not reported for a file git ignores, reported for a tracked one', () => {
  assert.ok(!ids({ isTrackedByGit: () => false }).includes('password-in-plain-text'));
  const tracked = checkDocument({ path: '/repo/docker-compose.yml', text: compose }, { isTrackedByGit: () => true })!;
  const f = tracked.findings.find((x) => x.ruleId === 'password-in-plain-text');
  assert.ok(f);
  assert.match(f.message, /a file git tracks/);
  assert.match(f.message, /\$\{MX_Mail_SMTPPassword\}/);
});

test('no message repeats the secret', () => {
  const all = checkDocument({ path: '/repo/docker-compose.yml', text: compose }, {})!;
  assert.ok(all.findings.some((f) => f.ruleId === 'provider-credential-shape'));
  for (const f of all.findings) assert.ok(!f.message.includes('S3cret'), `${f.ruleId} leaks the secret: ${f.message}`);
});

test('unknown-constant: silent without declarations, suggests the closest declared name with them', () => {
  const text = 'MX_Mail_SMTPHots=smtp.example.com\n';
  assert.ok(!ids({}, text, '/repo/.env').includes('unknown-constant'));
  const declarations = [{ name: 'Mail.SMTPHost', file: '/repo/model/metadata.json', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }];
  const result = checkDocument({ path: '/repo/.env', text }, { declarations })!;
  const f = result.findings.find((x) => x.ruleId === 'unknown-constant');
  assert.ok(f);
  assert.match(f.message, /did you mean Mail\.SMTPHost\?/);
  assert.equal(f.fixes?.[0].edits[0].newText, 'MX_Mail_SMTPHost');
});

test('severity settings turn catalog rules off like every other rule', () => {
  assert.ok(!ids({ ruleSeverities: { 'provider-credential-shape': 'off' } }).includes('provider-credential-shape'));
});
