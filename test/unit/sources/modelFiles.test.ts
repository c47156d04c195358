import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSettingsFile } from '../../../server/src/sources/index';
import { readFixture, slice, view } from './helpers';

test('metadata.json: declarations with types and defaults, and a scope of model defaults', () => {
  const { text, result } = readFixture('metadata.json', '/app/model/metadata.json');
  assert.equal(result.kind, 'metadata-json');
  assert.deepEqual(result.problems, []);
  assert.deepEqual(
    result.declarations.map((d) => [d.name, d.type, d.defaultValue, d.file, slice(text, d.range)]),
    [
      ['Mail.SMTPHost', 'String', 'smtp.example.com', '/app/model/metadata.json', 'Mail.SMTPHost'],
      ['Mail.SMTPPort', 'Integer', '25', '/app/model/metadata.json', 'Mail.SMTPPort'],
      ['Email_Connector.LogNode', 'String', '', '/app/model/metadata.json', 'Email_Connector.LogNode'],
    ],
  );
  assert.equal(result.scopes.length, 1);
  assert.deepEqual(view(text, result.scopes[0].assignments), [
    ['Mail.SMTPHost', 'smtp.example.com', 'literal', 'smtp.example.com', 'Mail.SMTPHost'],
    ['Mail.SMTPPort', '25', 'literal', '25', 'Mail.SMTPPort'],
    ['Email_Connector.LogNode', '', 'empty', '', 'Email_Connector.LogNode'],
  ]);
  assert.ok(result.scopes[0].assignments.every((a) => a.channel === 'model-default'));
  assert.equal(slice(text, result.scopes[0].anchorRange), '"Constants"');
});

test('config.json: Constants object and Configuration.DTAPMode', () => {
  const { text, result } = readFixture('config.json', '/app/model/config.json');
  assert.equal(result.kind, 'config-json');
  assert.deepEqual(result.problems, []);
  const [scope] = result.scopes;
  assert.equal(scope.dtapMode?.value, 'T');
  assert.deepEqual(view(text, scope.assignments), [
    ['Mail.SMTPHost', 'smtp.example.com', 'literal', 'smtp.example.com', 'Mail.SMTPHost'],
    ['Mail.SMTPPort', '587', 'literal', '587', 'Mail.SMTPPort'],
    ['Mail.UseSSL', 'false', 'literal', 'false', 'Mail.UseSSL'],
  ]);
  assert.equal(scope.assignments[1].scalarType, 'number');
  assert.equal(scope.assignments[2].quoted, true);
});

test('JSON files of other tools with the same names are not ours; broken ones in model/ are', () => {
  assert.equal(readSettingsFile('/p/config.json', '{"compilerOptions": {}}'), undefined);
  assert.equal(readSettingsFile('/p/metadata.json', '{"name": "x"}'), undefined);
  assert.equal(readSettingsFile('/p/package.json', '{"Constants": {}}'), undefined);
  const broken = readSettingsFile('/app/model/metadata.json', '{"Constants": [ {"Name": "A.B", }');
  assert.equal(broken?.kind, 'metadata-json');
  assert.equal(broken?.problems.length, 1);
  assert.equal(broken?.problems[0].ruleId, 'syntax-error');
  assert.deepEqual(broken?.declarations.map((d) => d.name), ['A.B']);
});

test('Constants.java: declarations with Mendix types, no values', () => {
  const { text, result } = readFixture('Constants.java', '/app/javasource/email_connector/proxies/constants/Constants.java', 'java');
  assert.equal(result.kind, 'constants-java');
  assert.deepEqual(result.scopes, []);
  assert.deepEqual(
    result.declarations.map((d) => [d.name, d.type, slice(text, d.range)]),
    [
      ['Email_Connector.LogNode', 'String', 'Email_Connector.LogNode'],
      ['Email_Connector.EmailLogRetention', 'Integer', 'Email_Connector.EmailLogRetention'],
      ['Email_Connector.UseSSL', 'Boolean', 'Email_Connector.UseSSL'],
    ],
  );
  assert.equal(readSettingsFile('/p/src/Constants.java', 'class Constants { static final int A = 1; }'), undefined);
});
