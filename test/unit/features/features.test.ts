// The editor features as pure functions, on real check results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDocument } from '../../../server/src/engine/check';
import { codeLensesFor, completionsAt, disableForLineEdit, extraActionsFor, hoverAt } from '../../../server/src/features/index';
import { smtpSettingsFrom } from '../../../server/src/smtp/settings';

const m2ee = `mxruntime:
  DTAPMode: P
  MicroflowConstants:
    Mail.SMTPHost: smtp.sendgrid.net
    Mail.SMTPPort: 587
    Mail.SMTPPassword: SG.secret-value
    Mail.UseTLS: true
`;
const compose = `services:
  app:
    environment:
      MX_Mail_SMTPPort: "465"
      CONSTANTS: '{"Mail.SMTPPort": 25}'
      MX_Mail_SMTPHost: smtp.postmarkapp.com
`;
const check = (path: string, text: string) => checkDocument({ path, text }, {})!;

test('hover on a constant: role, winning value, what it overrides, declaration', () => {
  const result = check('/w/docker-compose.yml', compose);
  const h = hoverAt(result, { line: 3, character: 8 }, [{ name: 'Mail.SMTPPort', type: 'Integer', defaultValue: '587', file: '/w/model/metadata.json', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }]);
  assert.ok(h);
  assert.match(h.contents, /\*\*Mail\.SMTPPort\*\* — SMTP port/);
  assert.match(h.contents, /Value: `465` from variable `MX_Mail_SMTPPort` on line 4/);
  assert.match(h.contents, /Overrides: `25` from CONSTANTS JSON on line 5/);
  assert.match(h.contents, /Declared in metadata\.json: type Integer, default `587`/);
  assert.deepEqual(h.range.start, { line: 3, character: 6 });
});

test('hover on the losing value says it is not used', () => {
  const result = check('/w/docker-compose.yml', compose);
  const line = compose.split('\n')[4];
  const h = hoverAt(result, { line: 4, character: line.indexOf('Mail.SMTPPort') + 2 });
  assert.ok(h);
  assert.match(h.contents, /not used/);
});

test('hover on a provider host shows ports, username rule and notes; passwords are never shown', () => {
  const result = check('/w/m2ee.yaml', m2ee);
  const host = hoverAt(result, { line: 3, character: 25 });
  assert.ok(host);
  assert.match(host.contents, /\*\*SendGrid\*\*/);
  assert.match(host.contents, /587/);
  assert.match(host.contents, /apikey/);
  const pw = hoverAt(result, { line: 5, character: 8 });
  assert.ok(pw);
  assert.ok(!pw.contents.includes('secret-value'));
  assert.match(pw.contents, /\(set, hidden\)/);
  assert.equal(hoverAt(result, { line: 1, character: 3 }), undefined);
});

test('completion: Module.Constant keys under MicroflowConstants, MX_ variables in env, values by role', () => {
  const yaml = 'mxruntime:\n  MicroflowConstants:\n    Ema\n';
  const keys = completionsAt(yaml, { line: 2, character: 7 }, 'm2ee');
  const sending = keys.find((k) => k.label === 'EmailTemplate.SendingEnabled');
  assert.ok(sending);
  assert.equal(sending.insertText, 'EmailTemplate.SendingEnabled: ');
  assert.deepEqual(sending.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 7 } });

  const env = completionsAt('MX_Enc', { line: 0, character: 6 }, 'dotenv', [{ name: 'Mail.SMTPHost', file: '/w/model/metadata.json', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }]);
  assert.ok(env.some((e) => e.insertText === 'MX_Encryption_EncryptionKey='));
  assert.ok(env.some((e) => e.insertText === 'MX_Mail_SMTPHost='));

  const list = 'services:\n  app:\n    environment:\n      - MX_\n';
  assert.ok(completionsAt(list, { line: 3, character: 11 }, 'compose').some((e) => e.insertText === 'MX_EmailTemplate_SendingEnabled='));
  const map = 'services:\n  app:\n    environment:\n      MX_\n';
  assert.ok(completionsAt(map, { line: 3, character: 9 }, 'compose').some((e) => e.insertText === 'MX_EmailTemplate_SendingEnabled: '));

  const ports = completionsAt('MX_Mail_SMTPPort=', { line: 0, character: 17 }, 'dotenv');
  assert.deepEqual(ports.map((p) => p.label), ['587', '465', '2525']);
  assert.match(ports[1].detail!, /implicit TLS/);
  const flags = completionsAt('mxruntime:\n  MicroflowConstants:\n    Mail.UseSSL: \n', { line: 2, character: 17 }, 'm2ee');
  assert.deepEqual(flags.map((p) => p.label), ['true', 'false']);
  const hosts = completionsAt('      - MX_Mail_SMTPHost=smtp', { line: 0, character: 30 }, 'compose');
  assert.ok(hosts.some((h) => h.label === 'smtp.sendgrid.net' && h.detail === 'SendGrid'));
  assert.deepEqual(completionsAt('# MX_', { line: 0, character: 5 }, 'dotenv'), []);
});

