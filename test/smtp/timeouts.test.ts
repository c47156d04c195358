// The timeout bounds every stage, however the server stalls: silent, or dripping a reply one
// byte at a time (which resets a socket's idle timer forever). And the whole session has a
// hard deadline of a few times the timeout. Each against a real server on 127.0.0.1.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { formatReport, sendTestMail, type SmtpReport, type StageName } from '../../server/src/smtp';
import { OVERALL_TIMEOUT_FACTOR } from '../../server/src/smtp/transport';
import { makeCert, m2eeFor, PASSWORD, settingsFor, type TestCert } from './support/servers';
import { politeReply, startScriptedServer, type Answer, type Script } from './support/scriptedServer';

const root = join(__dirname, '..', '..');
let cert: TestCert;
let dir: string;
before(() => {
  cert = makeCert();
  dir = mkdtempSync(join(tmpdir(), 'mendix-email-timeouts-'));
});
after(() => {
  cert.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const drip = (reply: string): Answer => ({ drip: reply, everyMs: 150 });
const EHLO_TLS = '250-scripted.test\r\n250-AUTH LOGIN PLAIN\r\n250 STARTTLS';

/** A polite server except for one answer. */
function stallAt(verb: string, stall: Answer, greeting: Answer = '220 scripted.test ESMTP'): Script {
  return { greeting, reply: (line, v) => (v === verb ? stall : politeReply(line, v)) };
}

const cases: { name: string; stage: StageName; script: () => Script; secure?: boolean; startTls?: boolean }[] = [
  { name: 'the greeting dripped', stage: 'greeting', script: () => stallAt('-', '', drip('220 scripted.test ESMTP')) },
  { name: 'the EHLO reply dripped', stage: 'EHLO', script: () => stallAt('EHLO', drip('250 scripted.test')) },
  { name: 'the STARTTLS reply dripped', stage: 'STARTTLS', startTls: true, script: () => ({ greeting: '220 hi', reply: (l, v) => (v === 'EHLO' ? EHLO_TLS : v === 'STARTTLS' ? drip('220 go ahead') : politeReply(l, v)) }) },
  { name: 'no TLS handshake after STARTTLS', stage: 'STARTTLS', startTls: true, script: () => ({ greeting: '220 hi', reply: (l, v) => (v === 'EHLO' ? EHLO_TLS : v === 'STARTTLS' ? { startTlsThen: 'silence' } : politeReply(l, v)) }) },
  { name: 'no TLS handshake on an implicit-TLS port', stage: 'TLS', secure: true, script: () => ({ greeting: 'silence', reply: () => 'silence' }) },
  { name: 'the AUTH reply dripped', stage: 'AUTH', script: () => stallAt('AUTH', drip('235 2.7.0 ok')) },
  { name: 'the MAIL FROM reply dripped', stage: 'MAIL FROM', script: () => stallAt('MAIL', drip('250 2.1.0 ok')) },
  { name: 'the RCPT TO reply dripped', stage: 'RCPT TO', script: () => stallAt('RCPT', drip('250 2.1.5 ok')) },
  { name: 'the DATA reply dripped', stage: 'DATA', script: () => stallAt('DATA', drip('354 go ahead')) },
  { name: 'the reply after the message dripped', stage: 'DATA', script: () => stallAt('.', drip('250 2.0.0 queued')) },
];

// the stages run side by side: each takes about the 1 s timeout
describe('each stage is bounded by the timeout', { concurrency: true }, () => {
for (const c of cases) {
  test(`timeout 1 s bounds the stage: ${c.name} → fails at ${c.stage}, "too slow"`, async () => {
    const server = await startScriptedServer(c.script());
    try {
      const started = performance.now();
      const report = await sendTestMail(settingsFor(server.port, { secure: !!c.secure, requireStartTls: !!c.startTls }), {
        to: 'someone@mendix-email.test', password: PASSWORD, timeoutSeconds: 1, trustedCertificates: { '127.0.0.1': cert.certFile },
      });
      const took = performance.now() - started;
      assert.ok(took < 3000, `gave up after ${Math.round(took)} ms, not within the 1 s timeout (+ slack)\n${formatReport(report)}`);
      assert.equal(report.ok, false);
      assert.equal(report.failure?.stage, c.stage, formatReport(report));
      assert.match(report.verdict, new RegExp(`^FAILED at ${c.stage}: .*too slow`), formatReport(report));
    } finally {
      await server.close();
    }
  });
}
});

test(`the whole send is bounded by ${OVERALL_TIMEOUT_FACTOR} × the timeout, even when each reply comes just in time`, async () => {
  // every reply takes 0.7 s: each stage is within the 1 s timeout, the whole is not
  const slow = (a: Answer): Answer => ({ after: 700, then: a });
  const server = await startScriptedServer({ greeting: slow('220 slow.test'), reply: (l, v) => slow(politeReply(l, v)) });
  try {
    const started = performance.now();
    const report: SmtpReport = await sendTestMail(settingsFor(server.port, { requireStartTls: false }), {
      to: 'someone@mendix-email.test', password: PASSWORD, timeoutSeconds: 1,
    });
    const took = performance.now() - started;
    assert.ok(took >= OVERALL_TIMEOUT_FACTOR * 1000 - 100 && took < OVERALL_TIMEOUT_FACTOR * 1000 + 2000, `gave up after ${Math.round(took)} ms`);
    assert.equal(report.ok, false, formatReport(report));
    assert.match(report.failure!.cause, /too slow: the whole session did not finish in time/);
    assert.match(report.failure!.message, /took more than 4 s .*it was at (MAIL FROM|RCPT TO|DATA)/);
  } finally {
    await server.close();
  }
});

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'dist', 'cli.js'), ...args], { env: { PATH: process.env.PATH }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

test('send-test --timeout 3 against a server that answers EHLO one byte per second: done in ≈3 s, EHLO named, "too slow"', async () => {
  const server = await startScriptedServer(stallAt('EHLO', { drip: '250-scripted.test\r\n250 AUTH PLAIN', everyMs: 1000 }));
  try {
    const file = join(dir, 'm2ee.yaml');
    writeFileSync(file, m2eeFor(server.port, { password: PASSWORD }).replace('UseTLS: true', 'UseTLS: false'));
    const run = await runCli(['send-test', file, '--to', 'someone@mendix-email.test', '--timeout', '3']);
    assert.ok(run.ms >= 2900 && run.ms < 6500, `took ${Math.round(run.ms)} ms\n${run.stdout}${run.stderr}`);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /EHLO {7}FAILED/);
    assert.match(run.stdout.trim().split('\n').at(-1)!, /^FAILED at EHLO: .*too slow/);
  } finally {
    await server.close();
  }
});

test('the editor\'s SMTP bundle (dist/smtp.js) is bounded the same way', async () => {
  const smtp = require(join(root, 'dist', 'smtp.js')) as typeof import('../../server/src/smtp');
  const server = await startScriptedServer(stallAt('EHLO', drip('250 scripted.test')));
  try {
    const started = performance.now();
    const report = await smtp.verifyConnection(settingsFor(server.port, { requireStartTls: false }), { password: PASSWORD, timeoutSeconds: 1 });
    assert.ok(performance.now() - started < 3000, smtp.formatReport(report));
    assert.match(report.verdict, /^FAILED at EHLO: .*too slow/);
  } finally {
    await server.close();
  }
});
