// Hover, completion, code lenses and the extra code actions over the real LSP connection to the
// bundled server.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { CodeAction, CodeLens, CompletionItem, Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../support/lspClient';
import { byCode, ensureServerBuilt, TempWorkspace } from './workspace';

const M2EE = [
  'mxruntime:', // 0
  '  DTAPMode: P', // 1
  '  MicroflowConstants:', // 2
  '    Mail.SMTPHost: smtp.postmarkapp.com', // 3
  '    Mail.SMTPPort: 465', // 4
  '    Mail.SMTPUsername: ${POSTMARK_TOKEN}', // 5
  '    Mail.SMTPPassword: ${POSTMARK_TOKEN}', // 6
  '    Mail.UseSSL: yes', // 7
  '    EmailTemplate.SendingEnabled: true', // 8
  '',
].join('\n');

const messageOf = (d: { message: string | MarkupContent }) => (typeof d.message === 'string' ? d.message : d.message.value);

let ws: TempWorkspace;
let client: LspClient;
let uri: string;

before(async () => {
  ensureServerBuilt();
  ws = new TempWorkspace();
  client = await LspClient.start({ root: ws.root, settings: {} });
  const path = ws.write('m2ee.yaml', M2EE);
  uri = client.uriOf(path);
  await client.open(path, M2EE);
});

after(async () => {
  await client?.stop();
  ws?.dispose();
});

test('initialize announces hover, completion and code lens; no server command (the extension shows the rule pages)', () => {
  const caps = client.initializeResult!.capabilities;
  assert.equal(caps.hoverProvider, true);
  assert.ok(caps.completionProvider);
  assert.ok(caps.codeLensProvider);
  // a server command would be registered by the language client and clash with the extension's own
  assert.equal(caps.executeCommandProvider, undefined);
});

test('hover on a constant key and on a provider host', async () => {
  const onKey = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 8 } });
  const key = (onKey.contents as MarkupContent).value;
  assert.match(key, /\*\*Mail\.SMTPPort\*\* — SMTP port/);
  assert.match(key, /Value: `465`/);
  assert.deepEqual(onKey.range, { start: { line: 4, character: 4 }, end: { line: 4, character: 17 } });
  const onHost = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 25 } });
  const host = (onHost.contents as MarkupContent).value;
  assert.match(host, /\*\*Postmark\*\*/);
  assert.match(host, /no implicit-TLS port/);
  assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 4 } }), null);
});

test('completion of a constant key and of port values', async () => {
  const text = `${M2EE}    Encr`;
  await client.change(uri, [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, text: '    Encr' }]);
  const keys = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 9, character: 8 } });
  const key = keys.find((k) => k.label === 'Encryption.EncryptionKey');
  assert.ok(key, JSON.stringify(keys.map((k) => k.label)));
  assert.deepEqual(key.textEdit, { range: { start: { line: 9, character: 4 }, end: { line: 9, character: 8 } }, newText: 'Encryption.EncryptionKey: ' });
  void text;
  const ports = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 19 } });
  assert.deepEqual(ports.map((p) => p.label), ['587', '465', '2525']);
  await client.change(uri, [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 8 } }, text: '' }]);
});

test('code lens: the scope summary and the test-send commands', async () => {
  const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
  assert.deepEqual(lenses.map((l) => l.command?.title), [
    'Mail: Postmark (smtp.postmarkapp.com) · port 465 · implicit TLS · a self-hosted server',
    'Send test mail',
    'Verify connection',
  ]);
  assert.ok(lenses.every((l) => l.range.start.line === 0));
  assert.equal(lenses[1].command?.command, 'mendixEmail.sendTestMail');
  assert.deepEqual(lenses[2].command?.arguments, [{ uri, scope: 'mxruntime', scopeName: 'mxruntime' }]);
});

test('code actions: the rule fix, disable for this line, show documentation', async () => {
  const published = client.diagnostics.get(uri)!;
  const port = byCode(published, 'provider-port');
  assert.ok(port, JSON.stringify(published.diagnostics.map((d) => d.code)));
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: port.range, context: { diagnostics: [port] } });
  const titles = actions.map((a) => a.title);
  assert.ok(titles.includes('Use port 587 with STARTTLS'), JSON.stringify(titles));
  const disable = actions.find((a) => a.title === 'Disable provider-port for this line');
  assert.ok(disable);
  assert.deepEqual(disable.edit?.changes?.[uri], [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, newText: '    # mendix-email-disable-next-line provider-port\n' }]);
  const docs = actions.find((a) => a.title === 'Show documentation for provider-port');
  // the extension's command (client/src/ruleDocs.ts) shows the shipped page; the e2e suite opens it
  assert.deepEqual(docs?.command, { title: 'Show documentation for provider-port', command: 'mendixEmail.showRuleDocumentation', arguments: ['provider-port'] });
});

