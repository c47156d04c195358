import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSettingsFile } from '../../../server/src/sources/index';
import { readFixture, scopeNamed, slice, view } from './helpers';

test('MendixApp + Deployment in one multi-document file: each document read on its own', () => {
  const { text, result } = readFixture('mendixapp.yaml');
  assert.equal(result.kind, 'mendix-app');
  assert.deepEqual(result.problems, []);
  assert.deepEqual(
    result.scopes.map((s) => [s.name, s.kind]),
    [
      ['MendixApp my-app', 'mendix-app'],
      ['MendixApp nested-app', 'mendix-app'],
      ['Deployment mailer / container app', 'kubernetes'],
    ],
  );
  const app = scopeNamed(result, 'MendixApp my-app');
  assert.equal(app.dtapMode?.value, 'P');
  assert.equal(slice(text, app.anchorRange), 'microflowConstants');
  assert.deepEqual(view(text, app.assignments), [
    ['Mail.SMTPHost', 'smtp.office365.com', 'literal', 'smtp.office365.com', 'Mail.SMTPHost'],
    ['Mail.SMTPPort', '587', 'literal', '587', 'Mail.SMTPPort'],
    // customConfiguration (a block scalar) → MicroflowConstants object
    ['Mail.UseTLS', 'true', 'literal', 'true', 'Mail.UseTLS'],
    ['Mail.From', 'app@example.com', 'literal', 'app@example.com', 'Mail.From'],
  ]);
  assert.deepEqual(app.assignments.map((a) => a.channel), ['constant-key', 'constant-key', 'custom-configuration', 'custom-configuration']);
  assert.equal(app.assignments[2].quoted, true);

  // MicroflowConstants as a JSON string, inside the customConfiguration JSON string,
  // inside a double-quoted YAML string: three escape layers, still exact
  const nested = scopeNamed(result, 'MendixApp nested-app');
  assert.deepEqual(view(text, nested.assignments), [
    ['Mail.SMTPHost', 'smtp.example.com', 'literal', 'smtp.example.com', 'Mail.SMTPHost'],
    ['Mail.SMTPPort', '25', 'literal', '25', 'Mail.SMTPPort'],
  ]);
  assert.equal(nested.assignments[1].scalarType, 'number');
  assert.equal(slice(text, nested.assignments[0].entryRange), String.raw`\\\"Mail.SMTPHost\\\": \\\"smtp.example.com\\\"`);

  const deployment = scopeNamed(result, 'Deployment mailer / container app');
  assert.deepEqual(view(text, deployment.assignments), [
    ['Mail.SMTPHost', 'smtp.example.com', 'literal', 'smtp.example.com', 'MX_Mail_SMTPHost'],
    ['Mail.SMTPPassword', '', 'secret-ref', slice(text, deployment.assignments[1].valueRange), 'MX_Mail_SMTPPassword'],
  ]);
  assert.match(slice(text, deployment.assignments[1].valueRange), /^secretKeyRef:/);
});

test('MendixApp: invalid customConfiguration and MicroflowConstants JSON are reported where they are', () => {
  const text = [
    'apiVersion: privatecloud.mendix.com/v1alpha1',
    'kind: MendixApp',
    'metadata: {name: a}',
    'spec:',
    '  runtime:',
    `    customConfiguration: '{"MicroflowConstants": "{\\"Mail.Host\\": }"}'`,
    '---',
    'apiVersion: privatecloud.mendix.com/v1alpha1',
    'kind: MendixApp',
    'metadata: {name: b}',
    'spec:',
    '  runtime:',
    `    customConfiguration: '{"MicroflowConstants": 42'`,
    '',
  ].join('\n');
  const result = readSettingsFile('/p/app.yaml', text)!;
  assert.equal(result.kind, 'mendix-app');
  const problems = result.problems.map((p) => [p.ruleId, p.range.start.line, slice(text, p.range), p.message]);
  assert.equal(problems.length, 2, JSON.stringify(problems));
  // inner JSON: the value is missing where `}` stands
  assert.deepEqual(problems[0].slice(0, 3), ['invalid-constants-json', 5, '}']);
  assert.match(problems[0][3] as string, /MicroflowConstants is not valid JSON \(a value was expected/);
  assert.deepEqual(problems[1].slice(0, 2), ['invalid-constants-json', 12]);
  assert.match(problems[1][3] as string, /customConfiguration is not valid JSON/);
});

test('MendixApp: recognised by apiVersion and kind only', () => {
  const doc = 'apiVersion: privatecloud.mendix.com/v1alpha1\nkind: MendixApp\nspec:\n  runtime:\n    microflowConstants:\n      A.B: c\n';
  assert.equal(readSettingsFile('/p/anything.yml', doc)?.kind, 'mendix-app');
  assert.equal(readSettingsFile('/p/anything.yml', doc.replace('privatecloud.mendix.com', 'example.com')), undefined);
});
