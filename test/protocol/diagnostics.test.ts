// The bundled server over a real stdio connection: initialize, didOpen → pushed
// diagnostics with rule ids, ranges and links, incremental didChange → fresh diagnostics,
// quick fixes, fileInfo, didClose, shutdown/exit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../support/lspClient';
import { ruleDocUrl } from '../../server/src/core/links';
import { at, byCode, codes, serverForFile, messageOf } from './workspace';
import type { FileInfo } from '../../protocol/messages';
import type { CodeAction } from 'vscode-languageserver-protocol/node';

const M2EE = [
  '# mendix-email: target=mendix-cloud', // 0
  'mxruntime:', // 1
  '  MicroflowConstants:', // 2
  '    Mail.SMTPHost: smtp.sendgrid.net', // 3
  '    Mail.SMTPPort: 25', // 4
  '    Mail.SMTPUsername: apikey', // 5
  '    Mail.SMTPPassword: ${SENDGRID_API_KEY}', // 6
  '    Mail.FromAddress: noreply@test.com', // 7
  '',
].join('\n');

const server = serverForFile({ defaultTarget: 'mendix-cloud' });

test('initialize announces incremental sync, pushed diagnostics and quick fixes', () => {
  const caps = server.client.initializeResult!.capabilities;
  assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
  assert.equal(caps.diagnosticProvider, undefined, 'diagnostics are pushed, not pulled');
  assert.ok(caps.codeActionProvider);
  assert.equal(server.client.initializeResult!.serverInfo?.name, 'mendix-email');
  // the server watches .mendix-email.json through the server.client
  return server.client.until(() => server.client.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'), 'file watcher registration');
});

test('didOpen publishes findings with rule id, range, source and a link to the rule page', async () => {
  const path = server.ws.write('app/m2ee.yaml', M2EE);
  const published = await server.client.open(path, M2EE);
  assert.equal(published.version, 1);
  assert.deepEqual(codes(published), ['placeholder-domain', 'port-25-on-mendix-cloud', 'sender-noreply']);
  const port = byCode(published, 'port-25-on-mendix-cloud')!;
  assert.equal(at(port), '4:19-21');
  assert.equal(port.severity, 1);
  assert.equal(port.source, 'mendix-email');
  assert.match(messageOf(port), /587/);
  // the rule's page on the web, derived from package.json's repository
  assert.equal(port.codeDescription?.href, ruleDocUrl('port-25-on-mendix-cloud'));
  assert.equal(at(byCode(published, 'sender-noreply')), '7:22-38');
  // the output channel says which target and config applied
  await server.client.until(() => server.client.logs.some((l) => l.includes('app/m2ee.yaml') && l.includes('target mendix-cloud (inline directive on line 1)')), 'document log');
});

test('an incremental didChange publishes fresh diagnostics for the new version', async () => {
  const uri = server.client.uriOf(server.ws.path('app/m2ee.yaml'));
  const fixed = await server.client.change(uri, [{ range: { start: { line: 4, character: 19 }, end: { line: 4, character: 21 } }, text: '587' }]);
  assert.equal(fixed.version, 2);
  assert.deepEqual(codes(fixed), ['placeholder-domain', 'sender-noreply']);

  // two edits in one message, and a multi-line insertion above the findings moves them down
  const moved = await server.client.change(uri, [
    { range: { start: { line: 4, character: 19 }, end: { line: 4, character: 22 } }, text: '25' },
    { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '# comment\n# another\n' },
  ]);
  assert.equal(moved.version, 3);
  assert.equal(at(byCode(moved, 'port-25-on-mendix-cloud')), '6:19-21');
  assert.equal(at(byCode(moved, 'sender-noreply')), '9:22-38');
});

test('quick fixes come from the finding, for the diagnostic under the cursor', async () => {
  const uri = server.client.uriOf(server.ws.path('app/m2ee.yaml'));
  const port = byCode(server.client.diagnostics.get(uri)!, 'port-25-on-mendix-cloud')!;
  const actions = await server.client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: port.range,
    context: { diagnostics: [port] },
  });
  const fix = actions.find((a) => a.kind === 'quickfix' && a.diagnostics?.[0]?.code === 'port-25-on-mendix-cloud');
  assert.ok(fix, JSON.stringify(actions));
  assert.deepEqual(fix.edit?.changes?.[uri], [{ range: port.range, newText: '587' }]);
});

