// Quick fixes that rewrite syntax or touch another file, over the real LSP connection: the
// Kubernetes Secret reference for a plain-text password, the exact removal of an overridden
// constant in a flow map (also in fix-all), and the `.gitignore` entry for a `.env` file —
// offered only to an editor that can apply a multi-file edit with file creation.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClientCapabilities, CodeAction, Diagnostic, TextDocumentEdit, CreateFile } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../support/lspClient';
import { byCode, ensureServerBuilt, TempWorkspace } from './workspace';

const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: orders',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: orders',
  '          env:',
  '            - name: MX_Mail_SMTPHost',
  '              value: smtp.mycompany.nl',
  '            - name: MX_Mail_SMTPUsername',
  '              value: orders@mycompany.nl',
  '            - name: MX_Mail_SMTPPassword',
  '              value: "Tr0ub4dor&3-horse"',
  '',
].join('\n');

const FLOW_M2EE = 'mxruntime:\n  DTAPMode: P\n  MicroflowConstants: {Mail.SMTPPort: 25, Mail.SMTPHost: mailrelay.internal, Mail.SMTPPort: 587}\n';
const DOTENV = 'MX_Mail_SMTPHost=smtp.mycompany.nl\nMX_Mail_SMTPUsername=orders@mycompany.nl\nMX_Mail_SMTPPassword=Tr0ub4dor&3-horse\n';

const MENDIX_APP = [
  'apiVersion: privatecloud.mendix.com/v1alpha1',
  'kind: MendixApp',
  'metadata:',
  '  name: orders',
  'spec:',
  '  runtime:',
  '    dtapMode: P',
  '    microflowConstants:',
  '      Mail.SMTPHost: smtp.mycompany.nl',
  '      Mail.SMTPUsername: orders@mycompany.nl',
  '      Mail.SMTPPassword: Tr0ub4dor&3-horse',
  '      Mail.FromAddress: orders@mycompany.nl',
  '',
].join('\n');

const MULTI_FILE_EDITS: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
  },
  textDocument: {
    publishDiagnostics: { versionSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
  },
};

let ws: TempWorkspace;
let client: LspClient;

before(() => {
  ensureServerBuilt();
  ws = new TempWorkspace();
});

after(async () => {
  await client?.stop();
  ws.dispose();
});

async function actionsFor(c: LspClient, uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
}

/** The "fix all" action the editor gets for a document (codeActionsOnSave asks like this). */
async function fixAllAction(c: LspClient, uri: string): Promise<CodeAction | undefined> {
  const actions = await c.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'] },
  });
  return actions.find((a) => a.kind?.startsWith('source.fixAll'));
}

function applied(text: string, uri: string, action: CodeAction | undefined): string {
  const edits = action?.edit?.changes?.[uri];
  assert.ok(edits, JSON.stringify(action));
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), edits);
}

/** Opens a file, finds the diagnostic of `ruleId` and the code action whose title starts with `title`. */
async function openWithFix(relative: string, text: string, ruleId: string, title: string) {
  const path = ws.write(relative, text);
  const uri = client.uriOf(path);
  const published = await client.open(path, text);
  const finding = byCode(published, ruleId);
  assert.ok(finding, JSON.stringify(published.diagnostics.map((d) => d.code)));
  const actions = await actionsFor(client, uri, finding);
  const fix = actions.find((a) => a.title.startsWith(title));
  assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
  return { path, uri, published, fix };
}

test('Kubernetes: the plain-text password becomes a secretKeyRef, and the fixed file has no such finding', async () => {
  client = await LspClient.start({ root: ws.root, settings: {} });
  const { path, uri, fix } = await openWithFix('k8s/deployment.yaml', DEPLOYMENT, 'password-in-plain-text', 'Read MX_Mail_SMTPPassword from the Secret');
  assert.ok(!fix.title.includes('Tr0ub4dor'), 'the title never repeats the password');
  const fixed = applied(DEPLOYMENT, uri, fix);
  assert.match(fixed, /- name: MX_Mail_SMTPPassword\n {14}valueFrom:\n {16}secretKeyRef:\n {18}name: orders-smtp\n {18}key: password\n/);
  assert.ok(!fixed.includes('Tr0ub4dor'));
  const after = await client.change(path, [{ text: fixed }]);
  assert.equal(byCode(after, 'password-in-plain-text'), undefined);
});

