// compose `env_file`: the variables of the referenced files join the service's scope, and the
// service's own `environment` wins over them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { checkDocument } from '../../../../server/src/engine/check';

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
