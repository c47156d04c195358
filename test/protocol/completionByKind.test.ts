// Completion over the real LSP connection in each kind of file whose completion the unit tests
// (test/unit/features/completion.test.ts) cover: compose (list and map), Cloud Foundry,
// Kubernetes (an EnvVar item and its value), MendixApp and model/config.json. `§` marks the cursor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-protocol/node';
import { serverForFile } from './workspace';
import { DEPLOYMENT } from '../support/deploymentSample';

const server = serverForFile();

/** Opens `relative` with the marked text (marker removed) and asks for completion at the marker. */
async function completeIn(relative: string, marked: string, languageId = 'yaml'): Promise<CompletionItem[]> {
  const at = marked.indexOf('§');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const lines = marked.slice(0, at).split('\n');
  const path = server.ws.write(relative, text);
  await server.client.open(path, text, languageId);
  const position = { line: lines.length - 1, character: lines[lines.length - 1].length };
  return (await server.client.request<CompletionItem[] | null>('textDocument/completion', { textDocument: { uri: server.client.uriOf(path) }, position })) ?? [];
}

const edits = (items: CompletionItem[]) => items.map((i) => (i.textEdit as TextEdit).newText);


test('compose list: a value inside a `- CONSTANTS={…}` item', async () => {
  const items = await completeIn('list/docker-compose.yml', `services:\n  app:\n    image: mendix\n    environment:\n      - MX_Mail_SMTPHost=smtp.sendgrid.net\n      - 'CONSTANTS={"Mail.UseSSL": §}'\n`);
  assert.deepEqual(edits(items), ['true', 'false']);
  assert.deepEqual((items[0].textEdit as TextEdit).range, { start: { line: 5, character: 35 }, end: { line: 5, character: 35 } });
});

test('compose map: a constant name on a later line of a `CONSTANTS: |` block', async () => {
  const items = await completeIn('map/docker-compose.yml', 'services:\n  app:\n    image: mendix\n    environment:\n      CONSTANTS: |\n        {\n          "Mail.SMTPHost": "smtp.sendgrid.net",\n          "Enc§\n        }\n');
  const key = items.find((i) => i.label === 'Encryption.EncryptionKey');
  assert.ok(key, JSON.stringify(items.map((i) => i.label)));
  assert.deepEqual(key.textEdit, { range: { start: { line: 7, character: 11 }, end: { line: 7, character: 14 } }, newText: 'Encryption.EncryptionKey' });
});

test('Cloud Foundry manifest: port values inside a `CONSTANTS: |-` block', async () => {
  const items = await completeIn('cf/manifest.yml', 'applications:\n  - name: app\n    env:\n      MX_Mail_UseTLS: true\n      CONSTANTS: |-\n        {"Mail.SMTPHost": "smtp.sendgrid.net", "Mail.SMTPPort": §}\n');
  assert.deepEqual(edits(items), ['587', '465', '2525']);
});

test('Kubernetes env list: the EnvVar form `name: MX_…` for a new item', async () => {
  const items = await completeIn('k8s-name/deployment.yaml', `${DEPLOYMENT}            - MX§\n`);
  const item = items.find((i) => i.label === 'MX_EmailTemplate_SendingEnabled');
  assert.ok(item, JSON.stringify(items.map((i) => i.label)));
  assert.deepEqual(item.textEdit, { range: { start: { line: 12, character: 14 }, end: { line: 12, character: 16 } }, newText: 'name: MX_EmailTemplate_SendingEnabled' });
});

test('Kubernetes env list: quoted values for `value:` by the item\'s `name:`', async () => {
  const items = await completeIn('k8s-value/deployment.yaml', `${DEPLOYMENT}            - name: MX_Mail_SMTPPort\n              value: §\n`);
  assert.deepEqual(items.map((i) => i.label), ['587', '465', '2525']);
  assert.deepEqual(edits(items), ['"587"', '"465"', '"2525"']);
});

test('MendixApp: a constant name on a later line of customConfiguration\'s MicroflowConstants', async () => {
  const items = await completeIn('app/mendixapp.yaml', 'apiVersion: privatecloud.mendix.com/v1alpha1\nkind: MendixApp\nmetadata:\n  name: app\nspec:\n  runtime:\n    customConfiguration: |-\n      {\n        "MicroflowConstants": {\n          "Mail.SMTPHost": "smtp.sendgrid.net",\n          "Ema§\n        }\n      }\n');
  const key = items.find((i) => i.label === 'EmailTemplate.SendingEnabled');
  assert.ok(key, JSON.stringify(items.map((i) => i.label)));
  assert.deepEqual(key.textEdit, { range: { start: { line: 10, character: 11 }, end: { line: 10, character: 14 } }, newText: 'EmailTemplate.SendingEnabled' });
});

test('model/config.json: values of Constants, hosts as JSON strings', async () => {
  const items = await completeIn('pkg/model/config.json', '{\n  "Configuration": { "DTAPMode": "P" },\n  "Constants": {\n    "Mail.SMTPPort": 587,\n    "Mail.SMTPHost": §\n  }\n}\n', 'json');
  const host = items.find((i) => i.label === 'smtp.sendgrid.net');
  assert.ok(host, JSON.stringify(items.map((i) => i.label)));
  assert.equal(host.detail, 'SendGrid');
  assert.deepEqual(host.textEdit, { range: { start: { line: 4, character: 21 }, end: { line: 4, character: 21 } }, newText: '"smtp.sendgrid.net"' });
});