test('fileInfo tells the kind, target, its source and the mail settings, never a password', async () => {
  const text = 'MX_Mail_SMTPHost=smtp.sendgrid.net\nMX_Mail_SMTPPort=587\nMX_Mail_SMTPUsername=apikey\nMX_Mail_SMTPPassword=SG.very-secret-value\n';
  const path = server.ws.write('deploy/.env', text);
  await server.client.open(path, text, 'dotenv');
  const info = await server.client.request<FileInfo>('mendixEmail/fileInfo', { uri: server.client.uriOf(path) });
  assert.equal(info.supported, true);
  assert.equal(info.kind, 'dotenv');
  assert.equal(info.target, 'docker');
  assert.equal(info.targetSource, 'file-kind');
  assert.equal(info.configFile, undefined);
  assert.equal(info.scopes.length, 1);
  const roles = Object.fromEntries(info.scopes[0].roles.map((r) => [r.role, r.value]));
  assert.deepEqual(roles, { host: 'smtp.sendgrid.net', port: '587', username: 'apikey', password: '(set)' });
  assert.ok(!JSON.stringify(info).includes('very-secret'), 'no password value');
  assert.ok(!server.client.logs.join('\n').includes('very-secret'), 'no password in the log');

  const directive = await server.client.request<FileInfo>('mendixEmail/fileInfo', { uri: server.client.uriOf(server.ws.path('app/m2ee.yaml')) });
  assert.equal(directive.targetSource, 'directive');
  assert.deepEqual(directive.directiveRange, { start: { line: 0, character: 23 }, end: { line: 0, character: 35 } });
});

test('a file that is not a settings file gets empty diagnostics and fileInfo says so', async () => {
  const path = server.ws.write('notes/readme.txt', 'Mail.SMTPPort: 25\n');
  const published = await server.client.open(path, 'Mail.SMTPPort: 25\n', 'plaintext');
  assert.deepEqual(published.diagnostics, []);
  const info = await server.client.request<FileInfo>('mendixEmail/fileInfo', { uri: server.client.uriOf(path) });
  assert.equal(info.supported, false);
  const unknown = await server.client.request<FileInfo>('mendixEmail/fileInfo', { uri: 'file:///never/opened.yaml' });
  assert.equal(unknown.supported, false);
});

test('a .env file is recognised by name whatever language id the editor gives it', async () => {
  const text = 'MX_Mail_SMTPPort=25\n# mendix-email: target=mendix-cloud\n';
  for (const [i, languageId] of ['dotenv', 'properties', 'plaintext', 'shellscript'].entries()) {
    const path = server.ws.write(`lang${i}/.env`, text);
    const published = await server.client.open(path, text, languageId);
    assert.deepEqual(codes(published), ['port-25-on-mendix-cloud'], languageId);
  }
});

test('a document whose result was released (many files open) still gets its quick fixes and fileInfo', async () => {
  const text = '# mendix-email: target=mendix-cloud\nMX_Mail_SMTPHost=smtp.sendgrid.net\nMX_Mail_SMTPPort=25\n';
  const first = server.ws.write('many/app0/.env', text);
  const published = await server.client.open(first, text, 'dotenv');
  const port = byCode(published, 'port-25-on-mendix-cloud')!;
  for (let i = 1; i <= 60; i++) await server.client.open(server.ws.write(`many/app${i}/.env`, text), text, 'dotenv');
  const uri = server.client.uriOf(first);
  const actions = await server.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: port.range, context: { diagnostics: [port] } });
  assert.ok(actions.some((a) => a.kind === 'quickfix' && a.edit?.changes?.[uri]?.[0]?.newText === '587'), JSON.stringify(actions));
  const info = await server.client.request<FileInfo>('mendixEmail/fileInfo', { uri });
  assert.equal(info.scopes[0].roles.find((r) => r.role === 'port')?.value, '25');
});

test('didClose clears the diagnostics', async () => {
  await server.client.close(server.ws.path('app/m2ee.yaml'));
  assert.deepEqual(server.client.diagnostics.get(server.client.uriOf(server.ws.path('app/m2ee.yaml')))?.diagnostics, []);
});

test('shutdown and exit end the process with code 0', async () => {
  const own = await LspClient.start({ root: server.ws.root });
  assert.equal(await own.stop(), 0);
});