test('code lens: summary per scope with mail settings, then the test-send commands', () => {
  const result = check('/w/m2ee.yaml', m2ee);
  const lenses = codeLensesFor('file:///w/m2ee.yaml', result);
  assert.equal(lenses.length, 3);
  assert.equal(lenses[0].title, 'Mail: SendGrid (smtp.sendgrid.net) · port 587 · STARTTLS · a self-hosted server');
  assert.equal(lenses[0].command, '');
  assert.equal(lenses[1].command, 'mendixEmail.sendTestMail');
  assert.deepEqual(lenses[1].arguments, [{ uri: 'file:///w/m2ee.yaml', scope: 'mxruntime', scopeName: 'mxruntime' }]);
  assert.equal(lenses[2].command, 'mendixEmail.verifyConnection');
  assert.equal(codeLensesFor('file:///w/m2ee.yaml', check('/w/m2ee.yaml', 'mxruntime:\n  MicroflowConstants:\n    A.B: c\n')).length, 0);
});

const env = (lines: string[]) => check('/w/.env', [...lines, ''].join('\n'));
const badFlag = ['MX_Mail_SMTPHost=smtp.sendgrid.net', 'MX_Mail_SMTPPort=465', 'MX_Mail_UseSSL=1', 'MX_Mail_FromAddress=app@acme-corp.com'];
const badPort = ['MX_Mail_SMTPHost=smtp.sendgrid.net', 'MX_Mail_SMTPPort=99999'];

test('code lens reads flags and ports as the rules and the test send do (settings/values.ts)', () => {
  const summary = (lines: string[]) => codeLensesFor('file:///w/.env', env(lines))[0].title;
  // `1` is no boolean to the runtime: the check calls it invalid and the test send stops, so the lens does not call it implicit TLS
  assert.equal(summary(badFlag), 'Mail: SendGrid (smtp.sendgrid.net) · port 465 · SSL not true or false · Docker');
  assert.match(smtpSettingsFrom(env(badFlag).settings[0]).problems.join(), /invalid-boolean/);
  assert.equal(summary(badPort), 'Mail: SendGrid (smtp.sendgrid.net) · port "99999" is not a port · TLS not set · Docker');
  assert.equal(summary(['MX_Mail_SMTPHost=smtp.sendgrid.net', 'MX_Mail_SMTPPort=${SMTP_PORT}']), 'Mail: SendGrid (smtp.sendgrid.net) · port ${SMTP_PORT} · TLS not set · Docker');
});

test('hover says how a flag, a port and a host are read (settings/values.ts)', () => {
  const hover = (text: string, line: number, path = '/w/.env') => hoverAt(check(path, text), { line, character: 6 })!.contents;
  assert.match(hover(badFlag.join('\n'), 2), /Not read as true or false.*invalid-boolean/);
  assert.match(hover(badPort.join('\n'), 1), /Not a port.*invalid-port/);
  assert.match(hover('mxruntime:\n  MicroflowConstants:\n    Mail.UseSSL: yes\n', 2, '/w/m2ee.yaml'), /Read as \*\*true\*\*/, 'PyYAML reads an unquoted yes as true');
  assert.match(hover('MX_Mail_SMTPHost=mailhog\n', 0), /inside the network/);
  assert.match(hover('MX_Mail_SMTPHost=127.0.0.1\n', 0), /on the machine the app runs on/);
});

test('disable for this line: own line above with the same indentation; extends an existing comment; never in JSON', () => {
  const text = 'services:\n  app:\n    environment:\n      MX_Mail_SMTPHost: 10.0.0.1\n';
  assert.deepEqual(disableForLineEdit(text, 'compose', 3, 'host-is-ip-address'), {
    range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } },
    newText: '      # mendix-email-disable-next-line host-is-ip-address\n',
  });
  const commented = 'A=1\n# mendix-email-disable-next-line invalid-port\nMX_Mail_SMTPPort=x\n';
  assert.deepEqual(disableForLineEdit(commented, 'dotenv', 2, 'tls-port-mismatch'), {
    range: { start: { line: 1, character: 45 }, end: { line: 1, character: 45 } },
    newText: ', tls-port-mismatch',
  });
  assert.equal(disableForLineEdit(commented, 'dotenv', 2, 'invalid-port'), undefined);
  assert.equal(disableForLineEdit('{}', 'config-json', 0, 'invalid-port'), undefined);
  const actions = extraActionsFor(text, 'compose', [{ ruleId: 'host-is-ip-address', range: { start: { line: 3, character: 24 }, end: { line: 3, character: 32 } } }]);
  assert.deepEqual(actions.map((a) => a.title), ['Disable host-is-ip-address for this line', 'Show documentation for host-is-ip-address']);
  assert.deepEqual(actions[1].command, { command: 'mendixEmail.showRuleDocumentation', arguments: ['host-is-ip-address'] });
});

