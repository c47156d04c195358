// Test sends that succeed, against a real smtp-server with STARTTLS and with implicit TLS.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { formatReport, sendTestMail, verifyConnection } from '../../server/src/smtp';
import { makeCert, PASSWORD, settingsFor, startSmtpServer, USER, type RunningServer, type TestCert } from './support/servers';

let cert: TestCert;
before(() => {
  cert = makeCert();
});
after(() => cert.cleanup());

describe('STARTTLS on a submission-style port', () => {
  let server: RunningServer;
  before(async () => {
    server = await startSmtpServer({ key: cert.key, cert: cert.cert });
  });
  after(() => server.close());

  test('sends the test message; the server receives it and every stage is reported', async () => {
    const settings = settingsFor(server.port);
    const trusted = { '127.0.0.1': cert.certFile };
    const received = server.nextMessage();
    const report = await sendTestMail(settings, {
      to: 'someone@mendix-email.test',
      password: PASSWORD,
      trustedCertificates: trusted,
      timeoutSeconds: 5,
      origin: { file: '/work/app/m2ee.yaml', sentBy: 'test' },
    });
    assert.equal(report.ok, true, formatReport(report));
    const stages = report.stages.map((s) => `${s.stage}:${s.status}`);
    assert.deepEqual(stages, ['DNS:skipped', 'connect:ok', 'greeting:ok', 'EHLO:ok', 'STARTTLS:ok', 'EHLO:ok', 'AUTH:ok', 'MAIL FROM:ok', 'RCPT TO:ok', 'DATA:ok']);
    assert.ok(report.ehloBeforeTls?.includes('STARTTLS'), 'EHLO before STARTTLS offers STARTTLS');
    assert.ok(report.ehloAfterTls?.some((c) => c.startsWith('AUTH')), 'EHLO after STARTTLS offers AUTH');
    assert.equal(report.tls?.how, 'STARTTLS');
    assert.match(report.tls?.protocol ?? '', /^TLSv1\.[23]$/);
    assert.match(report.tls?.subject ?? '', /CN=localhost/);
    assert.ok(report.tls?.validTo);
    assert.equal(report.authMechanism, 'PLAIN');
    assert.equal(report.credentialsTested, true);
    assert.match(report.finalResponse ?? '', /^250/);
    assert.match(report.verdict, /^SENT to someone@mendix-email\.test/);

    const msg = await received;
    assert.equal(msg.from, 'app@mendix-email.test');
    assert.deepEqual(msg.to, ['someone@mendix-email.test']);
    const p = msg.parsed;
    assert.equal(p.from?.value[0].address, 'app@mendix-email.test');
    assert.equal(p.messageId, report.messageId);
    assert.ok(p.date instanceof Date && Math.abs(p.date.getTime() - Date.now()) < 60_000, 'Date header is now');
    assert.match(p.subject ?? '', /Mendix Email test: m2ee\.yaml, mxruntime/);
    for (const fact of ['/work/app/m2ee.yaml', 'mxruntime', 'self-hosted', `127.0.0.1:${server.port}`]) {
      assert.ok(p.text?.includes(fact), `text names ${fact}`);
      assert.ok(typeof p.html === 'string' && p.html.includes(fact), `html names ${fact}`);
    }
    assert.ok(!msg.raw.toString().includes(PASSWORD), 'the message holds no password');

    const text = formatReport(report);
    for (const part of ['Stages:', 'Transcript:', 'EHLO capabilities before STARTTLS', 'certificate subject', 'AUTH offered', 'Message-ID']) assert.ok(text.includes(part), part);
  });

  test('a from with a display name and a non-ASCII scope: bare envelope sender, encoded headers', async () => {
    const received = server.nextMessage();
    const settings = settingsFor(server.port, { from: 'Mendix App <app@mendix-email.test>', scope: 'service mëndix' });
    const report = await sendTestMail(settings, { to: 'someone@mendix-email.test', password: PASSWORD, trustedCertificates: { '127.0.0.1': cert.certFile } });
    assert.equal(report.ok, true, formatReport(report));
    const msg = await received;
    assert.equal(msg.from, 'app@mendix-email.test', 'MAIL FROM carries the bare address');
    assert.equal(msg.parsed.from?.value[0].name, 'Mendix App');
    assert.match(msg.parsed.subject ?? '', /service mëndix$/);
    assert.ok(msg.parsed.text?.includes('service mëndix'));
  });

  test('verify stops after AUTH and sends nothing', async () => {
    const before = server.received.length;
    const report = await verifyConnection(settingsFor(server.port), { password: PASSWORD, trustedCertificates: { '127.0.0.1': cert.certFile } });
    assert.equal(report.ok, true, formatReport(report));
    assert.equal(report.credentialsTested, true);
    assert.deepEqual(report.stages.map((s) => s.stage).slice(-1), ['AUTH']);
    assert.ok(!report.transcript.some((l) => /^MAIL FROM/.test(l.text)));
    assert.match(report.verdict, /^OK: connected .* logged in with PLAIN/);
    assert.equal(server.received.length, before);
  });
});

describe('implicit TLS (the port 465 style)', () => {
  let server: RunningServer;
  before(async () => {
    server = await startSmtpServer({ secure: true, key: cert.key, cert: cert.cert });
  });
  after(() => server.close());

  test('sends with TLS from the first byte and reports the TLS stage', async () => {
    const received = server.nextMessage();
    const report = await sendTestMail(settingsFor(server.port, { secure: true, requireStartTls: false }), {
      to: 'someone@mendix-email.test',
      password: PASSWORD,
      trustedCertificates: { '127.0.0.1': cert.certFile },
      timeoutSeconds: 5,
    });
    assert.equal(report.ok, true, formatReport(report));
    assert.deepEqual(
      report.stages.map((s) => `${s.stage}:${s.status}`),
      ['DNS:skipped', 'connect:ok', 'TLS:ok', 'greeting:ok', 'EHLO:ok', 'AUTH:ok', 'MAIL FROM:ok', 'RCPT TO:ok', 'DATA:ok'],
    );
    assert.equal(report.tls?.how, 'implicit');
    assert.ok(report.tls?.cipher);
    assert.equal(report.ehloAfterTls, undefined);
    const msg = await received;
    assert.equal(msg.parsed.messageId, report.messageId);
    assert.equal(msg.from, USER);
  });
});
