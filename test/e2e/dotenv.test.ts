// `.env` files in a real VS Code, with and without a grammar of the editor's own. VS Code 1.106+
// ships one (the built-in extension vscode.dotenv); a copy of code-server without that extension
// is an editor without one, as VS Code before 1.106 is. Both ways the file is coloured, the Mendix constant
// names stand out, and the server checks it; only without one does our own language take it.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { packageExtension } from './support/extension';
import { startSession, type Session } from './support/session';
import { codeServerWithout } from './support/tools';
import { waitFor } from './support/workbench';
import { skipOrFail } from '../support/cannotRun';

const FILE = '.env';
const HOST_LINE = 'MX_Mail_SMTPHost=';

let session: Session | undefined;
after(async () => {
  await session?.close();
});

async function openDotenv(name: string, codeServer?: string): Promise<Session> {
  await session?.close();
  session = undefined;
  session = await startSession({
    name,
    fixture: 'dotenv',
    trusted: true,
    vsix: packageExtension(),
    codeServer,
    settings: { 'mendixEmail.online': false },
  });
  await session.workbench.openFile(FILE);
  return session;
}

/** The mtk colour class of a token on the line that contains `lineText`. */
async function colourOf(s: Session, lineText: string, token: string): Promise<string> {
  const span = s.workbench.token(lineText, token);
  await span.waitFor({ state: 'visible', timeout: 10_000 });
  return /\bmtk\d+\b/.exec((await span.getAttribute('class')) ?? '')?.[0] ?? '';
}

async function expectColoured(s: Session, shot: string): Promise<void> {
  const { workbench } = s;
  // tokenization runs in the background: wait until the key and the value differ
  await waitFor('the .env line drawn in several colours', () => workbench.tokenColours(HOST_LINE), (n) => n >= 2, 30_000);
  const constant = await colourOf(s, HOST_LINE, 'MX_Mail_SMTPHost');
  const plainKey = await colourOf(s, 'OTHER_VAR=', 'OTHER_VAR');
  assert.notEqual(constant, plainKey, 'the MX_ variable is coloured as a Mendix constant, unlike another key');
  await workbench.screenshot(shot);
}

async function expectChecked(s: Session): Promise<void> {
  const problems = await waitFor('the noreply sender of the .env in the Problems panel', () => s.workbench.readProblems(),
    (ps) => ps.some((p) => p.code === 'sender-noreply'), 90_000);
  assert.equal(problems.find((p) => p.code === 'sender-noreply')!.line, 3);
}

test('VS Code with its own .env grammar: the file keeps the built-in dotenv language, with our constant colours', { timeout: 300_000 }, async () => {
  const s = await openDotenv('dotenv-builtin');
  assert.equal(await s.workbench.languageId('Dotenv'), 'dotenv');
  await expectColoured(s, 'dotenv-builtin-grammar');
  await expectChecked(s);
});

test('an editor without a .env grammar: our own language colours the file, and it is still checked', { timeout: 300_000 }, async (t) => {
  const withoutDotenv = codeServerWithout('dotenv');
  if (!withoutDotenv) {
    // only with a code-server given by MENDIX_EMAIL_CODE_SERVER and no .tools/ install to copy
    skipOrFail(t, 'needs the code-server that .ci/setup-vscode.sh installs in .tools/, to copy it without its dotenv extension');
    return;
  }
  const s = await openDotenv('dotenv-fallback', withoutDotenv);
  const id = await waitFor('the .env moved to our language', () => s.workbench.languageId('Dotenv'), (i) => i === 'mendix-email-dotenv', 30_000);
  assert.equal(id, 'mendix-email-dotenv');
  assert.equal(await s.workbench.languageMode(), 'Dotenv (Mendix Email)');
  await expectColoured(s, 'dotenv-fallback-grammar');
  await expectChecked(s);
});
