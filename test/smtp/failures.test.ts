// Test sends that fail, each against a real server on 127.0.0.1, each with the stage that
// failed and the explanation a user gets.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { formatReport, sendTestMail, verifyConnection, type SmtpReport } from '../../server/src/smtp';
import { makeCert, makeExpiredCert, PASSWORD, settingsFor, startSilentServer, startSmtpServer, type TestCert } from './support/servers';

let cert: TestCert;
const trusted = () => ({ '127.0.0.1': cert.certFile });
before(() => {
  cert = makeCert();
});
after(() => cert.cleanup());

function failedAt(report: SmtpReport, stage: string): void {
  assert.equal(report.ok, false, formatReport(report));
  assert.equal(report.failure?.stage, stage, formatReport(report));
  assert.equal(report.stages.find((s) => s.status === 'failed' || s.status === 'cancelled')?.stage, stage, formatReport(report));
  assert.match(report.verdict, new RegExp(`at ${stage}|during ${stage}`));
}

test('AUTH rejected (535) is explained as wrong username or password', async () => {
  const server = await startSmtpServer({ key: cert.key, cert: cert.cert });
  try {
    const report = await verifyConnection(settingsFor(server.port), { password: 'not-the-password', trustedCertificates: trusted(), timeoutSeconds: 5 });
    failedAt(report, 'AUTH');
    assert.equal(report.failure?.responseCode, 535);
    assert.match(report.failure!.cause, /rejected the username or password/);
    assert.match(report.failure!.fix, /app password|password/);
  } finally {
    await server.close();
  }
});

test('a server without AUTH: verify says the credentials were NOT tested', async () => {
  const server = await startSmtpServer({ key: cert.key, cert: cert.cert, disabledCommands: ['AUTH'] });
  try {
    const report = await verifyConnection(settingsFor(server.port), { password: PASSWORD, trustedCertificates: trusted(), timeoutSeconds: 5 });
    assert.equal(report.credentialsTested, false, formatReport(report));
    assert.deepEqual(report.authMechanismsOffered, []);
    assert.match(report.verdict, /credentials were NOT tested/);
    assert.doesNotMatch(report.verdict, /logged in/);
    assert.equal(report.stages.find((s) => s.stage === 'AUTH')?.status, 'skipped');
    assert.match(formatReport(report), /credentials were NOT tested/);
  } finally {
    await server.close();
  }
});

test('SSL on a STARTTLS port fails fast with "wrong version number" explained', async () => {
  const server = await startSmtpServer({ key: cert.key, cert: cert.cert });
  try {
    const started = performance.now();
    const report = await sendTestMail(settingsFor(server.port, { secure: true, requireStartTls: false }), {
      to: 'someone@mendix-email.test', password: PASSWORD, trustedCertificates: trusted(), timeoutSeconds: 10,
    });
    // fails on the first bytes, not after a timeout (half of it leaves room for a busy machine)
    assert.ok(performance.now() - started < 5000, 'fails in well under the timeout');
    failedAt(report, 'TLS');
    assert.match(report.failure!.cause, /SSL is on, but .* plain SMTP first/);
    assert.match(report.failure!.fix, /Turn SSL off and TLS \(STARTTLS\) on/);
  } finally {
    await server.close();
  }
});

test('no SSL on an implicit-TLS port: greeting timeout within the bound, explained', async () => {
  const server = await startSmtpServer({ secure: true, key: cert.key, cert: cert.cert });
  try {
    const started = performance.now();
    const report = await verifyConnection(settingsFor(server.port, { secure: false, requireStartTls: false }), {
      password: PASSWORD, trustedCertificates: trusted(), timeoutSeconds: 1,
    });
    const took = performance.now() - started;
    // bounded by the 1 s setting, not nodemailer's 30 s default (slack for a busy machine)
    assert.ok(took >= 900 && took < 4000, `gave up after ${Math.round(took)} ms`);
    failedAt(report, 'greeting');
    assert.match(report.failure!.cause, /never sent its greeting.*465/);
    assert.match(report.failure!.fix, /Turn SSL on/);
  } finally {
    await server.close();
  }
});

test('an untrusted certificate is refused, then accepted after trusting it for that host only', async () => {
  const server = await startSmtpServer({ key: cert.key, cert: cert.cert });
  try {
    const refused = await verifyConnection(settingsFor(server.port), { password: PASSWORD, timeoutSeconds: 5 });
    failedAt(refused, 'STARTTLS');
    assert.match(refused.failure!.cause, /not trusted: it is self-signed/);
    assert.match(refused.failure!.fix, /trustedCertificates/);

    const otherHost = await verifyConnection(settingsFor(server.port), { password: PASSWORD, timeoutSeconds: 5, trustedCertificates: { 'mail.example.com': cert.certFile } });
    assert.equal(otherHost.ok, false, 'trusting it for another host does not help');

    const accepted = await verifyConnection(settingsFor(server.port), { password: PASSWORD, timeoutSeconds: 5, trustedCertificates: trusted() });
    assert.equal(accepted.ok, true, formatReport(accepted));
    assert.equal(accepted.tls?.trustedFile, cert.certFile);
  } finally {
    await server.close();
  }
});

test('a silent server (never greets) times out within the configured bound', async () => {
  const silent = await startSilentServer();
  try {
    const started = performance.now();
    const report = await verifyConnection(settingsFor(silent.port), { password: PASSWORD, timeoutSeconds: 0.5 });
    const took = performance.now() - started;
    assert.ok(took >= 450 && took < 3000, `gave up after ${Math.round(took)} ms`);
    failedAt(report, 'greeting');
    // nodemailer's greeting timeout and the stage watchdog (smtp/session.ts) share the bound: either may say it first
    assert.match(report.failure!.message, /Greeting never received|no answer within 0\.5 s/);
  } finally {
    await silent.close();
  }
});

