// The quick fixes the editor gets for one diagnostic are that diagnostic's own, over the real
// LSP connection: where two rules flag the same value (port 25 with Gmail on Mendix Cloud),
// asking about one of them shows no fix of the other and no title twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction } from 'vscode-languageserver-protocol/node';
import { byCode, serverForFile } from './workspace';

const M2EE = [
  '# mendix-email: target=mendix-cloud',
  'mxruntime:',
  '  DTAPMode: P',
  '  MicroflowConstants:',
  '    Mail.SMTPHost: smtp.gmail.com',
  '    Mail.SMTPPort: 25',
  '',
].join('\n');

const server = serverForFile();

test('the port-25 diagnostic alone: only its own fixes, no other rule\'s, no title twice', async () => {
  const path = server.ws.write('m2ee.yaml', M2EE);
  const uri = server.client.uriOf(path);
  const published = await server.client.open(path, M2EE);
  const port25 = byCode(published, 'port-25-on-mendix-cloud');
  assert.ok(port25, JSON.stringify(published.diagnostics.map((d) => d.code)));
  const others = published.diagnostics.filter((d) => d.code !== port25.code && d.range.start.line === port25.range.start.line);
  assert.ok(others.length > 0, 'another rule flags the same line (the point of this test)');
  const actions = await server.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: port25.range, context: { diagnostics: [port25] } });
  const titles = actions.map((a) => a.title);
  assert.ok(actions.some((a) => a.edit && !a.title.startsWith('Disable')), `the rule's own fix is offered: ${JSON.stringify(titles)}`);
  for (const action of actions) {
    assert.deepEqual(action.diagnostics?.map((d) => d.code), ['port-25-on-mendix-cloud'], `${action.title} belongs to another diagnostic`);
  }
  assert.equal(new Set(titles).size, titles.length, JSON.stringify(titles));
});

test('config.json, both diagnostics on the port asked together: the same edit is offered once', async () => {
  const text = '{\n  "Configuration": {},\n  "Constants": {\n    "Mail.SMTPHost": "smtp.gmail.com",\n    "Mail.SMTPPort": 25\n  }\n}\n';
  const path = server.ws.write('pkg/model/config.json', text);
  const uri = server.client.uriOf(path);
  const published = await server.client.open(path, text, 'json');
  const onPort = published.diagnostics.filter((d) => d.range.start.line === 4);
  assert.ok(onPort.length >= 2, JSON.stringify(published.diagnostics.map((d) => [d.code, d.range.start.line])));
  const actions = await server.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: onPort[0].range, context: { diagnostics: onPort } });
  const edits = actions.filter((a) => a.edit).map((a) => JSON.stringify(a.edit));
  assert.ok(edits.length > 0);
  assert.equal(new Set(edits).size, edits.length, JSON.stringify(actions.map((a) => a.title)));
});