test('MendixApp: the password moves to the secret store (a comment in its place), never by fix-all; nothing new is reported', async () => {
  const { path, uri, published, fix } = await openWithFix('k8s/mendixapp.yaml', MENDIX_APP, 'password-in-plain-text', 'Move Mail.SMTPPassword to the secret store');
  const fixed = applied(MENDIX_APP, uri, fix);
  assert.equal(fixed, MENDIX_APP.replace('      Mail.SMTPPassword: Tr0ub4dor&3-horse\n', '      # Mail.SMTPPassword comes from the secret store: key mx-const-Mail.SMTPPassword of the SecretProviderClass orders\n'));
  const all = await fixAllAction(client, uri);
  assert.ok(!JSON.stringify(all?.edit ?? {}).includes('secret store'), 'fix-all leaves the password where it is');
  const before = published.diagnostics.map((d) => d.code).filter((c) => c !== 'password-in-plain-text').sort();
  const after = await client.change(path, [{ text: fixed }]);
  assert.deepEqual(after.diagnostics.map((d) => d.code).sort(), before, 'only the finding goes; no missing-credentials in its place');
});

test('a flow map: removing the overridden constant removes exactly that pair, by quick fix and by fix-all', async () => {
  const { uri, fix } = await openWithFix('flow/m2ee.yaml', FLOW_M2EE, 'constant-overridden', 'Remove Mail.SMTPPort');
  const expected = 'mxruntime:\n  DTAPMode: P\n  MicroflowConstants: {Mail.SMTPHost: mailrelay.internal, Mail.SMTPPort: 587}\n';
  assert.equal(applied(FLOW_M2EE, uri, fix), expected);
  const all = await fixAllAction(client, uri);
  assert.equal(applied(FLOW_M2EE, uri, all), expected);
});

test('.env: no .gitignore fix for an editor that cannot create and edit other files', async () => {
  const path = ws.write('plain/.env', DOTENV);
  const uri = client.uriOf(path);
  const published = await client.open(path, DOTENV, 'dotenv');
  const finding = byCode(published, 'password-in-plain-text');
  assert.ok(finding);
  const titles = (await actionsFor(client, uri, finding)).map((a) => a.title);
  assert.ok(!titles.some((t) => t.includes('.gitignore')), JSON.stringify(titles));
});

test('.env: an editor with multi-file edits gets "Add .env to .gitignore" as a create + edit of the .gitignore beside it', async () => {
  await client.stop();
  client = await LspClient.start({ root: ws.root, settings: {}, capabilities: MULTI_FILE_EDITS });
  const path = ws.write('app/.env', DOTENV);
  const uri = client.uriOf(path);
  const published = await client.open(path, DOTENV, 'dotenv');
  const finding = byCode(published, 'password-in-plain-text');
  assert.ok(finding);
  const actions = await actionsFor(client, uri, finding);
  const fix = actions.find((a) => a.title.startsWith('Add .env to .gitignore'));
  assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
  assert.ok(!JSON.stringify(fix).includes('Tr0ub4dor'), 'the fix never carries the password');
  const changes = fix.edit?.documentChanges ?? [];
  const gitignore = client.uriOf(ws.path('app/.gitignore'));
  const create = changes.find((c): c is CreateFile => 'kind' in c && c.kind === 'create');
  assert.equal(create?.uri, gitignore);
  assert.equal(create?.options?.ignoreIfExists, true);
  const edit = changes.find((c): c is TextDocumentEdit => 'textDocument' in c && c.textDocument.uri === gitignore);
  assert.ok(edit);
  const written = TextDocument.applyEdits(TextDocument.create(gitignore, 'ignore', 1, ''), edit.edits as never);
  assert.match(written, /^\.env$/m);
  // fix-all never edits other files
  const all = await fixAllAction(client, uri);
  assert.ok(!all || !JSON.stringify(all).includes('.gitignore'));
});

test('a .gitignore that starts ignoring the .env clears the finding at once (watched file change)', async () => {
  const repo = new TempWorkspace();
  const init = spawnSync('git', ['init', '-q', repo.root]);
  if (init.status !== 0) return; // no git here: the rule then judges every file, nothing to clear
  const c = await LspClient.start({ root: repo.root, settings: {} });
  try {
    const path = repo.write('.env', DOTENV);
    const published = await c.open(path, DOTENV, 'dotenv');
    assert.ok(byCode(published, 'password-in-plain-text'), 'git would commit it: the finding is there');
    const gitignore = repo.write('.gitignore', '.env\n');
    const cleared = c.waitForDiagnostics(path, (p) => !p.diagnostics.some((d) => d.code === 'password-in-plain-text'), 'diagnostics without password-in-plain-text');
    await c.changeWatchedFiles([{ path: gitignore, type: 1 }]);
    await cleared;
  } finally {
    await c.stop();
    repo.dispose();
  }
});
