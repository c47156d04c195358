// The server's part of the Mendix Cloud view over the real LSP connection: an environment's
// settings (as the Deploy API answers them) are rendered and counted; the rendered document,
// opened under its mendix-cloud:// URI, gets the same diagnostics as a settings file; a hover
// shows Value and DeployedValue; and a fix's effect is read back as the constants it changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { serverForFile, codes } from './workspace';
import type { CloudChangesResult, CloudEnvironmentResult } from '../../protocol/messages';
import { mailConstants } from '../cloud/support/landscape';

const PASSWORD = 'SG.cloud-password-never-shown.42';
const settings = (port: string, deployedPort: string) => ({ Constants: mailConstants(port, deployedPort, PASSWORD), CustomSettings: [], ScheduledEvents: [] });

const server = serverForFile();

async function render(port: string, deployedPort: string, production = true): Promise<CloudEnvironmentResult> {
  return server.client.connection.sendRequest<CloudEnvironmentResult>('mendixEmail/cloudEnvironment', {
    appId: 'calc', mode: 'Production', production, settings: settings(port, deployedPort),
  });
}

test('an environment with port 25 is rendered masked and counted: one error', async () => {
  const result = await render('25', '25');
  assert.equal(result.uri, 'mendix-cloud://calc/Production');
  assert.match(result.text, /^Email_Connector\.SMTPPort: 25$/m);
  assert.ok(!result.text.includes(PASSWORD), 'the password is masked in the rendered text');
  assert.equal(result.counts.error, 1);
  // the test send takes the password from the API's answer by this name (never from the masked text)
  assert.deepEqual(result.passwordConstants, [{ name: 'Email_Connector.SMTPPassword', host: 'smtp.sendgrid.net' }]);
});

test('a constant that waits for a restart counts as info (not-yet-deployed), not as an error', async () => {
  const result = await render('587', '25');
  assert.equal(result.counts.error, 0);
  assert.ok(result.counts.info >= 1);
});

test('the rendered document, opened under its URI, gets the port-25 diagnostic; a hover shows Value and DeployedValue', async () => {
  const { uri, text } = await render('587', '25');
  const published = await server.client.open(uri, text, 'yaml');
  assert.ok(codes(published).includes('not-yet-deployed'), codes(published).join(', '));
  const line = text.split('\n').findIndex((l) => l.startsWith('Email_Connector.SMTPPort:'));
  const hover = await server.client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: 3 } });
  const value = (hover.contents as MarkupContent).value;
  assert.match(value, /Value: `587`/);
  assert.match(value, /DeployedValue: `25` \(what the running app uses\)/);
  const passwordLine = text.split('\n').findIndex((l) => l.startsWith('Email_Connector.SMTPPassword:'));
  const passwordHover = await server.client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: passwordLine, character: 3 } });
  assert.ok(!JSON.stringify(passwordHover).includes(PASSWORD));
  await server.client.close(uri);

  const bad = await render('25', '25');
  const badPublished = await server.client.open('mendix-cloud://calc/Production', bad.text, 'plaintext');
  assert.ok(codes(badPublished).includes('port-25-on-mendix-cloud'), 'read by its URI whatever the language');
  await server.client.close('mendix-cloud://calc/Production');
});

test('the constants a fix changes are read back; a masked secret or a removed constant is refused', async () => {
  const { uri, text } = await render('25', '25');
  const ask = (after: string) => server.client.connection.sendRequest<CloudChangesResult>('mendixEmail/cloudChanges', { uri, before: text, after });
  const port = await ask(text.replace('Email_Connector.SMTPPort: 25', 'Email_Connector.SMTPPort: 587'));
  assert.deepEqual(port, { changes: [{ name: 'Email_Connector.SMTPPort', from: '25', to: '587' }], refused: [] });
  const secret = await ask(text.replace('"********"', '"hunter2"'));
  assert.deepEqual(secret.changes, []);
  assert.match(secret.refused.join(), /SMTPPassword is a secret/);
  const removed = await ask(text.replace(/^Email_Connector\.UseTLS: .*\n/m, ''));
  assert.match(removed.refused.join(), /UseTLS would be removed/);
  const comment = await ask(text.replace('Email_Connector.SMTPPort: 25', '# mendix-email-disable-next-line\nEmail_Connector.SMTPPort: 25'));
  assert.deepEqual(comment, { changes: [], refused: [] });
});