test('the suppression comment the action writes really suppresses the finding', () => {
  const text = 'services:\n  app:\n    environment:\n      MX_Mail_SMTPHost: 203.0.113.9\n';
  const before = check('/w/docker-compose.yml', text).findings.filter((f) => f.ruleId === 'host-is-ip-address');
  assert.equal(before.length, 1);
  const edit = disableForLineEdit(text, 'compose', 3, 'host-is-ip-address')!;
  const lines = text.split('\n');
  lines.splice(3, 0, edit.newText.replace(/\n$/, ''));
  const after = check('/w/docker-compose.yml', lines.join('\n')).findings.filter((f) => f.ruleId === 'host-is-ip-address');
  assert.equal(after.length, 0);
});

test('completion inside JSON: CONSTANTS values in YAML / .env and the Constants object of config.json', () => {
  const yaml = "services:\n  app:\n    environment:\n      CONSTANTS: '{\"Mail.SMTPPort\": 587, \"Ema";
  const inYaml = completionsAt(yaml, { line: 3, character: yaml.split('\n')[3].length }, 'compose');
  const sending = inYaml.find((e) => e.label === 'EmailTemplate.SendingEnabled');
  assert.ok(sending);
  assert.equal(sending.insertText, 'EmailTemplate.SendingEnabled');
  assert.equal(sending.range.start.character, yaml.split('\n')[3].length - 3);
  const env = 'CONSTANTS={"Enc';
  assert.ok(completionsAt(env, { line: 0, character: env.length }, 'dotenv').some((e) => e.label === 'Encryption.EncryptionKey'));
  const config = '{\n  "Configuration": {},\n  "Constants": {\n    "Ema\n  }\n}\n';
  const inConfig = completionsAt(config, { line: 3, character: 8 }, 'config-json');
  assert.ok(inConfig.some((e) => e.label === 'EmailTemplate.SendingEnabled' && e.range.start.character === 5));
  assert.deepEqual(completionsAt(config, { line: 1, character: 5 }, 'config-json'), []);
});

test('disable inside a value over several lines: the comment goes above the entry, never inside the value', () => {
  const comment = (indent: string, id: string) => `${indent}# mendix-email-disable-next-line ${id}\n`;
  const above = (line: number, newText: string) => ({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText });
  const block = 'applications:\n  - name: app\n    env:\n      CONSTANTS: |\n        {"Mail.SMTPPort": "x"}\n      MX_Mail_SMTPHost: 10.0.0.1\n';
  assert.deepEqual(disableForLineEdit(block, 'cf-manifest', 4, 'invalid-port'), above(3, comment('      ', 'invalid-port')));
  assert.deepEqual(disableForLineEdit(block, 'cf-manifest', 5, 'host-is-ip-address'), above(5, comment('      ', 'host-is-ip-address')));
  const quoted = 'applications:\n  - name: app\n    env:\n      CONSTANTS: \'{"Mail.SMTPUsername": "me@gmail.com",\n        "Mail.SMTPPort": 25}\'\n';
  assert.deepEqual(disableForLineEdit(quoted, 'cf-manifest', 4, 'provider-port'), above(3, comment('      ', 'provider-port')));
  const dotenv = 'A=1\nCONSTANTS="{\\"x\\": 1,\n\\"Mail.SMTPPort\\": 25}"\n';
  assert.deepEqual(disableForLineEdit(dotenv, 'dotenv', 2, 'provider-port'), above(1, comment('', 'provider-port')));
  // the entry's own line continues another value (two quoted values in one flow map): nowhere to put it
  const flow = 'services:\n  app:\n    environment: {MX_A: \'x\n      y\', CONSTANTS: \'{"Mail.SMTPPort":\n      25}\'}\n';
  assert.equal(disableForLineEdit(flow, 'compose', 4, 'provider-port'), undefined);
  const actions = extraActionsFor(quoted, 'cf-manifest', [{ ruleId: 'provider-port', range: { start: { line: 4, character: 26 }, end: { line: 4, character: 28 } } }]);
  assert.deepEqual(actions.map((a) => a.title), ['Disable provider-port for this whole value', 'Show documentation for provider-port']);
});

test('hover names the line of an env_file value in that file, not the env_file entry of the compose file', () => {
  const text = ['services:', '  app:', '    env_file: first.env', '    environment:', '      MX_Mail_SMTPPort: "587"', ''].join('\n');
  const files: Record<string, string> = { '/w/first.env': '# mail\nMX_Mail_SMTPPort=25\n' };
  const result = checkDocument({ path: '/w/docker-compose.yml', text }, { readReferencedFile: (p) => files[p] })!;
  const h = hoverAt(result, { line: 4, character: 8 });
  assert.ok(h);
  assert.match(h.contents, /Overrides: `25` from first\.env line 2$/m);
});
