// "Mendix Email: Explain or Change Target of This File" while .mendix-email.json is open
// with unsaved edits: the override goes into that editor and the editor is saved, so the
// user's typing and the override both reach the disk and VS Code reports no conflict ("the
// content of the file is newer"). Then "Change the default target…" for a file whose kind
// decides nothing (model/metadata.json): the setting decides, and it does not win over the
// config file for m2ee.yaml.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'jsonc-parser';
import { commandTitle, packageExtension } from './support/extension';
import { lineOf } from './support/expected';
import { startSession, type Session } from './support/session';
import { targetSteps } from './support/targetSteps';
import { waitFor } from './support/workbench';

const FIXTURE = 'target';
const FILE = 'm2ee.yaml';
const CONFIG = '.mendix-email.json';
const CONFIG_ON_DISK = '{\n  "online": false\n}\n';
const COMMENT = '// replies go to the ticket system, so a noreply sender is deliberate';
// typed after `"online": false` (auto-closing and auto-indent are off, so the keys land as typed)
const TYPED = `,\n  ${COMMENT}\n  "rules": { "sender-noreply": "off" }`;
// a deployment package's declarations: no file kind target; Mail.SMTPPort defaults to 25.
// Every constant m2ee.yaml sets is declared, so m2ee.yaml gets no unknown-constant finding.
const METADATA = 'model/metadata.json';
const METADATA_TEXT = `{
  "ProjectID": "0f8a4c2e-5b7d-4e1a-9c3f-2d6b8e4a1c70",
  "ModelVersion": "10.6.0",
  "Constants": [
    { "Name": "Mail.SMTPHost", "Type": "String", "Description": "", "DefaultValue": "smtp.order-portal.nl" },
    { "Name": "Mail.SMTPPort", "Type": "Integer", "Description": "", "DefaultValue": "25" },
    { "Name": "Mail.SMTPUsername", "Type": "String", "Description": "", "DefaultValue": "orders" },
    { "Name": "Mail.SMTPPassword", "Type": "String", "Description": "set per environment", "DefaultValue": "" },
    { "Name": "Mail.UseTLS", "Type": "Boolean", "Description": "", "DefaultValue": "true" },
    { "Name": "Mail.FromAddress", "Type": "String", "Description": "", "DefaultValue": "orders@order-portal.nl" }
  ]
}
`;
const TITLE = commandTitle('mendixEmail.showTarget');
// VS Code's words when a save meets a file changed on disk behind the editor
const CONFLICT = /newer|conflict|failed to save|overwrite|compare/i;
let session: Session;

before(async () => {
  session = await startSession({
    name: 'target-open-config',
    fixture: FIXTURE,
    trusted: true,
    vsix: packageExtension(),
    files: { [CONFIG]: CONFIG_ON_DISK, [METADATA]: METADATA_TEXT },
    settings: {
      'mendixEmail.online': false, // no DNS look-ups from the editor
      'files.autoSave': 'off', // the edit must stay unsaved until the command saves it
      'editor.autoClosingBrackets': 'never',
      'editor.autoClosingQuotes': 'never',
      'editor.autoIndent': 'none',
      'editor.formatOnType': false,
      'editor.quickSuggestions': { other: false, comments: false, strings: false },
      'editor.suggestOnTriggerCharacters': false,
    },
  });
}, { timeout: 240_000 });

after(async () => {
  await session?.close();
});

const { codes, statusShowing, withScreenshotOnFailure, changeTarget } = targetSteps(() => session.workbench, TITLE);

/** The editor tab of `name`, and whether it shows the unsaved-changes dot. */
async function tabIsDirty(name: string): Promise<boolean> {
  const tab = session.workbench.page.locator('.tabs-container .tab', { hasText: name }).first();
  await tab.waitFor({ state: 'attached', timeout: 10_000 });
  return /\bdirty\b/.test((await tab.getAttribute('class')) ?? '');
}

/** Fails when VS Code shows a save conflict, as a notification or as a dialog. */
async function assertNoConflict(): Promise<void> {
  const { page } = session.workbench;
  const shown = await session.workbench.notifications();
  assert.ok(!shown.some((t) => CONFLICT.test(t)), `no save conflict notification; shown: ${JSON.stringify(shown)}`);
  const dialogs = await page.locator('.monaco-dialog-box:visible').allTextContents();
  assert.deepEqual(dialogs, [], 'no dialog (save conflict) is open');
}

