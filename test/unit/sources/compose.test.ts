import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSettingsFile } from '../../../server/src/sources/index';
import { readFixture, scopeNamed, slice, view } from './helpers';

test('compose: environment as a list and as a map, env_file in every form, one scope per service', () => {
  const { text, result } = readFixture('docker-compose.yml');
  assert.equal(result.kind, 'compose');
  assert.deepEqual(result.scopes.map((s) => s.name), ['service mendix', 'service worker', 'service db']);

  const mendix = scopeNamed(result, 'service mendix');
  assert.equal(slice(text, mendix.anchorRange), 'environment');
  assert.deepEqual(mendix.envFiles?.map((f) => [f.path, slice(text, f.range)]), [
    ['./mail.env', './mail.env'],
    ['./secrets.env', './secrets.env'],
  ]);
  assert.deepEqual(view(text, mendix.assignments), [
    ['Mail.SMTPHost', 'smtp.example.com', 'literal', 'smtp.example.com', 'MX_Mail_SMTPHost'],
    ['Mail.SMTPPort', '587', 'literal', '587', 'MX_Mail_SMTPPort'],
    // Email_Connector is a module with `_` in its name
    ['Email_Connector.LogNode', 'Email', 'literal', 'Email', 'MX_Email_Connector_LogNode'],
    // `- KEY` alone passes the value of the environment that runs compose
    ['Mail.SMTPPassword', '', 'reference', '', 'MX_Mail_SMTPPassword'],
    ['Mail.FromAddress', 'app@example.com', 'literal', 'app@example.com', 'Mail.FromAddress'],
    ['Mail.UseSSL', 'false', 'literal', 'false', 'Mail.UseSSL'],
  ]);
  const ssl = mendix.assignments.find((a) => a.name === 'Mail.UseSSL')!;
  assert.equal(ssl.channel, 'constants-json');
  assert.equal(ssl.scalarType, 'boolean');
  assert.equal(ssl.quoted, false);
  assert.equal(mendix.assignments[0].channel, 'mx-env');
  assert.equal(mendix.assignments[0].key, 'MX_Mail_SMTPHost');
  assert.equal(slice(text, mendix.assignments[0].entryRange), 'MX_Mail_SMTPHost=smtp.example.com');

  const worker = scopeNamed(result, 'service worker');
  assert.deepEqual(worker.envFiles?.map((f) => f.path), ['worker.env']);
  assert.equal(worker.dtapMode?.value, 'A');
  assert.deepEqual(view(text, worker.assignments), [
    ['Mail.SMTPHost', 'smtp.example.org', 'literal', 'smtp.example.org', 'MX_Mail_SMTPHost'],
    ['Mail.SMTPPort', '25', 'literal', '25', 'MX_Mail_SMTPPort'],
    ['Mail.SMTPUser', '$SMTP_USER', 'reference', '$SMTP_USER', 'MX_Mail_SMTPUser'],
    // JSON inside a double-quoted YAML string: ranges go through both escape layers
    ['Mail.FromAddress', 'wé@example.org', 'literal', 'w\\\\u00e9@example.org', 'Mail.FromAddress'],
    ['Mail.Tls', 'true', 'literal', 'true', 'Mail.Tls'],
  ]);
  assert.deepEqual(scopeNamed(result, 'service db').assignments, []);

  assert.deepEqual(
    result.problems.map((p) => [p.ruleId, slice(text, p.range)]),
    [['invalid-env-name', 'MX_Mail']],
  );
});

test('compose: CONSTANTS written in every YAML style', () => {
  const { text, result } = readFixture('constants-styles.compose.yaml', '/p/constants-styles.compose.yaml');
  assert.equal(result.kind, 'compose');
  const hosts = (name: string) => view(text, scopeNamed(result, `service ${name}`).assignments);
  assert.deepEqual(hosts('plainstring'), [
    ['Mail.Host', 'single.example.com', 'literal', 'single.example.com', 'Mail.Host'],
    ['Mail.Port', '465', 'literal', '465', 'Mail.Port'],
  ]);
  assert.deepEqual(hosts('literal'), [
    ['Mail.Host', 'literal.example.com', 'literal', 'literal.example.com', 'Mail.Host'],
    ['Mail.Port', '2525', 'literal', '2525', 'Mail.Port'],
  ]);
  // a double-quoted string folded over two lines
  assert.deepEqual(hosts('multiline'), [
    ['Mail.Host', 'multi.example.com', 'literal', 'multi.example.com', 'Mail.Host'],
  ]);
  // folded block scalars are not mapped character by character: the whole scalar's range
  const folded = scopeNamed(result, 'service folded').assignments;
  assert.deepEqual(folded.map((a) => [a.name, a.value]), [['Mail.Host', 'folded.example.com'], ['Mail.Port', '587']]);
  assert.ok(slice(text, folded[0].valueRange).startsWith('>\n'));

  const problems = result.problems.map((p) => [p.ruleId, slice(text, p.range), p.message]);
  assert.equal(problems.length, 5, JSON.stringify(problems, null, 1));
  assert.ok(problems.every(([id]) => id === 'invalid-constants-json'));
  // the YAML map (not a string)
  assert.match(problems[0][2], /YAML map or list/);
  assert.equal(problems[0][1], '{"Mail.Host": "plain.example.com"}');
  // the trailing comma: pointed at exactly
  assert.equal(problems[1][1], '}');
  assert.match(problems[1][2], /not valid JSON/);
  // an array instead of an object
  assert.equal(problems[2][1], '["Mail.Host"]');
  assert.match(problems[2][2], /must be a JSON object.*an array/);
  // a nested object as a value
  assert.equal(problems[3][1], '{"name": "x"}');
  assert.match(problems[3][2], /an object/);
  // empty CONSTANTS
  assert.match(problems[4][2], /empty/);
  // the broken JSON's recovered keys are still read
  assert.deepEqual(scopeNamed(result, 'service broken').assignments.map((a) => a.name), ['Mail.Host']);
});

