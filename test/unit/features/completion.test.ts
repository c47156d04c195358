// Completion in the places the first version missed: Kubernetes env lists (the EnvVar form and
// `value:` lines), values inside constants JSON (config.json, CONSTANTS, customConfiguration)
// and JSON on the later lines of a block scalar. `§` marks the cursor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FileKind } from '../../../server/src/core/types';
import { completionsAt, type CompletionEntry } from '../../../server/src/features/index';
import { DEPLOYMENT } from '../../support/deploymentSample';

function complete(marked: string, kind: FileKind): CompletionEntry[] {
  const at = marked.indexOf('§');
  assert.ok(at >= 0, 'the text marks the cursor with §');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const lines = marked.slice(0, at).split('\n');
  return completionsAt(text, { line: lines.length - 1, character: lines[lines.length - 1].length }, kind);
}

const inserts = (entries: CompletionEntry[]) => entries.map((e) => e.insertText);
const PORTS = ['587', '465', '2525'];


test('Kubernetes env list: an item is the EnvVar `name: MX_…`, not the compose `MX_…=`', () => {
  const items = complete(`${DEPLOYMENT}            - MX§\n`, 'kubernetes');
  const sending = items.find((e) => e.label === 'MX_EmailTemplate_SendingEnabled');
  assert.ok(sending);
  assert.equal(sending.insertText, 'name: MX_EmailTemplate_SendingEnabled');
  assert.deepEqual(sending.range, { start: { line: 12, character: 14 }, end: { line: 12, character: 16 } });
  assert.ok(items.every((e) => !e.insertText.endsWith('=')));
  // after `- name: ` the bare name, as before
  assert.ok(inserts(complete(`${DEPLOYMENT}            - name: MX§\n`, 'kubernetes')).includes('MX_EmailTemplate_SendingEnabled'));
  // a MendixApp file may hold the Deployment too
  assert.ok(inserts(complete(`${DEPLOYMENT}            - §\n`, 'mendix-app')).includes('name: MX_Encryption_EncryptionKey'));
  // compose lists keep their form
  assert.ok(inserts(complete('services:\n  app:\n    environment:\n      - MX§\n', 'compose')).includes('MX_EmailTemplate_SendingEnabled='));
});

test('Kubernetes `value:` completes by the item\'s `name:`, quoted, since EnvVar.value is a string', () => {
  const port = complete(`${DEPLOYMENT}            - name: MX_Mail_SMTPPort\n              value: §\n`, 'kubernetes');
  assert.deepEqual(port.map((e) => e.label), PORTS);
  assert.deepEqual(inserts(port), ['"587"', '"465"', '"2525"']);
  assert.deepEqual(port[0].range, { start: { line: 13, character: 21 }, end: { line: 13, character: 21 } });
  // the name below the value; a quote the user opened keeps the value bare
  const flags = complete(`${DEPLOYMENT}            - value: "§"\n              name: MX_Mail_UseSSL\n`, 'kubernetes');
  assert.deepEqual(inserts(flags), ['true', 'false']);
  assert.deepEqual(inserts(complete(`${DEPLOYMENT}            - name: MX_EmailTemplate_SendingEnabled\n              value: §\n`, 'kubernetes')), ['"true"', '"false"']);
  const hosts = complete(`${DEPLOYMENT}            - name: "MX_Mail_SMTPHost"\n              value: smtp§\n`, 'kubernetes');
  assert.ok(hosts.some((h) => h.insertText === 'smtp.sendgrid.net' && h.detail === 'SendGrid'));
  // the value of another item, or of an item without a mail variable: nothing
  assert.deepEqual(complete(`${DEPLOYMENT}            - name: OTHER\n              value: §\n            - name: MX_Mail_SMTPPort\n`, 'kubernetes'), []);
  // ConfigMap data are strings too
  assert.deepEqual(inserts(complete('kind: ConfigMap\ndata:\n  MX_Mail_SMTPPort: §\n', 'kubernetes')), ['"587"', '"465"', '"2525"']);
});

test('model/config.json: values of Constants by role (numbers and booleans bare, hosts quoted), names quoted when no quote is typed', () => {
  const ports = complete('{\n  "Constants": {\n    "Mail.SMTPPort": §\n  }\n}\n', 'config-json');
  assert.deepEqual(inserts(ports), PORTS);
  assert.deepEqual(ports[0].range, { start: { line: 2, character: 21 }, end: { line: 2, character: 21 } });
  assert.deepEqual(inserts(complete('{"Constants": {"Mail.UseTLS": tr§}}', 'config-json')), ['true', 'false']);
  const hosts = complete('{"Constants": {"Mail.SMTPHost": §}}', 'config-json');
  assert.ok(inserts(hosts).includes('"smtp.sendgrid.net"'));
  const inQuotes = complete('{"Constants": {"Mail.SMTPHost": "smtp§"}}', 'config-json');
  assert.ok(inQuotes.some((h) => h.insertText === 'smtp.sendgrid.net' && h.range.start.character === 33));
  assert.ok(inserts(complete('{\n  "Constants": {\n    §\n  }\n}\n', 'config-json')).includes('"Encryption.EncryptionKey": '));
  // right after a name's closing quote, and outside Constants: nothing
  assert.deepEqual(complete('{"Constants": {"Mail.SMTPHost"§}}', 'config-json'), []);
  assert.deepEqual(complete('{"Configuration": {"DTAPMode": §}}', 'config-json'), []);
});

