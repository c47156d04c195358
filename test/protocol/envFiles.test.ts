// compose `env_file` over the real connection: which values reach the app (CONSTANTS is one
// variable, the last one wins whole; a later env_file beats an earlier one), what hover and
// code lens say about them, and re-checks when an env_file of any name changes on disk.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeLens, Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../support/lspClient';
import { ensureServerBuilt, TempWorkspace } from './workspace';
import { isWatched } from './watchedPaths';

let ws: TempWorkspace;
let client: LspClient;

before(async () => {
  ensureServerBuilt();
  ws = new TempWorkspace();
  client = await LspClient.start({ root: ws.root });
});

after(async () => {
  await client?.stop();
  ws?.dispose();
});

const hasPort25 = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.some((d) => d.code === 'port-25-on-mendix-cloud');
const compose = (envFiles: string[], environment: string[] = []) =>
  [
    '# mendix-email: target=mendix-cloud',
    'services:',
    '  app:',
    '    image: mendix/app',
    '    env_file:',
    ...envFiles.map((f) => `      - ${f}`),
    ...(environment.length ? ['    environment:', ...environment.map((e) => `      ${e}`)] : []),
    '',
  ].join('\n');
const PORT_25 = 'CONSTANTS={"Mail.SMTPHost":"smtp.sendgrid.net","Mail.SMTPPort":25}\n';
const HOST_ONLY = 'CONSTANTS={"Mail.SMTPHost":"smtp.sendgrid.net"}\n';

async function lensTitles(path: string): Promise<string[]> {
  const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: client.uriOf(path) } });
  return lenses.map((l) => l.command?.title ?? '');
}

async function hoverText(path: string, line: number, character: number): Promise<string> {
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: client.uriOf(path) }, position: { line, character } });
  assert.ok(hover, `a hover at ${line}:${character}`);
  return (hover.contents as MarkupContent).value;
}

test('environment CONSTANTS replaces the env_file CONSTANTS whole: its port 25 is not in effect (diagnostics, code lens, hover)', async () => {
  const constants = `CONSTANTS: '{"Mail.SMTPHost":"smtp.sendgrid.net"}'`;
  const text = compose(['c1.env'], [constants]);
  ws.write('constvar/c1.env', PORT_25);
  const path = ws.write('constvar/docker-compose.yml', text);
  const opened = await client.open(path, text);
  assert.ok(!hasPort25(opened), JSON.stringify(opened.diagnostics));
  const [summary] = await lensTitles(path);
  assert.match(summary, /port not set/);
  const line = text.split('\n').findIndex((l) => l.includes('CONSTANTS:'));
  const hover = await hoverText(path, line, text.split('\n')[line].indexOf('Mail.SMTPHost') + 2);
  assert.match(hover, /Overrides: `smtp\.sendgrid\.net` from c1\.env line 1/);
});

test('two env_files both with CONSTANTS: the later one replaces the earlier one whole', async () => {
  ws.write('twoconst/a.env', PORT_25);
  ws.write('twoconst/b.env', HOST_ONLY);
  const text = compose(['a.env', 'b.env']);
  const path = ws.write('twoconst/docker-compose.yml', text);
  const opened = await client.open(path, text);
  assert.ok(!hasPort25(opened), JSON.stringify(opened.diagnostics));
  assert.match((await lensTitles(path))[0], /port not set/);

  const swapped = client.waitForDiagnostics(path, hasPort25, 'port 25 once a.env comes last');
  await client.change(path, [{ range: { start: { line: 5, character: 8 }, end: { line: 6, character: 13 } }, text: 'b.env\n      - a.env' }]);
  await swapped;
  assert.match((await lensTitles(path))[0], /port 25/);
});

test('a later env_file entry beats an earlier one', async () => {
  ws.write('later/first.env', 'MX_Mail_SMTPPort=25\n');
  ws.write('later/second.env', 'MX_Mail_SMTPPort=587\n');
  const text = compose(['first.env', 'second.env']);
  const path = ws.write('later/docker-compose.yml', text);
  const opened = await client.open(path, text);
  assert.ok(!hasPort25(opened), JSON.stringify(opened.diagnostics));
  assert.match((await lensTitles(path))[0], /port 587/);
});

test('hover names the line in the env_file itself', async () => {
  ws.write('hoverline/first.env', '# mail settings\nMX_Mail_SMTPPort=25\n');
  const text = compose(['first.env'], ['MX_Mail_SMTPPort: "587"']);
  const path = ws.write('hoverline/docker-compose.yml', text);
  await client.open(path, text);
  const line = text.split('\n').findIndex((l) => l.includes('MX_Mail_SMTPPort'));
  const hover = await hoverText(path, line, 8);
  assert.match(hover, /Overrides: `25` from first\.env line 2$/m);
});

test('an env_file of another name (config/mail.vars) changed on disk re-checks the compose file', async () => {
  const varsPath = ws.write('vars/config/mail.vars', 'MX_Mail_SMTPHost=smtp.sendgrid.net\nMX_Mail_SMTPPort=25\n');
  const text = compose(['config/mail.vars']);
  const path = ws.write('vars/docker-compose.yml', text);
  const opened = await client.open(path, text);
  assert.ok(hasPort25(opened), 'the port comes from mail.vars');
  // an editor sends change events only for files a registered watcher covers
  await client.until(() => isWatched(client.registrations, varsPath, ws.root), 'a watcher that covers config/mail.vars');

  ws.write('vars/config/mail.vars', 'MX_Mail_SMTPHost=smtp.sendgrid.net\nMX_Mail_SMTPPort=587\n');
  const saved = client.waitForDiagnostics(path, (p) => !hasPort25(p), 'compose re-checked after mail.vars changed on disk');
  await client.changeWatchedFiles([{ path: varsPath, type: 2 }]);
  await saved;
});

test('with relative patterns, each referenced file is watched exactly, also a .env outside the workspace', async () => {
  const outer = new TempWorkspace();
  const root = outer.path('workspace');
  const other = await LspClient.start({
    root,
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } },
      textDocument: { synchronization: { didSave: true, dynamicRegistration: false }, publishDiagnostics: { versionSupport: true } },
    },
  });
  try {
    const varsPath = outer.write('workspace/app/config/mail.vars', 'MX_Mail_SMTPHost=smtp.sendgrid.net\n');
    const sharedPath = outer.write('shared/mail.env', 'MX_Mail_SMTPPort=25\n');
    const text = compose(['config/mail.vars', '../../shared/mail.env']);
    const path = outer.write('workspace/app/docker-compose.yml', text);
    assert.ok(hasPort25(await other.open(path, text)));
    await other.until(() => isWatched(other.registrations, varsPath, root) && isWatched(other.registrations, sharedPath, root), 'watchers for both env_files');
    assert.ok(!isWatched(other.registrations, outer.path('workspace/app/config/other.vars'), root), 'only the file read');

    outer.write('shared/mail.env', 'MX_Mail_SMTPPort=587\n');
    const saved = other.waitForDiagnostics(path, (p) => !hasPort25(p), 'compose re-checked after the shared .env changed');
    await other.changeWatchedFiles([{ path: sharedPath, type: 2 }]);
    await saved;
  } finally {
    await other.stop();
    outer.dispose();
  }
});