test('with .mendix-email.json open and edited, the override goes into its editor and is saved with the edit: no conflict', { timeout: 180_000 }, async (t) => {
  assert.ok(TITLE, 'the extension contributes mendixEmail.showTarget');
  await withScreenshotOnFailure('target-open-config', async () => {
    const { workbench, workspace } = session;
    const configPath = join(workspace, CONFIG);

    // the user types in the open config file and does not save
    await workbench.openFile(CONFIG);
    await waitFor('the config file in its editor', () => workbench.editorText(), (text) => text.includes('"online": false'), 20_000);
    await workbench.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await workbench.page.keyboard.press('Control+Home');
    await workbench.page.keyboard.press('ArrowDown');
    await workbench.page.keyboard.press('End');
    await workbench.page.keyboard.type(TYPED);
    const typed = await waitFor('the typed lines in the editor', () => workbench.editorText(), (text) => text.includes('"rules": { "sender-noreply": "off" }'), 20_000);
    assert.equal(typed.trimEnd(), `{\n  "online": false${TYPED}\n}`, 'the edit is in the editor as typed');
    assert.equal(await tabIsDirty(CONFIG), true, 'the config editor has unsaved changes');
    assert.equal(readFileSync(configPath, 'utf8'), CONFIG_ON_DISK, 'the edit is not on disk yet');

    // from m2ee.yaml: set its target in .mendix-email.json
    await changeTarget(FILE, /Set the target of this file in \.mendix-email\.json/, /^Target for m2ee\.yaml/, /Mendix Cloud \(v4 and later\)/);
    const done = await workbench.waitForNotification(/\.mendix-email\.json: "\.\/m2ee\.yaml" → mendix-cloud|Could not update/, 20_000);
    assert.doesNotMatch(done, /Could not update/);

    // the editor was saved: the disk holds the user's edit and the override, the tab is clean
    const onDisk = await waitFor('.mendix-email.json with the override on disk', async () => readFileSync(configPath, 'utf8'),
      (text) => text.includes('"overrides"'), 20_000);
    assert.deepEqual(parse(onDisk), { online: false, rules: { 'sender-noreply': 'off' }, overrides: { [`./${FILE}`]: 'mendix-cloud' } });
    assert.ok(onDisk.includes(COMMENT), `the comment typed in the editor is on disk:\n${onDisk}`);
    // jsonc-parser re-formats the line the override is added after (`"rules": {…}` spreads over
    // three lines), as VS Code's own settings.json edits do; the comment stays where it was typed
    assert.ok(onDisk.indexOf(COMMENT) < onDisk.indexOf('"rules"') && onDisk.indexOf('"rules"') < onDisk.indexOf('"overrides"'),
      `the comment, then the typed rule, then the override:\n${onDisk}`);
    await waitFor(`the ${CONFIG} tab to be saved`, () => tabIsDirty(CONFIG), (dirty) => !dirty, 10_000);
    await assertNoConflict();

    // its editor shows what the disk has (nothing left to reconcile)
    await workbench.openFile(CONFIG);
    assert.equal(await tabIsDirty(CONFIG), false);
    const inEditor = await waitFor('the override in the config editor', () => workbench.editorText(), (text) => text.includes('"overrides"'), 10_000);
    assert.equal(inEditor.trimEnd(), onDisk.trimEnd(), 'the editor and the disk agree');

    // the checks follow: mendix-cloud makes port 25 an error, the typed rule turns the noreply warning off
    await workbench.openFile(FILE);
    const problems = await waitFor('port-25-on-mendix-cloud, and no sender-noreply, in the Problems panel', () => workbench.readProblems(),
      (ps) => ps.some((p) => p.code === 'port-25-on-mendix-cloud') && !ps.some((p) => p.code === 'sender-noreply'), 60_000);
    assert.deepEqual(codes(problems), ['port-25-on-mendix-cloud']);
    assert.equal(problems[0].severity, 'error');
    assert.equal(problems[0].line, lineOf(FIXTURE, FILE, 'Mail.SMTPPort: 25'));

    await workbench.openFile(FILE); // the Problems panel took the focus; the status item follows the editor
    const status = await statusShowing('mendix-cloud', /\.mendix-email\.json \(overrides: \.\/m2ee\.yaml\)/);
    t.diagnostic(`status item: ${status}`);
    await workbench.screenshot('target-open-config');
    await workbench.closeHover();
    await assertNoConflict();
  });
});

