// compose `env_file`: the variables of the referenced files join the service's scope, and the
// service's own `environment` wins over them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { checkDocument } from '../../../server/src/engine/check';

const folder = '/project/deploy';
const compose = `# mendix-email: target=mendix-cloud
services:
  app:
    env_file:
      - ./mail.env
      - missing.env
    environment:
      MX_Mail_SMTPPort: "587"
`;
const files: Record<string, string> = {
  [join(folder, 'mail.env')]: 'MX_Mail_SMTPHost=smtp.sendgrid.net\nMX_Mail_SMTPPort=25\nMX_Mail_SMTPUsername=apikey\nMX_Mail_SMTPPassword=SG.x.y\n',
};
const read = (p: string) => files[p];

test('env_file variables are merged into the service, environment beats env_file', () => {
  const result = checkDocument({ path: join(folder, 'docker-compose.yml'), text: compose }, { readReferencedFile: read })!;
  const s = result.settings[0];
  assert.equal(s.roles.host?.value, 'smtp.sendgrid.net');
  assert.equal(s.roles.host?.fromFile, './mail.env');
  assert.equal(s.roles.port?.value, '587', 'environment wins');
  assert.equal(s.roles.port?.fromFile, undefined);
  const ids = result.findings.map((f) => f.ruleId);
  assert.ok(!ids.includes('missing-credentials'), 'credentials come from mail.env');
  assert.ok(!ids.includes('port-25-on-mendix-cloud'), 'the losing 25 in mail.env does not count');
});

test('a finding about a value from an env_file sits on the env_file entry and carries no edit of this file', () => {
  const text = compose.replace('      MX_Mail_SMTPPort: "587"\n', '      OTHER: x\n');
  const result = checkDocument({ path: join(folder, 'docker-compose.yml'), text }, { readReferencedFile: read })!;
  const port25 = result.findings.find((f) => f.ruleId === 'port-25-on-mendix-cloud');
  assert.ok(port25, 'port 25 from mail.env is judged');
  assert.equal(port25.range.start.line, 4, 'on the `- ./mail.env` line');
  assert.equal(port25.fixes, undefined);
});

test('without a way to read files, or with unreadable ones, the service is checked on its own', () => {
  const result = checkDocument({ path: join(folder, 'docker-compose.yml'), text: compose }, {})!;
  assert.equal(result.settings[0].roles.host, undefined);
  const throwing = checkDocument({ path: join(folder, 'docker-compose.yml'), text: compose }, { readReferencedFile: () => { throw new Error('EACCES'); } });
  assert.ok(throwing);
});

// G4: compose and .env give the app one CONSTANTS variable, the last one; what an earlier one
// sets is gone, not merged key by key.
const composeWith = (envFiles: string[], environment: string[] = []) =>
  [
    '# mendix-email: target=mendix-cloud',
    'services:',
    '  app:',
    '    env_file:',
    ...envFiles.map((f) => `      - ${f}`),
    ...(environment.length ? ['    environment:', ...environment.map((e) => `      ${e}`)] : []),
    '',
  ].join('\n');
const checkWith = (text: string, envTexts: Record<string, string>) =>
  checkDocument({ path: join(folder, 'docker-compose.yml'), text }, { readReferencedFile: (p) => envTexts[p] })!;
const port25 = 'CONSTANTS={"Mail.SMTPHost":"smtp.sendgrid.net","Mail.SMTPPort":25}\n';
const hostOnly = 'CONSTANTS={"Mail.SMTPHost":"smtp.sendgrid.net"}\n';

test('a later env_file entry beats an earlier one', () => {
  const envTexts = { [join(folder, 'first.env')]: 'MX_Mail_SMTPPort=25\n', [join(folder, 'second.env')]: 'MX_Mail_SMTPPort=587\n' };
  const forward = checkWith(composeWith(['first.env', 'second.env']), envTexts);
  assert.equal(forward.settings[0].roles.port?.value, '587');
  assert.equal(forward.settings[0].roles.port?.fromFile, 'second.env');
  const backward = checkWith(composeWith(['second.env', 'first.env']), envTexts);
  assert.equal(backward.settings[0].roles.port?.value, '25');
  assert.ok(backward.findings.some((f) => f.ruleId === 'port-25-on-mendix-cloud'));
});

test('environment CONSTANTS replaces the env_file CONSTANTS whole: a key only the env_file sets is not in effect', () => {
  const text = composeWith(['c1.env'], [`CONSTANTS: '{"Mail.SMTPHost":"smtp.sendgrid.net"}'`]);
  const result = checkWith(text, { [join(folder, 'c1.env')]: port25 });
  const s = result.settings[0];
  assert.equal(s.roles.port, undefined, 'Mail.SMTPPort only in c1.env CONSTANTS: gone');
  assert.equal(s.roles.host?.fromFile, undefined, 'the host of environment CONSTANTS');
  assert.ok(!result.findings.some((f) => f.ruleId === 'port-25-on-mendix-cloud'), JSON.stringify(result.findings));
  // the env_file's host lost to the one in environment; the lost port is in neither list
  assert.deepEqual(s.overridden.map((o) => [o.loser.name, o.loser.fromFile, o.winner.fromFile]), [['Mail.SMTPHost', 'c1.env', undefined]]);
  assert.ok(!s.effective.some((a) => a.name === 'Mail.SMTPPort'));
});

test('an MX_ variable from an env_file still beats environment CONSTANTS (per constant, after the variable level)', () => {
  const text = composeWith(['c1.env'], [`CONSTANTS: '{"Mail.SMTPHost":"smtp.sendgrid.net","Mail.SMTPPort":587}'`]);
  const result = checkWith(text, { [join(folder, 'c1.env')]: 'MX_Mail_SMTPPort=25\n' + port25 });
  assert.equal(result.settings[0].roles.port?.value, '25');
  assert.equal(result.settings[0].roles.port?.channel, 'mx-env');
});

test('two env_files with CONSTANTS: the later one replaces the earlier one whole', () => {
  const envTexts = { [join(folder, 'a.env')]: port25, [join(folder, 'b.env')]: hostOnly };
  const forward = checkWith(composeWith(['a.env', 'b.env']), envTexts);
  assert.equal(forward.settings[0].roles.port, undefined);
  assert.equal(forward.settings[0].roles.host?.fromFile, 'b.env');
  assert.ok(!forward.findings.some((f) => f.ruleId === 'port-25-on-mendix-cloud'));
  const backward = checkWith(composeWith(['b.env', 'a.env']), envTexts);
  assert.equal(backward.settings[0].roles.port?.value, '25');
  assert.ok(backward.findings.some((f) => f.ruleId === 'port-25-on-mendix-cloud'));
});

test('one env_file with CONSTANTS twice: the later line wins whole, also when its JSON spans lines', () => {
  const twice = port25 + 'CONSTANTS="{\n  \\"Mail.SMTPHost\\": \\"smtp.sendgrid.net\\"\n}"\n';
  const result = checkWith(composeWith(['twice.env']), { [join(folder, 'twice.env')]: twice });
  assert.equal(result.settings[0].roles.host?.value, 'smtp.sendgrid.net');
  assert.equal(result.settings[0].roles.host?.fromLine, 2, 'the key on the third line of twice.env');
  assert.equal(result.settings[0].roles.port, undefined);
  const reversed = checkWith(composeWith(['twice.env']), { [join(folder, 'twice.env')]: hostOnly + port25 });
  assert.equal(reversed.settings[0].roles.port?.value, '25');
});
