// An environment's settings → the rendered document → the same readers and rules as any file:
// ranges of each constant, masking, the production marker, DeployedValue carried as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderEnvironment, constantOnLine } from '../../server/src/cloud/render';
import { checkDocument } from '../../server/src/engine/check';
import { readSettingsFile, textOfRange } from '../../server/src/sources/index';
import { parseCloudDocumentUri } from '../../server/src/cloud/uri';
import type { CloudSettings } from '../../server/src/cloud/api';

const SECRET = 'SG.abc-never-shown';
const settings: CloudSettings = {
  Constants: [
    { Name: 'Email_Connector.SMTPPort', DataType: 'Integer', Value: '587', DeployedValue: '25' },
    { Name: 'Email_Connector.SMTPHost', DataType: 'String', Value: 'smtp.sendgrid.net', DeployedValue: 'smtp.sendgrid.net' },
    { Name: 'Email_Connector.SMTPPassword', DataType: 'String', Value: SECRET, DeployedValue: 'SG.old-never-shown' },
    { Name: 'Email_Connector.SMTPUsername', DataType: 'String', Value: 'apikey', DeployedValue: 'apikey' },
    { Name: 'Email_Connector.FromAddress', DataType: 'String', Value: 'Orders <orders@mycompany.nl>', DeployedValue: 'Orders <orders@mycompany.nl>' },
    { Name: 'Email_Connector.UseTLS', DataType: '_Boolean', Value: 'true', DeployedValue: 'true' },
    { Name: 'MyModule.Code', DataType: 'String', Value: '0587', DeployedValue: '0587' },
    { Name: 'MyModule.Note', DataType: 'String', Value: 'a "quoted" # not a comment\nsecond line', DeployedValue: 'a "quoted" # not a comment\nsecond line' },
    { Name: 'Encryption.EncryptionKey', DataType: 'String', Value: 'k'.repeat(32), DeployedValue: 'k'.repeat(32) },
  ],
  CustomSettings: [],
  ScheduledEvents: [],
};

test('one Module.Constant: value per line, sorted, with the header the reader understands', () => {
  const r = renderEnvironment('calc', { Mode: 'Production', Production: true }, settings);
  assert.equal(r.uri, 'mendix-cloud://calc/Production');
  assert.deepEqual(parseCloudDocumentUri(r.uri), { appId: 'calc', mode: 'Production' });
  const lines = r.text.split('\n');
  assert.equal(lines[0], '# mendix-email: target=mendix-cloud');
  assert.equal(lines[1], '# mendix-cloud: app=calc environment=Production production=true');
  assert.ok(lines.includes('Email_Connector.SMTPPort: 587  # deployed: 25'), r.text);
  assert.ok(lines.includes('Email_Connector.UseTLS: true'), r.text);
  assert.ok(lines.includes('MyModule.Code: "0587"'), 'a String that YAML would read as a number is quoted');
  assert.deepEqual(r.constants.map((c) => c.name), [...settings.Constants.map((c) => c.Name)].sort());
});

test('the rendered ranges are the ones the reader finds, for every constant', () => {
  const r = renderEnvironment('calc', { Mode: 'Production', Production: true }, settings);
  const read = readSettingsFile(r.uri, r.text)!;
  assert.equal(read.kind, 'mendix-cloud');
  assert.deepEqual(read.problems, []);
  const [scope] = read.scopes;
  assert.equal(scope.name, 'calc/Production');
  for (const c of r.constants) {
    const a = scope.assignments.find((x) => x.name === c.name)!;
    assert.deepEqual(a.keyRange, c.keyRange, c.name);
    assert.deepEqual(a.valueRange, c.valueRange, c.name);
    assert.equal(constantOnLine(r, c.line)?.name, c.name);
  }
  const note = scope.assignments.find((a) => a.name === 'MyModule.Note')!;
  assert.equal(note.value, 'a "quoted" # not a comment\nsecond line', 'escapes read back to the same text');
  const port = scope.assignments.find((a) => a.name === 'Email_Connector.SMTPPort')!;
  assert.equal(textOfRange(r.text, port.valueRange), '587');
  assert.equal(port.deployedValue, '25');
  assert.equal(scope.assignments.find((a) => a.name === 'Email_Connector.SMTPHost')!.deployedValue, undefined);
});

