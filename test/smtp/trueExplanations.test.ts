// Each failure explanation names the stage where the session really stopped and the real
// cause: these five were wrong once (issue 13, item 10). Real servers on 127.0.0.1.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { formatReport, verifyConnection } from '../../server/src/smtp';
import { makeCert, PASSWORD, settingsFor, startSmtpServer, type TestCert } from './support/servers';
import { politeReply, startScriptedServer, type Script } from './support/scriptedServer';

let cert: TestCert;
before(() => {
  cert = makeCert();
});
after(() => cert.cleanup());

async function verifyAgainst(script: Script, startTls = false) {
  const server = await startScriptedServer(script);
  try {
    return await verifyConnection(settingsFor(server.port, { requireStartTls: startTls }), {
      password: PASSWORD, timeoutSeconds: 5, trustedCertificates: { '127.0.0.1': cert.certFile },
    });
  } finally {
    await server.close();
  }
}

test('421 in the greeting: failed at greeting (not connect), with the server\'s 421', async () => {
  const report = await verifyAgainst({ greeting: '421 4.3.2 Too many connections, try later', reply: politeReply });
  const text = formatReport(report);
  assert.equal(report.failure?.stage, 'greeting', text);
  assert.match(report.verdict, /^FAILED at greeting: .*421.*not accepting connections now.*Too many connections/);
  assert.equal(report.stages.find((s) => s.stage === 'connect')?.status, 'ok', text);
});

test('a 10 MB reply line: a reply over the size limit at EHLO, not "message too large (or quota)"', async () => {
  const report = await verifyAgainst({ greeting: '220 hi', reply: (l, v) => (v === 'EHLO' ? { raw: `250-${'x'.repeat(10_000_000)}\r\n250 OK\r\n` } : politeReply(l, v)) });
  assert.equal(report.failure?.stage, 'EHLO', formatReport(report));
  assert.match(report.failure!.cause, /reply longer than 1 MB during EHLO/);
  assert.doesNotMatch(report.failure!.cause, /too large|quota/);
});

test('a TLS handshake that fails after STARTTLS: said as such, not "SSL is on, but … plain SMTP first"', async () => {
  const report = await verifyAgainst({
    greeting: '220 hi',
    reply: (l, v) => (v === 'EHLO' ? '250-hi\r\n250-AUTH LOGIN PLAIN\r\n250 STARTTLS' : v === 'STARTTLS' ? { startTlsThen: 'garbage' } : politeReply(l, v)),
  }, true);
  assert.equal(report.failure?.stage, 'STARTTLS', formatReport(report));
  assert.match(report.failure!.cause, /accepted STARTTLS, but the TLS handshake that followed failed \(what came back was not TLS/);
  assert.doesNotMatch(report.failure!.cause, /SSL is on/);
});

test('a rejected AUTH: the credentials were tried and rejected, not "NOT tested (the server offered no AUTH…)"', async () => {
  const server = await startSmtpServer({ key: cert.key, cert: cert.cert });
  try {
    const report = await verifyConnection(settingsFor(server.port), { password: 'wrong-password', timeoutSeconds: 5, trustedCertificates: { '127.0.0.1': cert.certFile } });
    const text = formatReport(report);
    assert.equal(report.failure?.stage, 'AUTH', text);
    assert.match(text, /the credentials were tried with PLAIN and the server rejected them \(535\)/);
    assert.doesNotMatch(text, /offered no AUTH/);
  } finally {
    await server.close();
  }
});

test('STARTTLS fails first: "AUTH offered" lists what EHLO offered, and says why the credentials were not tested', async () => {
  const report = await verifyAgainst({
    greeting: '220 hi',
    reply: (l, v) => (v === 'EHLO' ? '250-hi\r\n250-AUTH LOGIN PLAIN\r\n250 STARTTLS' : v === 'STARTTLS' ? '454 4.7.0 TLS not available due to temporary reason' : politeReply(l, v)),
  }, true);
  const text = formatReport(report);
  assert.equal(report.failure?.stage, 'STARTTLS', text);
  assert.match(text, /AUTH offered: LOGIN PLAIN/);
  assert.match(text, /the credentials were NOT tested: the session failed at STARTTLS, before logging in/);
  assert.doesNotMatch(text, /AUTH offered: none|offered no AUTH/);
  assert.match(report.failure!.cause, /refused STARTTLS \(454\)/);
});
