// `mendix-email send-test` / `verify` asking for the password on a real terminal: the built
// CLI (dist/cli.js) runs on a pseudo-terminal made by util-linux `script`, against a real
// smtp-server on 127.0.0.1 that records every login. What is typed goes through the
// terminal's line discipline exactly as a user's keystrokes do, with ECHO on, so a prompt
// that does not hide the password shows it in the output (the first test proves the
// harness would see it).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { m2eeFor, makeCert, PASSWORD, startSmtpServer, USER, type RunningServer, type TestCert } from './support/servers';
import { noTerminalReason, runInTerminal, shellQuote } from './support/terminal';
import { cannotRun } from '../support/cannotRun';

const CLI = process.env.MENDIX_EMAIL_CLI ?? join(__dirname, '..', '..', 'dist', 'cli.js');
const PROMPT = /holds no password\. SMTP password for app@mendix-email\.test@127\.0\.0\.1: /;
const TO = 'someone@mendix-email.test';

// a missing build fails in CI; a machine without pseudo-terminals (Windows, no util-linux `script`) is skipped with the reason
const noCli = cannotRun(!existsSync(CLI) && 'dist/cli.js not built (npm test builds it)').skip ?? false;
const skip = noCli || noTerminalReason();

let cert: TestCert;
let server: RunningServer;
let dir: string;
let file: string;
/** every password the server's onAuth saw, and how many connections it accepted */
const logins: string[] = [];
let connections = 0;
/** the password the server accepts (changed by the non-ASCII test) */
let accepted = PASSWORD;