test('compose: recognised by name, by top-level services, and version-1 files without services', () => {
  const v1 = 'app:\n  image: x\n  environment:\n    - MX_Mail_Host=h\nother: 3\n';
  const r = readSettingsFile('/p/docker-compose-k8s.yml', v1);
  assert.equal(r?.kind, 'compose');
  assert.deepEqual(r?.scopes.map((s) => [s.name, s.assignments.length]), [['service app', 1]]);
  assert.equal(readSettingsFile('/p/compose.prod.yaml', 'version: "3"\n')?.kind, 'compose');
  assert.equal(readSettingsFile('/p/stack.yml', 'services:\n  a:\n    image: x\n')?.kind, 'compose');
  assert.equal(readSettingsFile('/p/stack.yml', 'services:\n  a:\n    image: x\n', 'dockercompose')?.kind, 'compose');
  // the same v1 content under another name is not a compose file
  assert.equal(readSettingsFile('/p/random.yml', v1), undefined);
});

test('compose: anchors, aliases and << merge keys are followed; `KEY:` with no value passes the shell value', () => {
  const text = [
    'x-mail-env: &mail-env',
    '  MX_Mail_SMTPHost: smtp.example.com',
    '  MX_Mail_SMTPPort: 587',
    'x-service: &service',
    '  image: mendix/app',
    '  environment:',
    '    <<: *mail-env',
    '    MX_Mail_SMTPPort: 2525',
    'services:',
    '  app:',
    '    <<: *service',
    '  worker:',
    '    image: mendix/app',
    '    environment: *mail-env',
    '  shell:',
    '    image: mendix/app',
    '    environment:',
    '      MX_Mail_SMTPPassword:',
    '',
  ].join('\n');
  const result = readSettingsFile('/p/docker-compose.yml', text)!;
  assert.deepEqual(result.problems, []);
  const app = scopeNamed(result, 'service app');
  // merged ones first, the map's own value last (it wins)
  assert.deepEqual(view(text, app.assignments), [
    ['Mail.SMTPHost', 'smtp.example.com', 'literal', 'smtp.example.com', 'MX_Mail_SMTPHost'],
    ['Mail.SMTPPort', '587', 'literal', '587', 'MX_Mail_SMTPPort'],
    ['Mail.SMTPPort', '2525', 'literal', '2525', 'MX_Mail_SMTPPort'],
  ]);
  assert.deepEqual(scopeNamed(result, 'service worker').assignments.map((a) => a.value), ['smtp.example.com', '587']);
  const [password] = scopeNamed(result, 'service shell').assignments;
  assert.equal(password.valueKind, 'reference');
  assert.equal(password.value, '');
});

test('a byte order mark does not disturb the first key', () => {
  const env = readSettingsFile('/p/.env', '\uFEFFMX_Mail_Host=h\n')!;
  assert.deepEqual(env.problems, []);
  assert.equal(env.scopes[0].assignments[0].name, 'Mail.Host');
  const json = readSettingsFile('/app/model/config.json', '\uFEFF{"Constants": {"Mail.Host": "h"}}')!;
  assert.deepEqual(json.problems, []);
  assert.equal(json.scopes[0].assignments[0].valueRange.start.character, 30); // the h after the BOM
  const yaml = readSettingsFile('/p/m2ee.yaml', '\uFEFFmxruntime:\n  MicroflowConstants:\n    Mail.Host: h\n')!;
  assert.deepEqual(yaml.problems, []);
  assert.equal(yaml.scopes[0].assignments[0].name, 'Mail.Host');
});
