import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSettingsFile } from '../../../server/src/sources/index';
import { fixture, readFixture, slice, view } from './helpers';

test('.env: KEY=value lines, export, quotes, inline comments, CONSTANTS, DTAP_MODE', () => {
  const { text, result } = readFixture('.env');
  assert.equal(result.kind, 'dotenv');
  assert.deepEqual(result.problems, []);
  assert.equal(result.scopes.length, 1);
  const [scope] = result.scopes;
  assert.equal(scope.name, '.env');
  assert.equal(scope.dtapMode?.value, 'P');
  assert.deepEqual(view(text, scope.assignments), [
    ['Mail.SMTPHost', 'smtp.example.com', 'literal', 'smtp.example.com', 'MX_Mail_SMTPHost'],
    ['Mail.SMTPPort', '587', 'literal', '587', 'MX_Mail_SMTPPort'],
    ['Mail.SMTPUser', 'apikey', 'literal', 'apikey', 'MX_Mail_SMTPUser'],
    ['Mail.FromAddress', 'App <app@example.com>', 'literal', 'App <app@example.com>', 'MX_Mail_FromAddress'],
    ['Mail.SMTPPassword', '${SMTP_PASSWORD}', 'reference', '${SMTP_PASSWORD}', 'MX_Mail_SMTPPassword'],
    ['Mail.Empty', '', 'empty', '', 'MX_Mail_Empty'],
    // `#` starts a comment only after a blank
    ['Mail.HashInside', 'abc#def', 'literal', 'abc#def', 'MX_Mail_HashInside'],
    ['Mail.UseSSL', 'false', 'literal', 'false', 'Mail.UseSSL'],
    ['Mail.Sender', 'app@example.com', 'literal', 'app@example.com', 'Mail.Sender'],
    ['Mail.Multi', 'line one\nline two', 'literal', 'line one\nline two', 'MX_Mail_Multi'],
    ['Mail.Tls', 'true', 'literal', 'true', 'MX_Mail_Tls'],
  ]);
  const from = scope.assignments[3];
  assert.equal(from.quoted, true);
  assert.equal(from.channel, 'mx-env');
  assert.equal(scope.assignments[7].channel, 'constants-json');
  assert.deepEqual(result.suppressions, [{ line: 9, ruleIds: ['invalid-constants-json'] }]);
});

test('.env: recognised by name whatever the language id', () => {
  const text = 'MX_Mail_Host=h\n';
  for (const path of ['/p/.env', '/p/.env.production', '/p/mail.env', '/p/.env.local']) {
    for (const languageId of [undefined, 'dotenv', 'properties', 'plaintext', 'shellscript']) {
      assert.equal(readSettingsFile(path, text, languageId)?.kind, 'dotenv', `${path} ${languageId}`);
    }
  }
  assert.equal(readSettingsFile('/p/.envrc', text), undefined);
  assert.equal(readSettingsFile('/p/env.txt', text, 'dotenv'), undefined);
});

test('.env: a malformed line is one syntax error; the other lines are still read', () => {
  const text = 'MX_Mail_Host=h\nthis is not a setting\nalso bad\nMX_Mail_Port=25\n';
  const result = readSettingsFile('/p/.env', text)!;
  assert.equal(result.problems.length, 1);
  assert.equal(result.problems[0].ruleId, 'syntax-error');
  assert.equal(slice(text, result.problems[0].range), 'this is not a setting');
  assert.deepEqual(result.scopes[0].assignments.map((a) => a.name), ['Mail.Host', 'Mail.Port']);
});

test('.env: an unclosed quote is reported at the quote', () => {
  const text = 'MX_Mail_Host=h\nMX_Mail_Password="abc\nMX_Mail_Port=25\n';
  const result = readSettingsFile('/p/.env', text)!;
  assert.equal(result.problems.length, 1);
  assert.equal(result.problems[0].ruleId, 'syntax-error');
  assert.deepEqual(result.problems[0].range.start, { line: 1, character: 17 });
  assert.doesNotMatch(result.problems[0].message, /abc/); // never echo a value
  assert.deepEqual(result.scopes[0].assignments.map((a) => a.name), ['Mail.Host']);
});

test('.env: invalid MX_ names', () => {
  const text = 'MX_=1\nMX_Foo=2\nMX_Mail.Host=3\nMX__Host=4\nMX_Mail_=5\n';
  const result = readSettingsFile('/p/.env', text)!;
  assert.deepEqual(
    result.problems.map((p) => [p.ruleId, slice(text, p.range)]),
    [
      ['invalid-env-name', 'MX_'],
      ['invalid-env-name', 'MX_Foo'],
      ['invalid-env-name', 'MX_Mail.Host'],
      ['invalid-env-name', 'MX__Host'],
      ['invalid-env-name', 'MX_Mail_'],
    ],
  );
  assert.deepEqual(result.scopes[0].assignments, []);
});

test('.env: CRLF line endings keep exact ranges', () => {
  const text = fixture('.env').replace(/\n/g, '\r\n');
  const result = readSettingsFile('/p/.env', text)!;
  assert.deepEqual(result.problems, []);
  for (const a of result.scopes[0].assignments) {
    if (a.name === 'Mail.Multi') continue; // its value holds the line break
    assert.equal(slice(text, a.keyRange).includes('\r'), false);
    assert.ok(slice(text, a.valueRange) === a.value || a.valueKind === 'reference' || a.channel === 'constants-json', a.name);
  }
});

test('.env: DEVELOPMENT_MODE=true means DTAP mode D (buildpack behaviour)', () => {
  const text = 'DEVELOPMENT_MODE=true\nMX_Mail_Host=h\n';
  const scope = readSettingsFile('/p/.env', text)!.scopes[0];
  assert.equal(scope.dtapMode?.value, 'D');
  assert.equal(slice(text, scope.dtapMode!.range), 'true');
  assert.equal(readSettingsFile('/p/.env', 'DEVELOPMENT_MODE=false\n')!.scopes[0].dtapMode, undefined);
});
