// "Disable <id> for this file in .mendix-email.json" over the real LSP connection: a finding
// in model/config.json (JSON, so no suppression comment) is switched off by an entry in the
// config file's `files`. The edit keeps the config's comments, goes into the open editor's
// text when the config is open (its version, its unsaved edits), creates the config at the
// workspace root when there is none (only for editors that can create files), and once it
// is applied, on disk or in the open editor, the finding is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  ClientCapabilities,
  CodeAction,
  CreateFile,
  Diagnostic,
  PublishDiagnosticsParams,
  ResourceOperationKind,
  TextDocumentEdit,
} from 'vscode-languageserver-protocol/node';
import { LspClient } from '../support/lspClient';
import { byCode, serverForFile, TempWorkspace } from './workspace';

const RULE = 'port-25-on-mendix-cloud';
const TITLE = `Disable ${RULE} for this file in .mendix-email.json`;
// no target of its own kind: the default target (mendix-cloud) makes port 25 a finding
const CONFIG_JSON = '{\n  "Configuration": {},\n  "Constants": {\n    "Mail.SMTPHost": "smtp.sendgrid.net",\n    "Mail.SMTPPort": 25,\n    "Mail.SMTPUsername": "apikey",\n    "Mail.SMTPPassword": ""\n  }\n}\n';
const PROJECT_CONFIG = [
  '// Mendix Email settings of the order portal',
  '{',
  '  // the sender address is shared with support',
  '  "rules": { "sender-noreply": "off" },',
  '  /* DNS is checked in CI only */',
  '  "online": false',
  '}',
  '',
].join('\n');

function capabilities(resourceOperations: ResourceOperationKind[]): ClientCapabilities {
  return {
    workspace: {
      configuration: true,
      workspaceFolders: true,
      didChangeWatchedFiles: { dynamicRegistration: true },
      workspaceEdit: { documentChanges: true, resourceOperations },
    },
    textDocument: {
      synchronization: { didSave: true, dynamicRegistration: false },
      publishDiagnostics: { versionSupport: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
    },
  };
}

const SETTINGS = { defaultTarget: 'mendix-cloud' };
// a workspace with a .mendix-email.json at its root, and one without
const withConfig = serverForFile(SETTINGS, { capabilities: capabilities(['create']) });
const withoutConfig = serverForFile(SETTINGS, { capabilities: capabilities(['create']) });

const hasRule = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === RULE);

async function disableAction(client: LspClient, uri: string, diagnostic: Diagnostic): Promise<CodeAction | undefined> {
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
  return actions.find((a) => a.title === TITLE);
}

/** Opens a config.json with the port 25 finding and returns the Disable-for-this-file action. */
async function openWithAction(client: LspClient, path: string) {
  const uri = client.uriOf(path);
  const opened = await client.open(path, CONFIG_JSON, 'json');
  const finding = byCode(opened, RULE);
  assert.ok(finding, JSON.stringify(opened.diagnostics.map((d) => d.code)));
  return { uri, action: await disableAction(client, uri, finding) };
}

/** The edits of the action's one TextDocumentEdit, and the files it creates first. */
function editsOf(action: CodeAction | undefined) {
  const changes = action?.edit?.documentChanges ?? [];
  const creates = changes.filter((c): c is CreateFile => 'kind' in c && c.kind === 'create');
  const edits = changes.filter((c): c is TextDocumentEdit => 'textDocument' in c);
  assert.equal(edits.length, 1, JSON.stringify(action?.edit));
  return { creates, edit: edits[0] };
}

function applied(text: string, edit: TextDocumentEdit): string {
  return TextDocument.applyEdits(TextDocument.create(edit.textDocument.uri, 'json', 1, text), edit.edits as never);
}

test('an existing .mendix-email.json with comments gets a `files` entry, comments kept; written to disk, the finding goes', async () => {
  const { ws, client } = withConfig;
  const configPath = ws.write('.mendix-email.json', PROJECT_CONFIG);
  const { action } = await openWithAction(client, ws.write('app/model/config.json', CONFIG_JSON));
  assert.ok(action, 'the action is offered');
  const { creates, edit } = editsOf(action);
  assert.deepEqual(creates, [], 'the config exists: nothing to create');
  assert.equal(fileURLToPath(edit.textDocument.uri), configPath);
  assert.equal(edit.textDocument.version, null, 'not open: the text on disk');

  const fixed = applied(PROJECT_CONFIG, edit);
  for (const comment of ['// Mendix Email settings of the order portal', '// the sender address is shared with support', '/* DNS is checked in CI only */']) {
    assert.ok(fixed.includes(comment), `the comment "${comment}" stays:\n${fixed}`);
  }
  assert.deepEqual(parse(fixed), { rules: { 'sender-noreply': 'off' }, online: false, files: { 'app/model/config.json': { rules: { [RULE]: 'off' } } } });

  const gone = client.waitForDiagnostics(ws.path('app/model/config.json'), (p) => !hasRule(p), `${RULE} gone after the config changed on disk`);
  writeFileSync(configPath, fixed);
  await client.changeWatchedFiles([{ path: configPath, type: 2 }]);
  await gone;
});

