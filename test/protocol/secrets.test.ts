// No secret reaches the editor (server/src/settings/secrets.ts is the one definition): over a
// real connection, files with a canary in every secret — a second password (`Mail.ApiKey`),
// an encryption key, a declared default — then diagnostics, hover on every line's keys and
// values, code lenses, completion at every line's end, code actions and the file info the
// status bar shows are searched for it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { serverForFile } from './workspace';
import { CANARY } from '../support/canary';

const server = serverForFile();

const FILES: [string, string, string][] = [
  ['env/.env', 'dotenv', `MX_Mail_SMTPHost=smtp.example.org\nMX_Mail_SMTPPassword=${CANARY}\nMX_Mail_ApiKey=${CANARY}\nMX_Encryption_EncryptionKey=${CANARY}\nMX_Mail_ApiKey=${CANARY}\n`],
  ['m2ee/m2ee.yaml', 'yaml', `mxruntime:\n  MicroflowConstants:\n    Mail.SMTPHost: smtp.sendgrid.net\n    Mail.SMTPUsername: apikey\n    Mail.ApiKey: ${CANARY}\n    Mail.SMTPPassword: "${CANARY}"\n`],
  ['app/model/metadata.json', 'json', `{"RuntimeVersion": "10.0", "Constants": [{"Name": "Mail.SMTPPassword", "Type": "String", "DefaultValue": "${CANARY}"}]}`],
  ['app/docker-compose.yml', 'yaml', `services:\n  app:\n    environment:\n      MX_Mail_SMTPHost: smtp.example.org\n      MX_Mail_ApiKey: ${CANARY}\n      MX_Mail_\n`],
];

function assertNoCanary(where: string, value: unknown): void {
  const text = JSON.stringify(value) ?? '';
  assert.ok(!text.includes(CANARY), `${where} shows the secret: ${text.slice(Math.max(0, text.indexOf(CANARY) - 200), text.indexOf(CANARY) + 30)}`);
}

test('diagnostics, hover, code lens, completion, code actions and file info never show a secret', async () => {
  const { client, ws } = server;
  for (const [relative, languageId, text] of FILES) {
    const path = ws.write(relative, text);
    const uri = client.uriOf(path);
    const published = await client.open(path, text, languageId);
    assertNoCanary(`${relative} diagnostics`, published.diagnostics);
    assertNoCanary(`${relative} code lens`, await client.request('textDocument/codeLens', { textDocument: { uri } }));
    assertNoCanary(`${relative} file info`, await client.request('mendixEmail/fileInfo', { uri }));
    const lines = text.split('\n');
    for (let line = 0; line < lines.length; line++) {
      for (let character = 0; character <= lines[line].length; character += 4) {
        assertNoCanary(`${relative} hover ${line}:${character}`, await client.request('textDocument/hover', { textDocument: { uri }, position: { line, character } }));
      }
      assertNoCanary(`${relative} completion ${line}`, await client.request('textDocument/completion', { textDocument: { uri }, position: { line, character: lines[line].length } }));
    }
    const diagnostics: Diagnostic[] = published.diagnostics;
    const range = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
    assertNoCanary(`${relative} code actions`, await client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } }));
  }
});