test('connection refused is explained', async () => {
  const silent = await startSilentServer();
  const port = silent.port;
  await silent.close(); // nothing listens there now
  const report = await verifyConnection(settingsFor(port), { password: PASSWORD, timeoutSeconds: 2 });
  failedAt(report, 'connect');
  assert.match(report.failure!.cause, /connection refused/);
});

test('cancel during the send stops it and reports the stage', async () => {
  let dataArrived!: () => void;
  const arrived = new Promise<void>((resolve) => (dataArrived = resolve));
  const server = await startSmtpServer({
    key: cert.key,
    cert: cert.cert,
    onData(stream) {
      stream.on('error', () => undefined);
      stream.resume();
      dataArrived(); // and never answer
    },
  });
  try {
    const controller = new AbortController();
    void arrived.then(() => controller.abort());
    const report = await sendTestMail(settingsFor(server.port), {
      to: 'someone@mendix-email.test', password: PASSWORD, trustedCertificates: trusted(), timeoutSeconds: 30, signal: controller.signal,
    });
    assert.equal(report.cancelled, true, formatReport(report));
    failedAt(report, 'DATA');
    assert.match(report.verdict, /^CANCELLED during DATA/);
    assert.equal(report.stages.find((s) => s.stage === 'DATA')?.status, 'cancelled');
  } finally {
    await server.close();
  }
});

test('550 on RCPT TO is explained as a rejected recipient; 550 5.7.1 as relay denied', async () => {
  const server = await startSmtpServer({
    key: cert.key,
    cert: cert.cert,
    onRcptTo(address, _session, cb) {
      if (address.address.startsWith('relay')) cb(Object.assign(new Error('5.7.1 Relaying denied'), { responseCode: 550 }));
      else cb(Object.assign(new Error('5.1.1 No such user'), { responseCode: 550 }));
    },
  });
  try {
    const unknown = await sendTestMail(settingsFor(server.port), { to: 'nobody@mendix-email.test', password: PASSWORD, trustedCertificates: trusted(), timeoutSeconds: 5 });
    failedAt(unknown, 'RCPT TO');
    assert.equal(unknown.failure?.responseCode, 550);
    assert.match(unknown.failure!.cause, /rejected the recipient/);

    const relay = await sendTestMail(settingsFor(server.port), { to: 'relay@elsewhere.test', password: PASSWORD, trustedCertificates: trusted(), timeoutSeconds: 5 });
    failedAt(relay, 'RCPT TO');
    assert.match(relay.failure!.cause, /Relay denied/);
  } finally {
    await server.close();
  }
});

test('552 on DATA is explained as message too large', async () => {
  const server = await startSmtpServer({
    key: cert.key,
    cert: cert.cert,
    onData(stream, _session, cb) {
      stream.resume();
      stream.on('end', () => cb(Object.assign(new Error('5.3.4 Message size exceeds fixed maximum message size'), { responseCode: 552 })));
    },
  });
  try {
    const report = await sendTestMail(settingsFor(server.port), { to: 'someone@mendix-email.test', password: PASSWORD, trustedCertificates: trusted(), timeoutSeconds: 5 });
    failedAt(report, 'DATA');
    assert.equal(report.failure?.responseCode, 552);
    assert.match(report.failure!.cause, /too large/);
  } finally {
    await server.close();
  }
});

test('settings that cannot be tested fail before connecting, with the reason', async () => {
  const report = await verifyConnection(settingsFor(1, { host: '', problems: ['the host is a reference (${SMTP_HOST}) filled in elsewhere'] }));
  assert.equal(report.ok, false);
  assert.equal(report.failure?.stage, 'settings');
  assert.match(report.verdict, /SMTP_HOST/);
  assert.equal(report.transcript.length, 0);
});

test('TLS flag on but the server offers no STARTTLS: refused, not sent in plain text', async () => {
  const server = await startSmtpServer({ disabledCommands: ['STARTTLS'], allowInsecureAuth: true });
  try {
    const required = await verifyConnection(settingsFor(server.port, { requireStartTls: true }), { password: PASSWORD, timeoutSeconds: 5 });
    assert.equal(required.ok, false, formatReport(required));
    assert.ok(['EHLO', 'STARTTLS'].includes(required.failure!.stage), formatReport(required));
    assert.match(required.failure!.cause, /does not offer STARTTLS/);
    assert.ok(!required.transcript.some((l) => l.text.startsWith('AUTH')), 'no credentials sent without TLS');

    const optional = await verifyConnection(settingsFor(server.port, { requireStartTls: false }), { password: PASSWORD, timeoutSeconds: 5 });
    assert.equal(optional.ok, true, formatReport(optional));
    assert.ok(optional.notes.some((n) => /NOT encrypted/.test(n)));
  } finally {
    await server.close();
  }
});

test('an expired certificate is refused even when trusted, and explained as expired', async () => {
  const expired = makeExpiredCert();
  const server = await startSmtpServer({ secure: true, key: expired.key, cert: expired.cert });
  try {
    const report = await verifyConnection(settingsFor(server.port, { secure: true, requireStartTls: false }), {
      password: PASSWORD, timeoutSeconds: 5, trustedCertificates: { '127.0.0.1': expired.certFile },
    });
    failedAt(report, 'TLS');
    assert.match(report.failure!.cause, /certificate has expired/);
    assert.match(report.failure!.fix, /renew/);
  } finally {
    await server.close();
    expired.cleanup();
  }
});