test('passwords and other secrets are masked, also their deployed value; never in the text', () => {
  const r = renderEnvironment('calc', { Mode: 'Production', Production: true }, settings);
  assert.ok(!r.text.includes(SECRET) && !r.text.includes('never-shown'), r.text);
  assert.ok(!r.text.includes('k'.repeat(32)), 'the encryption key is masked too');
  assert.ok(r.text.includes('Email_Connector.SMTPPassword: "********"  # deployed: "********"'), r.text);
  const password = readSettingsFile(r.uri, r.text)!.scopes[0].assignments.find((a) => a.name === 'Email_Connector.SMTPPassword')!;
  assert.equal(password.valueKind, 'secret-ref', 'present, never judged as text');
  assert.equal(r.constants.find((c) => c.name === 'Email_Connector.SMTPPassword')!.masked, true);
});

test('an empty password is shown as empty, so missing-credentials can say so', () => {
  const empty = { ...settings, Constants: settings.Constants.map((c) => (c.Name.endsWith('SMTPPassword') ? { ...c, Value: '', DeployedValue: '' } : c)) };
  const r = renderEnvironment('calc', { Mode: 'Test', Production: false }, empty);
  assert.ok(r.text.includes('Email_Connector.SMTPPassword: ""\n'));
  const ids = checkDocument({ path: r.uri, text: r.text })!.findings.map((f) => f.ruleId);
  assert.ok(ids.includes('missing-credentials'), ids.join());
});

test('target mendix-cloud; production from the environment: sending-disabled only in production', () => {
  const off = { ...settings, Constants: [...settings.Constants, { Name: 'EmailTemplate.SendingEnabled', DataType: '_Boolean', Value: 'false', DeployedValue: 'false' }] };
  const prod = renderEnvironment('calc', { Mode: 'Production', Production: true }, off);
  const test_ = renderEnvironment('calc', { Mode: 'Test', Production: false }, off);
  const checkedProd = checkDocument({ path: prod.uri, text: prod.text })!;
  assert.equal(checkedProd.settings[0].target.target, 'mendix-cloud');
  assert.equal(checkedProd.read.scopes[0].dtapMode?.value, 'P');
  assert.ok(checkedProd.findings.some((f) => f.ruleId === 'sending-disabled'));
  const checkedTest = checkDocument({ path: test_.uri, text: test_.text })!;
  assert.equal(checkedTest.read.scopes[0].dtapMode?.value, 'T');
  assert.ok(!checkedTest.findings.some((f) => f.ruleId === 'sending-disabled'));
});

test('not-yet-deployed on the port, with both values; the other rules judge Value', () => {
  const r = renderEnvironment('calc', { Mode: 'Production', Production: true }, settings);
  const findings = checkDocument({ path: r.uri, text: r.text })!.findings;
  const port = findings.filter((f) => f.ruleId === 'not-yet-deployed' && f.range.start.line === r.constants.find((c) => c.name === 'Email_Connector.SMTPPort')!.line);
  assert.equal(port.length, 1);
  assert.equal(port[0].severity, 'info');
  assert.equal(port[0].message, 'The running app still uses 25; 587 takes effect at the next restart of this environment.');
  assert.ok(!findings.some((f) => f.ruleId === 'port-25-on-mendix-cloud'), 'Value is 587: port 25 is not judged');
  const password = findings.find((f) => f.ruleId === 'not-yet-deployed' && f.message.includes('SMTPPassword'));
  assert.ok(password, 'a changed password is reported');
  assert.ok(!password.message.includes('SG.') && !password.message.includes('*'), password.message);
  for (const f of findings) assert.ok(!f.message.includes('never-shown'), f.message);
});

test('a saved rendered document is read by its header under any YAML name', () => {
  const r = renderEnvironment('calc', { Mode: 'Production', Production: true }, settings);
  assert.equal(readSettingsFile('/tmp/calc-production.yaml', r.text)?.kind, 'mendix-cloud');
  assert.equal(readSettingsFile('/tmp/other.yaml', 'a: 1\n# mendix-cloud: app=x\n'), undefined, 'the header must come first');
});
