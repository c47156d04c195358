// Documents are found by any spelling of their URI. VS Code spells URIs with vscode-uri
// (`file:///c%3A/...` on Windows; `+`, `@`, non-ASCII percent-encoded everywhere), Node's
// pathToFileURL differently. Here the documents are opened with VS Code's spelling in a folder
// whose name the two spell differently, as on Windows every path is: the open, unsaved env_file
// and .mendix-email.json must still be what the check reads.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { URI } from 'vscode-uri';
import { serverForFile } from './workspace';

const server = serverForFile();

const hasPort25 = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.some((d) => d.code === 'port-25-on-mendix-cloud');
const COMPOSE = ['# mendix-email: target=mendix-cloud', 'services:', '  app:', '    image: mendix/app', '    env_file: mail.env', ''].join('\n');

test('open env_file and .mendix-email.json under URIs spelled as VS Code spells them: their unsaved text counts', async () => {
  const { ws, client } = server;
  const compose = ws.write('app+1 é/docker-compose.yml', COMPOSE);
  const env = ws.write('app+1 é/mail.env', 'MX_Mail_SMTPHost=smtp.sendgrid.net\nMX_Mail_SMTPPort=587\n');
  const config = ws.write('app+1 é/.mendix-email.json', '{}\n');
  const vscodeUri = (path: string) => URI.file(path).toString();
  assert.notEqual(vscodeUri(env), pathToFileURL(env).href, 'the two spellings differ for this folder');

  // the env_file, open with an unsaved port 25 (the disk says 587)
  await client.open(vscodeUri(env), 'MX_Mail_SMTPHost=smtp.sendgrid.net\nMX_Mail_SMTPPort=25\n', 'dotenv');
  const opened = await client.open(vscodeUri(compose), COMPOSE);
  assert.ok(hasPort25(opened), `the unsaved env_file text is read: ${JSON.stringify(opened.diagnostics)}`);

  // the project config, open with the rule switched off but not saved
  const rechecked = client.waitForDiagnostics(vscodeUri(compose), (p) => !hasPort25(p), 'the compose file without port-25 once the open config turns it off');
  await client.open(vscodeUri(config), '{ "rules": { "port-25-on-mendix-cloud": "off" } }\n', 'json');
  await rechecked;
});
