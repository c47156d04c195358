// `mendix-email send-test` and `verify` as a user runs them: `node dist/cli.js` (built by
// test/run.mjs) against a real smtp-server, with settings files written to a temp folder.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runSendTest, runVerify } from '../../server/src/cli/sendTest';
import type { PromptAnswer } from '../../server/src/smtp/prompt';
import { m2eeFor, makeCert, PASSWORD, startSmtpServer, type RunningServer, type TestCert } from './support/servers';
import { cannotRun } from '../support/cannotRun';
import { CLI, runCli } from './support/runCli';

let cert: TestCert;
let server: RunningServer;
let dir: string;
before(async () => {
  cert = makeCert();
  server = await startSmtpServer({ key: cert.key, cert: cert.cert });
  dir = mkdtempSync(join(tmpdir(), 'mendix-email-cli-'));
});
after(async () => {
  await server.close();
  cert.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

function m2ee(port: number, password?: string): string {
  const file = join(dir, `m2ee-${port}-${password ? 'pw' : 'nopw'}.yaml`);
  writeFileSync(file, m2eeFor(port, { password, dtapMode: 'P' }));
  return file;
}


function memoryIo(env: Record<string, string> = {}) {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: { write: (t: string) => (out.stdout += t) },
      stderr: { write: (t: string) => (out.stderr += t) },
      cwd: dir,
      env,
      promptPassword: async (_question: string): Promise<PromptAnswer> => ({ kind: 'no-terminal' }),
    },
  };
}

const lastLine = (text: string) => text.trimEnd().split('\n').pop() ?? '';