test('picking the target the open, saved .mendix-email.json already gives: no error, nothing changes', { timeout: 120_000 }, async (t) => {
  assert.ok(TITLE, 'the extension contributes mendixEmail.showTarget');
  await withScreenshotOnFailure('target-open-config-same', async () => {
    const { workbench, workspace } = session;
    const configPath = join(workspace, CONFIG);
    const before = readFileSync(configPath, 'utf8');
    assert.equal(await tabIsDirty(CONFIG), false, 'the config editor is open and saved (previous test)');
    await workbench.runCommand('Notifications: Clear All Notifications'); // the previous test's toast says the same
    await waitFor('no notification left', () => workbench.notifications(), (shown) => shown.length === 0, 10_000);

    await changeTarget(FILE, /Set the target of this file in \.mendix-email\.json/, /^Target for m2ee\.yaml/, /Mendix Cloud \(v4 and later\)/);
    const done = await workbench.waitForNotification(/\.mendix-email\.json: "\.\/m2ee\.yaml" → mendix-cloud|Could not update/, 20_000);
    assert.doesNotMatch(done, /Could not update/, 'an edit that changes nothing is no failure');
    assert.equal(readFileSync(configPath, 'utf8'), before, 'the file is unchanged');
    assert.equal(await tabIsDirty(CONFIG), false);
    await assertNoConflict();
  });
});

test('"Change the default target…" on model/metadata.json (no file kind target) sets mendixEmail.defaultTarget; the setting decides there, not for m2ee.yaml', { timeout: 180_000 }, async (t) => {
  assert.ok(TITLE, 'the extension contributes mendixEmail.showTarget');
  await withScreenshotOnFailure('target-default', async () => {
    const { workbench, workspace } = session;
    const settingsPath = join(workspace, '.vscode', 'settings.json');
    assert.ok(!existsSync(settingsPath), 'no workspace settings yet');
    const portLine = METADATA_TEXT.split('\n').findIndex((l) => l.includes('"Mail.SMTPPort"')) + 1;

    // only metadata.json open: its port 25 default is an error while the default target is mendix-cloud
    await workbench.runCommand('View: Close All Editors');
    await workbench.openFile('metadata.json');
    // nobody set mendixEmail.defaultTarget: the client sends only what the user set, so the server names its built-in default
    const before = await statusShowing('mendix-cloud', /built-in default/);
    t.diagnostic(`status item before: ${before}`);
    await workbench.closeHover();
    const problems = await waitFor('port-25-on-mendix-cloud on metadata.json alone in the Problems panel', () => workbench.readProblems(),
      (ps) => ps.length === 1 && ps[0].code === 'port-25-on-mendix-cloud', 60_000);
    assert.equal(problems[0].line, portLine);

    await changeTarget(METADATA, /Change the default target/, /Default target \(mendixEmail\.defaultTarget\)/, /self-hosted \(m2ee-tools\)/);
    const settings = await waitFor('mendixEmail.defaultTarget in .vscode/settings.json', async () => (existsSync(settingsPath) ? parse(readFileSync(settingsPath, 'utf8')) : undefined),
      (s) => s?.['mendixEmail.defaultTarget'] !== undefined, 20_000);
    assert.equal(settings['mendixEmail.defaultTarget'], 'self-hosted');

    // self-hosted: port 25 is fine; the status item names the setting
    await waitFor('port-25-on-mendix-cloud to leave the Problems panel', () => workbench.readProblems(), (ps) => ps.length === 0, 60_000);
    await workbench.openFile('metadata.json');
    const after = await statusShowing('self-hosted', /from setting mendixEmail\.defaultTarget/);
    t.diagnostic(`status item after: ${after}`);
    await workbench.screenshot('target-default');
    await workbench.closeHover();

    // the setting only decides when nothing else does: m2ee.yaml keeps its .mendix-email.json override
    await workbench.openFile(FILE);
    await statusShowing('mendix-cloud', /\.mendix-email\.json \(overrides: \.\/m2ee\.yaml\)/);
    await workbench.closeHover();
    await assertNoConflict();
  });
});
