import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSettingsFile } from '../../../server/src/sources/index';
import { readFixture, slice, view } from './helpers';

test('m2ee.yaml: MicroflowConstants with exact key and value ranges, DTAPMode, comments', () => {
  const { text, result } = readFixture('m2ee.yaml');
  assert.equal(result.kind, 'm2ee');
  assert.deepEqual(result.problems, []);
  assert.equal(result.scopes.length, 1);
  const [scope] = result.scopes;
  assert.equal(scope.name, 'mxruntime');
  assert.equal(scope.kind, 'm2ee');
  assert.equal(slice(text, scope.anchorRange), 'MicroflowConstants');
  assert.equal(scope.dtapMode?.value, 'P');
  assert.equal(slice(text, scope.dtapMode!.range), 'P');
  assert.deepEqual(view(text, scope.assignments), [
    ['Mail.SMTPHost', 'smtp.example.com', 'literal', 'smtp.example.com', 'Mail.SMTPHost'],
    ['Mail.SMTPPort', '587', 'literal', '587', 'Mail.SMTPPort'],
    ['Mail.UseSSL', 'false', 'literal', 'false', 'Mail.UseSSL'],
    ['Mail.FromAddress', 'App <app@example.com>', 'literal', 'App <app@example.com>', 'Mail.FromAddress'],
    // the range covers the text as written; the value is the decoded one
    ['Mail.Signature', "It's us", 'literal', "It''s us", 'Mail.Signature'],
    ['Mail.Escaped', 'tab\there', 'literal', 'tab\\there', 'Mail.Escaped'],
    ['Mail.SMTPPassword', '${SMTP_PASSWORD}', 'reference', '${SMTP_PASSWORD}', 'Mail.SMTPPassword'],
    ['Mail.Empty', '', 'empty', '', 'Mail.Empty'],
    ['Mail.Null', '', 'empty', '', 'Mail.Null'],
    ['Mail.Footer', 'Regards,\nthe team\n', 'literal', '|\n      Regards,\n      the team', 'Mail.Footer'],
    // a duplicate key is kept: the rules report which one wins
    ['Mail.SMTPHost', 'smtp2.example.com', 'literal', 'smtp2.example.com', 'Mail.SMTPHost'],
  ]);
  const byName = (n: string) => scope.assignments.find((a) => a.name === n)!;
  assert.equal(byName('Mail.SMTPPort').scalarType, 'number');
  assert.equal(byName('Mail.UseSSL').scalarType, 'boolean');
  assert.equal(byName('Mail.FromAddress').quoted, true);
  assert.equal(byName('Mail.SMTPHost').quoted, false);
  assert.equal(byName('Mail.Null').scalarType, 'null');
  assert.equal(byName('Mail.SMTPHost').channel, 'constant-key');
  assert.equal(slice(text, byName('Mail.SMTPPort').entryRange), 'Mail.SMTPPort: 587');
  // an empty value gets an empty range at the end of the key
  const missing = byName('Mail.Null');
  assert.deepEqual(missing.valueRange.start, missing.valueRange.end);

  assert.deepEqual(result.suppressions, [{ line: 11, ruleIds: ['password-in-plain-text', 'sender-noreply'] }]);
  assert.equal(result.targetDirective?.target, 'self-hosted');
  assert.equal(slice(text, result.targetDirective!.range), 'self-hosted');
});

test('m2ee: any file name with a top-level mxruntime, whatever the language id', () => {
  const text = 'mxruntime:\n  MicroflowConstants:\n    A.B: c\n';
  assert.equal(readSettingsFile('/x/deploy/app-settings.yml', text)?.kind, 'm2ee');
  assert.equal(readSettingsFile('/x/settings', text, 'yaml')?.kind, 'm2ee');
  // m2ee.yaml without mxruntime is still an m2ee file (with no scope to check)
  const bare = readSettingsFile('/x/m2ee.yaml', 'm2ee:\n  app_name: x\n');
  assert.equal(bare?.kind, 'm2ee');
  assert.deepEqual(bare?.scopes, []);
});
