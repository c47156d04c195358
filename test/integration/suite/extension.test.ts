// Runs inside VS Code's extension host (Electron via @vscode/test-electron, or code-server):
// activation on a fixture file, diagnostics, the port-25 quick fix, the commands, and a
// settings change that re-checks the open file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './waitFor';

const EXTENSION_ID = 'mendix-email.mendix-email';

function ruleId(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '');
}

function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run with the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, name);
}

function mendixDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mendix-email');
}

async function waitForRules(uri: vscode.Uri, wanted: (ids: string[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return waitFor(what, () => mendixDiagnostics(uri), (ds) => wanted(ds.map(ruleId)), 60_000);
}

suite('Mendix Email in the extension host', () => {
  let uri: vscode.Uri;
  let document: vscode.TextDocument;

  suiteSetup(async () => {
    uri = fixtureUri('m2ee.yaml');
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('mendixEmail').update('rules', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('the extension activates on an m2ee.yaml', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    await waitFor('activation', () => extension.isActive, (active) => active, 60_000);
  });

  test('port 25 on Mendix Cloud and the noreply sender are reported with rule ids, severities and ranges', async () => {
    const ds = await waitForRules(uri, (ids) => ids.includes('port-25-on-mendix-cloud') && ids.includes('sender-noreply'), 'both findings');
    const lines = document.getText().split('\n');
    const port = ds.find((d) => ruleId(d) === 'port-25-on-mendix-cloud')!;
    assert.equal(port.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(port.range.start.line, lines.findIndex((l) => l.includes('Mail.SMTPPort: 25')));
    assert.equal(document.getText(port.range), '25');
    const sender = ds.find((d) => ruleId(d) === 'sender-noreply')!;
    assert.equal(sender.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(sender.range.start.line, lines.findIndex((l) => l.includes('Mail.FromAddress')));
    // the rule id links to its documentation page
    assert.ok(typeof port.code === 'object' && port.code.target, 'the diagnostic code links to the rule page');
  });

  test('every contributed command is registered', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed = ((extension.packageJSON.contributes?.commands ?? []) as { command: string }[]).map((c) => c.command);
    assert.ok(contributed.length > 0, 'the manifest contributes commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((c) => !registered.has(c)), [], 'contributed but not registered');
  });

  test('a settings change re-checks the open file', async () => {
    const config = vscode.workspace.getConfiguration('mendixEmail');
    await config.update('rules', { 'sender-noreply': 'off' }, vscode.ConfigurationTarget.Global);
    await waitForRules(uri, (ids) => !ids.includes('sender-noreply') && ids.includes('port-25-on-mendix-cloud'), 'sender-noreply to go once it is off');
    await config.update('rules', { 'sender-noreply': 'error' }, vscode.ConfigurationTarget.Global);
    const ds = await waitForRules(uri, (ids) => ids.includes('sender-noreply'), 'sender-noreply to come back');
    await waitFor('sender-noreply as an error', () => mendixDiagnostics(uri).find((d) => ruleId(d) === 'sender-noreply')?.severity, (s) => s === vscode.DiagnosticSeverity.Error, 30_000);
    assert.ok(ds.length > 0);
    await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
    await waitFor('sender-noreply back to a warning', () => mendixDiagnostics(uri).find((d) => ruleId(d) === 'sender-noreply')?.severity, (s) => s === vscode.DiagnosticSeverity.Warning, 30_000);
  });

  test('the quick fix for port 25 is offered and sets 587', async () => {
    const port = (await waitForRules(uri, (ids) => ids.includes('port-25-on-mendix-cloud'), 'the port finding')).find((d) => ruleId(d) === 'port-25-on-mendix-cloud')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, port.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => /587/.test(a.title));
    assert.ok(fix, `a quick fix mentioning 587 is offered; got ${JSON.stringify(actions.map((a) => a.title))}`);
    if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit));
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    await waitFor('the file to say 587', () => document.getText(), (t) => /Mail\.SMTPPort: 587/.test(t), 10_000);
    await waitForRules(uri, (ids) => !ids.includes('port-25-on-mendix-cloud'), 'the port finding to go');
  });
});