before(async () => {
  if (noCli) return;
  cert = makeCert();
  server = await startSmtpServer({
    key: cert.key,
    cert: cert.cert,
    onConnect(_session, cb) {
      connections++;
      cb();
    },
    onAuth(auth, _session, cb) {
      logins.push(auth.password ?? '');
      if (auth.username === USER && auth.password === accepted) cb(null, { user: auth.username });
      else cb(new Error('Invalid username or password'));
    },
  });
  dir = mkdtempSync(join(tmpdir(), 'mendix-email-tty-'));
  file = join(dir, 'm2ee.yaml');
  writeFileSync(file, m2eeFor(server.port));
});
after(async () => {
  if (noCli) return;
  await server.close();
  cert.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** `node dist/cli.js ARGS` as a shell command line; no password in the environment */
const cli = (...args: string[]) => [process.execPath, CLI, ...args].map(shellQuote).join(' ');
const sendTest = () => cli('send-test', file, '--to', TO, '--ca', cert.certFile, '--timeout', '10');
const verify = () => cli('verify', file, '--ca', cert.certFile, '--timeout', '10');

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
/** the password as it could leak: plain, or base64 as AUTH LOGIN / AUTH PLAIN put it on the wire */
function assertNoTrace(text: string, password: string): void {
  for (const form of [password, b64(password), b64(password).replace(/=+$/, ''), b64(`\0${USER}\0${password}`), b64(`\0${USER}\0${password}`).replace(/=+$/, '')])
    assert.ok(!text.includes(form), `${JSON.stringify(form)} appears in:\n${text}`);
}

describe('the password prompt on a real terminal', { skip }, () => {
  test('the harness sees what the terminal echoes (so the no-echo checks below can fail)', async () => {
    const term = runInTerminal(`read line; echo "read: $line"`);
    term.type('canary-42\r');
    await term.waitFor(/read: canary-42/);
    assert.equal(await term.exited(), 0);
    assert.match(term.output().split('read:')[0], /canary-42/, 'a terminal in its normal mode echoes what is typed');
  });

  test('send-test: asked on the terminal, the typed password is not echoed, the server gets it, no output shows it', async () => {
    const before = { logins: logins.length, messages: server.received.length };
    const term = runInTerminal(`${sendTest()}; status=$?; stty -a; exit $status`);
    await term.waitFor(PROMPT);
    // typed the moment the question shows, as a paste would be
    term.type(`${PASSWORD}\r`);
    assert.equal(await term.exited(), 0, term.output());
    const shown = term.output();
    assert.deepEqual(logins.slice(before.logins), [PASSWORD], 'the server saw exactly the typed password, once');
    assert.equal(server.received.length, before.messages + 1, 'the message arrived');
    assertNoTrace(shown, PASSWORD);
    const [report, stty] = shown.split(/\r?\nspeed /);
    assert.equal(report.match(new RegExp(PROMPT, 'g'))?.length, 1, 'asked once');
    assert.match(report, /the password was typed at the prompt \(not shown\)/);
    assert.match(report, /\r\nSENT to someone@mendix-email\.test: 250/);
    // the terminal the user gets back echoes and edits lines again
    assert.ok(stty, `stty -a printed nothing after the command:\n${shown}`);
    assert.match(stty, /(^|\s)icanon\s/);
    assert.match(stty, /(^|\s)echo\s/);
  });

  test('verify: Backspace fixes a typo in a non-ASCII password, Windows-style CRLF ends it', async () => {
    accepted = 'Pässwörd-ü7!';
    try {
      const before = logins.length;
      const term = runInTerminal(verify());
      await term.waitFor(PROMPT);
      term.type('Pässwörd-ü');
      term.type('é\u007f7!');
      term.type('\r\n');
      assert.equal(await term.exited(), 0, term.output());
      assert.deepEqual(logins.slice(before), ['Pässwörd-ü7!']);
      assertNoTrace(term.output(), 'Pässwörd-ü7!');
      assert.ok(!/Pässw|ü/.test(term.output()), 'no part of the password is echoed');
      assert.match(term.output(), /OK: connected to 127\.0\.0\.1:\d+ .*logged in/);
    } finally {
      accepted = PASSWORD;
    }
  });

  test('Ctrl-C at the prompt: exit 2 with a clear message, no connection made, nothing sent', async () => {
    const before = { connections, messages: server.received.length };
    const term = runInTerminal(sendTest());
    await term.waitFor(PROMPT);
    term.type('half-typ\u0003');
    assert.equal(await term.exited(), 2, term.output());
    assert.match(term.output(), /mendix-email send-test: cancelled at the password prompt \(Ctrl-C\); nothing was sent/);
    // a Ctrl-C that reached a terminal still in cooked mode would show ^C and kill Node (exit 130)
    assert.ok(!term.output().includes('^C'), term.output());
    assert.ok(!term.output().includes('half-typ'), 'what was typed before Ctrl-C is not echoed');
    assert.equal(connections, before.connections);
    assert.equal(server.received.length, before.messages);
  });

  test('Ctrl-D on an empty answer: verify ends with exit 2, nothing tested', async () => {
    const before = connections;
    const term = runInTerminal(verify());
    await term.waitFor(PROMPT);
    term.type('\u0004');
    assert.equal(await term.exited(), 2, term.output());
    assert.match(term.output(), /mendix-email verify: cancelled at the password prompt \(Ctrl-D\); nothing was tested/);
    assert.equal(connections, before);
  });

  test('report redirected to a file: still asked on the terminal, the report lands in the file without the password', async () => {
    const out = join(dir, 'report.txt');
    const term = runInTerminal(`${verify()} > ${shellQuote(out)}`);
    await term.waitFor(PROMPT);
    term.type(`${PASSWORD}\r`);
    assert.equal(await term.exited(), 0, term.output());
    const report = readFileSync(out, 'utf8');
    assert.match(report, /OK: connected .* logged in/);
    assert.match(report, /the password was typed at the prompt \(not shown\)/);
    assertNoTrace(term.output(), PASSWORD);
    assertNoTrace(report, PASSWORD);
  });

  test('stderr redirected away: the question is still shown on the terminal', async () => {
    const term = runInTerminal(`${verify()} 2>/dev/null`);
    await term.waitFor(PROMPT);
    term.type(`${PASSWORD}\r`);
    assert.equal(await term.exited(), 0, term.output());
    assertNoTrace(term.output(), PASSWORD);
  });

  test('stdin not a terminal (output on one): nobody is asked, the note says why, AUTH fails, exit 1', async () => {
    const term = runInTerminal(`${verify()} < /dev/null`);
    assert.equal(await term.exited(), 1, term.output());
    assert.doesNotMatch(term.output(), PROMPT);
    assert.match(term.output(), /note: no password: .* MENDIX_EMAIL_SMTP_PASSWORD is not set and standard input is not a terminal to ask on/);
    assert.match(term.output(), /FAILED at AUTH: .*no password was given/);
  });
});

describe('no terminal at all', { skip: noCli }, () => {
  test('stdin an open pipe that never sends anything: the command does not wait for it', async () => {
    const child = spawn(process.execPath, [CLI, 'send-test', file, '--to', TO, '--ca', cert.certFile, '--timeout', '10'], {
      env: { PATH: process.env.PATH },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const deadline = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(deadline);
    child.stdin.end();
    assert.equal(code, 1, `killed after 30 s or failed:\n${stdout}${stderr}`);
    assert.doesNotMatch(stderr, PROMPT);
    assert.match(stderr, /standard input is not a terminal to ask on/);
    assert.match(stdout, /FAILED at AUTH/);
  });
});
