// `mendixEmail/mailSettings` over a real language-server connection (streams), registered
// with registerMailSettingsRequest exactly as the server wires it.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import { checkDocument } from '../../server/src/engine/check';
import { registerMailSettingsRequest } from '../../server/src/lsp/mailSettingsRequest';
import { MailSettingsRequest, type MailSettingsResult } from '../../protocol/mailSettings';

const TEXT = [
  'mxruntime:',
  '  MicroflowConstants:',
  '    Mail.SMTPHost: smtp.example.org',
  '    Mail.SMTPPort: 587',
  '    Mail.UseTLS: true',
  '    Mail.SMTPUsername: app@example.org',
  "    Mail.SMTPPassword: 'it''s-secret'",
  '    Mail.FromAddress: app@example.org',
  '',
].join('\n');

test('the request answers over a real connection, without the password value', async () => {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  const uri = 'file:///work/app/m2ee.yaml';
  registerMailSettingsRequest(server, (u) => (u === uri ? checkDocument({ path: '/work/app/m2ee.yaml', text: TEXT }) : undefined), () => TEXT);
  server.listen();
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  client.listen();
  try {
    const answer = await client.sendRequest<MailSettingsResult>(MailSettingsRequest, { uri, position: { line: 2, character: 4 } });
    assert.equal(answer.supported, true);
    assert.equal(answer.scopes.length, 1);
    const s = answer.scopes[0];
    assert.equal(s.atCursor, true);
    assert.equal(s.settings.host, 'smtp.example.org');
    assert.equal(s.settings.requireStartTls, true);
    assert.equal(s.settings.password.kind, 'literal');
    assert.ok(s.settings.password.kind === 'literal' && s.settings.password.quote === "'");
    assert.ok(!JSON.stringify(answer).includes('secret'), 'no password value on the wire');
    const other = await client.sendRequest<MailSettingsResult>(MailSettingsRequest, { uri: 'file:///elsewhere.txt' });
    assert.deepEqual(other, { supported: false, scopes: [] });
  } finally {
    client.dispose();
    server.dispose();
  }
});
