// A hostile workspace in a real VS Code (issue 13): a git repository whose config names a
// core.fsmonitor script that writes a marker file, with a git-ignored .env holding a password,
// opened in Restricted Mode. The .env is opened and edited; its diagnostics appear and follow
// the edit, and the marker never appears (no git, no program of the workspace, is run).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname } from 'node:path';
import { makeRepositoryHostile, plainGitRunsTheMarker, type HostileRepo } from '../support/hostileRepo';
import { packageExtension } from './support/extension';
import { startSession, type Session } from './support/session';
import { waitFor } from './support/workbench';

let session: Session;
let repo: Omit<HostileRepo, 'dispose'> | undefined;

before(async () => {
  session = await startSession({
    name: 'hostile',
    fixture: 'workspace',
    trusted: false,
    vsix: packageExtension(),
    // Quick Open finds the git-ignored .env too
    settings: { 'search.useIgnoreFiles': false },
    prepare: (workspace) => {
      repo = makeRepositoryHostile(workspace, dirname(workspace), 'config');
    },
  });
}, { timeout: 240_000 });

after(async () => {
  await session?.close();
});

test('the repository is hostile: plain git runs its fsmonitor script', () => {
  assert.ok(repo);
  assert.ok(plainGitRunsTheMarker({ ...repo, dispose: () => undefined }));
});

test('Restricted Mode: the .env with a password gets its diagnostics, also after an edit; the marker never appears', { timeout: 240_000 }, async () => {
  const { workbench } = session;
  await workbench.openFile('.env').catch(async (error: unknown) => {
    await workbench.screenshot('hostile-open-failed');
    throw error;
  });
  const problems = await waitFor('the password finding in the Problems panel', () => workbench.readProblems(),
    (ps) => ps.some((p) => p.code === 'password-in-plain-text'), 90_000);
  assert.match(problems.find((p) => p.code === 'password-in-plain-text')!.message, /may be committed/);

  // an edit: a no-reply sender typed at the end of the file
  await workbench.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await workbench.page.keyboard.press('Control+End');
  await workbench.page.keyboard.type('MX_Mail_FromAddress=noreply@mycompany.nl\n');
  await waitFor('the sender finding after the edit', () => workbench.readProblems(),
    (ps) => ps.some((p) => p.code === 'sender-noreply') && ps.some((p) => p.code === 'password-in-plain-text'), 90_000);
  await workbench.screenshot('hostile-restricted-dotenv');
  assert.equal(repo!.markerWritten(), false, 'the fsmonitor script ran');
});