test('fix all applies the safe fixes (a flag that clearly means true), not the unsafe ones', async () => {
  const text = 'MX_Mail_SMTPHost=smtp.sendgrid.net\nMX_Mail_UseTLS=yes\nMX_Mail_SMTPUsername=me\n';
  const path = ws.write('deploy/.env', text);
  const published = await client.open(path, text, 'dotenv');
  const envUri = client.uriOf(path);
  assert.ok(byCode(published, 'invalid-boolean'));
  assert.ok(byCode(published, 'provider-username'));
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: envUri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'] },
  });
  const all = actions.find((a) => a.kind?.startsWith('source.fixAll'));
  assert.ok(all, JSON.stringify(actions));
  assert.deepEqual(all.edit?.changes?.[envUri], [
    { range: { start: { line: 1, character: 15 }, end: { line: 1, character: 18 } }, newText: 'true' },
    { range: { start: { line: 2, character: 21 }, end: { line: 2, character: 23 } }, newText: 'apikey' },
  ]);
  assert.ok(!actions.some((a) => a.title.startsWith('Disable')), 'fix-all requests get no per-line actions');
});

test('"yes" is a boolean in m2ee.yaml (YAML 1.1), so no invalid-boolean there', () => {
  const published = client.diagnostics.get(uri)!;
  assert.equal(byCode(published, 'invalid-boolean'), undefined);
});

test('model/metadata.json in the workspace declares the constants: unknown-constant, completion and hover use them', async () => {
  const other = new TempWorkspace();
  other.write('model/metadata.json', JSON.stringify({ Constants: [{ Name: 'Mail.SMTPHost', Type: 'String', DefaultValue: '' }, { Name: 'Mail.SMTPPort', Type: 'Integer', DefaultValue: '587' }] }));
  const text = 'MX_Mail_SMTPHots=smtp.example.com\nMX_Mail_SMTPPort=587\nMX_\n';
  const path = other.write('deploy/.env', text);
  const second = await LspClient.start({ root: other.root, settings: {} });
  try {
    await second.open(path, text, 'dotenv');
    // the declarations are found by a background walk, which re-checks the open files
    const hasUnknown = () => second.diagnostics.get(second.uriOf(path))?.diagnostics.some((d) => d.code === 'unknown-constant') === true;
    await second.until(hasUnknown, 'a re-check with the declarations');
    const published = second.diagnostics.get(second.uriOf(path))!;
    const unknown = published.diagnostics.filter((d) => d.code === 'unknown-constant');
    assert.equal(unknown.length, 1, JSON.stringify(published.diagnostics.map((d) => [d.code, d.message])));
    assert.match(messageOf(unknown[0]), /did you mean Mail\.SMTPHost\?/);
    const envUri = second.uriOf(path);
    const items = await second.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: envUri }, position: { line: 2, character: 3 } });
    const port = items.find((i) => i.label === 'MX_Mail_SMTPPort');
    assert.ok(port, JSON.stringify(items.map((i) => i.label)));
    assert.match(port.detail ?? '', /Integer · declared in metadata\.json/);
    const hover = await second.request<Hover>('textDocument/hover', { textDocument: { uri: envUri }, position: { line: 1, character: 5 } });
    assert.match((hover.contents as MarkupContent).value, /Declared in metadata\.json: type Integer, default `587`/);
  } finally {
    await second.stop();
    other.dispose();
  }
});

test('password-in-plain-text follows git: an ignored .env is left alone, a compose file that would be committed is not', async () => {
  const repo = new TempWorkspace();
  const git = spawnSync('git', ['init', '-q'], { cwd: repo.root });
  assert.equal(git.status, 0, 'git init');
  repo.write('.gitignore', '.env\n');
  const env = 'MX_Mail_SMTPHost=smtp.example.com\nMX_Mail_SMTPPassword=hunter2hunter2\n';
  const compose = 'services:\n  app:\n    environment:\n      MX_Mail_SMTPHost: smtp.example.com\n      MX_Mail_SMTPPassword: hunter2hunter2\n';
  const envPath = repo.write('.env', env);
  const composePath = repo.write('docker-compose.yml', compose);
  const third = await LspClient.start({ root: repo.root, settings: {} });
  try {
    const onEnv = await third.open(envPath, env, 'dotenv');
    assert.equal(byCode(onEnv, 'password-in-plain-text'), undefined, 'ignored by .gitignore');
    const onCompose = await third.open(composePath, compose);
    const found = byCode(onCompose, 'password-in-plain-text');
    assert.ok(found);
    assert.match(messageOf(found), /a file git tracks/);
  } finally {
    await third.stop();
    repo.dispose();
  }
});