test('an open .mendix-email.json is edited as the editor has it (its version, its unsaved text); applied there, the finding goes unsaved', async () => {
  const { ws, client } = withConfig;
  const configPath = ws.path('.mendix-email.json');
  const onDisk = readFileSync(configPath, 'utf8');
  const typed = onDisk.replace('{\n', '{\n  // typed, not saved\n  "target": "mendix-cloud",\n');
  await client.open(configPath, onDisk, 'jsonc');
  await client.change(configPath, [{ text: typed }]);

  const dataPath = ws.write('open/model/config.json', CONFIG_JSON);
  const { action } = await openWithAction(client, dataPath);
  const { creates, edit } = editsOf(action);
  assert.deepEqual(creates, []);
  assert.equal(fileURLToPath(edit.textDocument.uri), configPath);
  assert.equal(edit.textDocument.version, 2, 'the version the editor has open');
  const fixed = applied(typed, edit);
  assert.ok(fixed.includes('// typed, not saved'), `the unsaved edit stays:\n${fixed}`);
  assert.equal(parse(fixed).files['open/model/config.json'].rules[RULE], 'off');

  // the editor applies the edit to its open document and does not save it
  const gone = client.waitForDiagnostics(dataPath, (p) => !hasRule(p), `${RULE} gone after the open config changed`);
  await client.change(configPath, [{ text: fixed }]);
  await gone;
  assert.equal(readFileSync(configPath, 'utf8'), onDisk, 'nothing was written to disk');

  // closed without saving: the saved config applies again
  const back = client.waitForDiagnostics(dataPath, hasRule, `${RULE} back once the unsaved config is closed`);
  await client.close(configPath);
  await back;
});

test('without a .mendix-email.json the action creates one at the workspace root; created, the finding goes', async () => {
  const { ws, client } = withoutConfig;
  const configPath = ws.path('.mendix-email.json');
  const dataPath = ws.write('pkg/model/config.json', CONFIG_JSON);
  const { action } = await openWithAction(client, dataPath);
  assert.ok(action, 'the action is offered');
  const { creates, edit } = editsOf(action);
  assert.deepEqual(creates.map((c) => fileURLToPath(c.uri)), [configPath]);
  assert.equal(creates[0].options?.overwrite, false, 'never overwrites a config that appeared meanwhile');
  const created = applied('', edit);
  assert.deepEqual(parse(created), { files: { 'pkg/model/config.json': { rules: { [RULE]: 'off' } } } });

  const gone = client.waitForDiagnostics(dataPath, (p) => !hasRule(p), `${RULE} gone after the config was created`);
  writeFileSync(configPath, created);
  await client.changeWatchedFiles([{ path: configPath, type: 1 }]);
  await gone;
});

test('an editor that cannot create files gets the action only where a .mendix-email.json exists', async () => {
  const withFile = new TempWorkspace();
  const withoutFile = new TempWorkspace();
  withFile.write('.mendix-email.json', PROJECT_CONFIG);
  const clients = await Promise.all([withFile, withoutFile].map((ws) => LspClient.start({ root: ws.root, settings: SETTINGS, capabilities: capabilities([]) })));
  try {
    const existing = await openWithAction(clients[0], withFile.write('model/config.json', CONFIG_JSON));
    assert.ok(existing.action, 'offered: it only edits the existing config');
    assert.deepEqual(editsOf(existing.action).creates, []);
    const missing = await openWithAction(clients[1], withoutFile.write('model/config.json', CONFIG_JSON));
    assert.equal(missing.action, undefined, 'not offered: the config would have to be created');
    assert.ok(!existsSync(withoutFile.path('.mendix-email.json')));
  } finally {
    await Promise.all(clients.map((c) => c.stop()));
    withFile.dispose();
    withoutFile.dispose();
  }
});

test('YAML: a finding a comment can reach gets the comment; one on a line inside another value gets the config entry', async () => {
  const { ws, client } = withConfig;
  // a flow mapping whose first value runs over two lines: CONSTANTS starts on that value's
  // last line, so no comment line can go above it (features/codeActions.ts disablePlace)
  const manifest = [
    'applications:',
    '  - name: orders',
    '    env: {MX_Mail_SMTPHost: "smtp.gmail.com',
    '      ", CONSTANTS: \'{"Mail.SMTPUsername": "me@gmail.com",',
    '      "Mail.SMTPPort": 25}\'}', // 4: provider-port
    '',
  ].join('\n');
  const m2ee = 'mxruntime:\n  MicroflowConstants:\n    Mail.SMTPHost: smtp.gmail.com\n    Mail.SMTPUsername: me@gmail.com\n    Mail.SMTPPort: 25\n';
  const titlesFor = async (relative: string, text: string) => {
    const path = ws.write(relative, text);
    const uri = client.uriOf(path);
    const finding = byCode(await client.open(path, text), 'provider-port');
    assert.ok(finding, relative);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: finding.range, context: { diagnostics: [finding] } });
    return actions.map((a) => a.title);
  };
  const inValue = await titlesFor('cf/manifest.yml', manifest);
  assert.ok(inValue.includes('Disable provider-port for this file in .mendix-email.json'), JSON.stringify(inValue));
  assert.ok(!inValue.some((t) => t.startsWith('Disable provider-port for this line') || t.includes('whole value')), JSON.stringify(inValue));
  const onItsLine = await titlesFor('yaml/m2ee.yaml', m2ee);
  assert.ok(onItsLine.includes('Disable provider-port for this line'), JSON.stringify(onItsLine));
  assert.ok(!onItsLine.some((t) => t.includes('for this file')), JSON.stringify(onItsLine));
});