describe('node dist/cli.js', cannotRun(!existsSync(CLI) && 'dist/cli.js not built (npm test builds it)'), () => {
  test('send-test with the password from the environment: exit 0, stage report, verdict last', async () => {
    const received = server.nextMessage();
    const r = await runCli(['send-test', m2ee(server.port), '--to', 'someone@mendix-email.test', '--ca', cert.certFile, '--timeout', '5'], { MENDIX_EMAIL_SMTP_PASSWORD: PASSWORD });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(lastLine(r.stdout), /^SENT to someone@mendix-email\.test: 250/);
    for (const stage of ['connect', 'greeting', 'STARTTLS', 'AUTH', 'MAIL FROM', 'RCPT TO', 'DATA']) assert.match(r.stdout, new RegExp(`\\n  ${stage} +ok`));
    const msg = await received;
    assert.match(msg.parsed.text ?? '', /mendix-email CLI/);
    assert.ok(!r.stdout.includes(PASSWORD) && !r.stderr.includes(PASSWORD));
    assert.ok(!r.stdout.includes(Buffer.from(PASSWORD).toString('base64')));
  });

  test('verify with a wrong password from --password-env: exit 1, AUTH explained', async () => {
    const r = await runCli(['verify', m2ee(server.port), '--ca', cert.certFile, '--password-env', 'MY_PW'], { MY_PW: 'wrong-password-123' });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(lastLine(r.stdout), /^FAILED at AUTH: The server rejected the username or password/);
    assert.ok(!r.stdout.includes('wrong-password-123'));
  });

  test('without --ca the self-signed certificate is refused and the fix names --ca', async () => {
    const r = await runCli(['verify', m2ee(server.port, PASSWORD)]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /fix: .*--ca CERT_FILE/);
    assert.match(lastLine(r.stdout), /^FAILED at STARTTLS/);
  });

  test('Ctrl-C while waiting for the server cancels: the report names the stage, exit 1, long before the timeout', async () => {
    let connected!: () => void;
    const arrived = new Promise<void>((resolve) => (connected = resolve));
    const sockets: Socket[] = [];
    const silent = createServer((socket) => {
      sockets.push(socket);
      socket.on('error', () => undefined);
      connected();
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const port = (silent.address() as AddressInfo).port;
      const child = spawn(process.execPath, [CLI, 'verify', m2ee(port), '--timeout', '60'], { env: { PATH: process.env.PATH, MENDIX_EMAIL_SMTP_PASSWORD: PASSWORD }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      child.stdout.on('data', (d) => (stdout += d));
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      await arrived;
      const interrupted = performance.now();
      child.kill('SIGINT');
      const code = await exited;
      assert.equal(code, 1, stdout);
      assert.ok(performance.now() - interrupted < 10_000);
      assert.match(stdout, /cancel/i);
      assert.match(lastLine(stdout), /greeting/i);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  test('usage errors exit 2', async () => {
    assert.equal((await runCli(['send-test', m2ee(server.port, PASSWORD)])).code, 2, '--to missing');
    const bad = await runCli(['send-test', m2ee(server.port, PASSWORD), '--to', 'nodomain']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /has no domain/);
  });
});

describe('runSendTest / runVerify in process', () => {
  test('the password written in the file is used and never printed', async () => {
    const { io, out } = memoryIo();
    const code = await runVerify([m2ee(server.port, PASSWORD), '--ca', cert.certFile], io);
    assert.equal(code, 0, out.stdout + out.stderr);
    assert.match(lastLine(out.stdout), /^OK: connected .* logged in/);
    assert.ok(!out.stdout.includes(PASSWORD));
  });

  test('no password anywhere and no terminal: says so, AUTH fails, exit 1', async () => {
    const { io, out } = memoryIo();
    const code = await runSendTest([m2ee(server.port), '--to', 'someone@mendix-email.test', '--ca', cert.certFile], io);
    assert.equal(code, 1);
    assert.match(out.stderr, /no password/);
    assert.match(lastLine(out.stdout), /^FAILED at AUTH/);
  });

  test('no password anywhere and no terminal: the note says why and how to give one', async () => {
    const { io, out } = memoryIo();
    const code = await runVerify([m2ee(server.port), '--ca', cert.certFile, '--password-env', 'MY_PW'], io);
    assert.equal(code, 1);
    assert.match(out.stderr, /note: no password: .* holds no password and MY_PW is not set and standard input is not a terminal to ask on/);
    assert.match(out.stdout, /no password was given/);
  });

  test('a prompt cancelled with Ctrl-C or Ctrl-D: exit 2, says so, no session started', async () => {
    const before = server.received.length;
    for (const how of ['Ctrl-C', 'Ctrl-D', 'end of input'] as const) {
      const { io, out } = memoryIo();
      io.promptPassword = async () => ({ kind: 'cancelled', how });
      const code = await runSendTest([m2ee(server.port), '--to', 'someone@mendix-email.test', '--ca', cert.certFile], io);
      assert.equal(code, 2, how);
      assert.equal(lastLine(out.stderr), `mendix-email send-test: cancelled at the password prompt (${how}); nothing was sent`);
      assert.equal(out.stdout, '', 'no report: no session was started');
    }
    const { io, out } = memoryIo();
    io.promptPassword = async () => ({ kind: 'cancelled', how: 'Ctrl-C' });
    assert.equal(await runVerify([m2ee(server.port), '--ca', cert.certFile], io), 2);
    assert.match(out.stderr, /nothing was tested/);
    assert.equal(server.received.length, before);
  });

  test('an empty answer at the prompt: goes on without a password and says so', async () => {
    const { io, out } = memoryIo();
    io.promptPassword = async () => ({ kind: 'answered', value: '' });
    assert.equal(await runVerify([m2ee(server.port), '--ca', cert.certFile], io), 1);
    assert.match(out.stderr, /note: no password: .* an empty password was typed/);
    assert.match(lastLine(out.stdout), /^FAILED at AUTH/);
  });

  test('the prompt is not asked when the environment holds the password, and the report says where it came from', async () => {
    const { io, out } = memoryIo({ MENDIX_EMAIL_SMTP_PASSWORD: PASSWORD });
    io.promptPassword = async () => assert.fail('asked although the environment holds the password');
    assert.equal(await runVerify([m2ee(server.port), '--ca', cert.certFile], io), 0, out.stdout + out.stderr);
    assert.match(out.stdout, /the password was taken from MENDIX_EMAIL_SMTP_PASSWORD \(not shown\)/);
  });

  test('the prompt answers when the file only refers to the password', async () => {
    const { io, out } = memoryIo();
    let asked = '';
    io.promptPassword = async (question) => {
      asked = question;
      return { kind: 'answered', value: PASSWORD };
    };
    const code = await runVerify([m2ee(server.port), '--ca', cert.certFile], io);
    assert.equal(code, 0, out.stdout + out.stderr);
    assert.match(asked, /holds no password\. SMTP password for app@mendix-email\.test@127\.0\.0\.1: $/);
    assert.match(out.stdout, /the password was typed at the prompt \(not shown\)/);
    assert.ok(!out.stdout.includes(PASSWORD));
  });
});