test('CONSTANTS JSON values in YAML, compose list items and .env, written the way the string needs', () => {
  const yaml = complete("services:\n  app:\n    environment:\n      CONSTANTS: '{\"Mail.SMTPPort\": §}'\n", 'compose');
  assert.deepEqual(inserts(yaml), PORTS);
  // in a double-quoted YAML string a JSON quote is \"
  const escaped = complete('services:\n  app:\n    environment:\n      CONSTANTS: "{\\"Mail.SMTPHost\\": §}"\n', 'compose');
  assert.ok(inserts(escaped).includes('\\"smtp.sendgrid.net\\"'));
  assert.deepEqual(inserts(complete("services:\n  app:\n    environment:\n      - 'CONSTANTS={\"Mail.UseSSL\": §}'\n", 'compose')), ['true', 'false']);
  assert.deepEqual(inserts(complete('applications:\n  - name: a\n    env:\n      CONSTANTS: \'{"Mail.SMTPPort": 5§}\'\n', 'cf-manifest')), PORTS);
  assert.deepEqual(inserts(complete('CONSTANTS={"Mail.UseSSL": §}\n', 'dotenv')), ['true', 'false']);
  assert.ok(inserts(complete('CONSTANTS="{\\"Mail.SMTPHost\\": §}"\n', 'dotenv')).includes('\\"smtp.sendgrid.net\\"'));
  // a quoted .env value over several lines: a name on a later line
  const multi = complete('CONSTANTS=\'{\n"Mail.SMTPPort": 587,\n"Enc§\'\n', 'dotenv');
  assert.ok(multi.some((e) => e.insertText === 'Encryption.EncryptionKey' && e.range.start.character === 1));
});

test('JSON on the later lines of a block scalar: CONSTANTS in compose, Cloud Foundry and Kubernetes, customConfiguration in a MendixApp', () => {
  const compose = 'services:\n  app:\n    environment:\n      CONSTANTS: |\n        {\n          "Mail.SMTPPort": 587,\n          "Ema§\n        }\n';
  const key = complete(compose, 'compose').find((e) => e.label === 'EmailTemplate.SendingEnabled');
  assert.ok(key);
  assert.equal(key.insertText, 'EmailTemplate.SendingEnabled');
  assert.deepEqual(key.range, { start: { line: 6, character: 11 }, end: { line: 6, character: 14 } });
  assert.deepEqual(inserts(complete('services:\n  app:\n    environment:\n      CONSTANTS: |\n        {\n          "Mail.SMTPPort": §\n        }\n', 'compose')), PORTS);
  assert.deepEqual(inserts(complete('applications:\n  - name: a\n    env:\n      CONSTANTS: |-\n        {"Mail.SMTPHost": "x", "Mail.UseTLS": §}\n', 'cf-manifest')), ['true', 'false']);
  assert.deepEqual(inserts(complete(`${DEPLOYMENT}            - name: CONSTANTS\n              value: |\n                {"Mail.SMTPPort": §}\n`, 'kubernetes')), PORTS);
  // the block's header line is not inside the JSON
  assert.deepEqual(complete('services:\n  app:\n    environment:\n      CONSTANTS: |§\n        {}\n', 'compose'), []);

  const app = (inner: string) => `apiVersion: privatecloud.mendix.com/v1alpha1\nkind: MendixApp\nmetadata:\n  name: a\nspec:\n  runtime:\n    customConfiguration: |-\n      {\n        "DTAPMode": "P",\n        "MicroflowConstants": {\n          ${inner}\n        }\n      }\n`;
  const names = complete(app('"§'), 'mendix-app');
  assert.ok(names.some((e) => e.insertText === 'Encryption.EncryptionKey' && e.range.start.character === 11));
  assert.deepEqual(inserts(complete(app('"Mail.SMTPPort": 4§'), 'mendix-app')), PORTS);
  // customConfiguration's own keys are not constants
  assert.deepEqual(complete(app('').replace('"DTAPMode": "P"', '"§"'), 'mendix-app'), []);
});
