// The harness itself, with no extension installed: code-server starts with a fresh
// profile, Chromium shows the workbench, Quick Open, the command palette and the
// Problems panel work. When this fails, the other end-to-end failures are the harness's.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, type Session } from './support/session';
import { waitFor } from './support/workbench';

let session: Session;

before(async () => {
  session = await startSession({ name: 'plain', fixture: 'workspace', trusted: true });
}, { timeout: 180_000 });

after(async () => {
  await session?.close();
});

test('Quick Open shows an m2ee.yaml as YAML in a plain VS Code', { timeout: 60_000 }, async () => {
  const { workbench } = session;
  await workbench.openFile('m2ee.yaml');
  const mode = await waitFor('the language mode in the status bar', () => workbench.languageMode(), (m) => m.length > 0);
  assert.equal(mode, 'YAML');
  await workbench.screenshot('plain-vscode-m2ee');
});

test('without the extension the Problems panel stays empty', { timeout: 60_000 }, async () => {
  const { workbench } = session;
  const problems = await workbench.readProblems();
  assert.deepEqual(problems, []);
  const empty = await waitFor('the empty Problems message', async () => (await workbench.page.locator('.markers-panel').textContent()) ?? '', (t) => /No problems/i.test(t), 10_000);
  assert.match(empty, /No problems have been detected/);
});

test('the command palette runs a built-in command', { timeout: 60_000 }, async () => {
  const { workbench } = session;
  await workbench.openFile('m2ee.yaml');
  await workbench.runCommand('Change Language Mode');
  await workbench.waitForInput(/language/i);
  await workbench.answerInput('Plain Text');
  const mode = await waitFor('the language mode to change', () => workbench.languageMode(), (m) => m === 'Plain Text');
  assert.equal(mode, 'Plain Text');
});
