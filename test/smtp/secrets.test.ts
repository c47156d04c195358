// The password, plain or in the base64 an AUTH PLAIN / LOGIN exchange puts on the wire,
// never appears in the report, the transcript, the errors or anything the logger saw.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { formatReport, makeRedactor, sendTestMail, verifyConnection, type SmtpReport } from '../../server/src/smtp';
import { makeCert, PASSWORD, settingsFor, startSmtpServer, USER, type TestCert } from './support/servers';

let cert: TestCert;
before(() => {
  cert = makeCert();
});
after(() => cert.cleanup());

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

function forbidden(password: string): string[] {
  return [
    password,
    b64(password),
    b64(password).replace(/=+$/, ''),
    b64(`\0${USER}\0${password}`),
    b64(`\0${USER}\0${password}`).replace(/=+$/, ''),
  ];
}

function assertClean(report: SmtpReport, password: string, seen: string): void {
  const everything = [formatReport(report), JSON.stringify(report), seen].join('\n');
  for (const f of forbidden(password)) assert.ok(!everything.includes(f), `found ${JSON.stringify(f)} in the output`);
}

for (const mechanism of ['PLAIN', 'LOGIN']) {
  test(`AUTH ${mechanism}: accepted and rejected logins leave no trace of the password`, async () => {
    const server = await startSmtpServer({ key: cert.key, cert: cert.cert, authMethods: [mechanism] });
    // also catch anything printed to the console while the session runs
    const printed: string[] = [];
    const original = { log: console.log, error: console.error, warn: console.warn, info: console.info, debug: console.debug };
    for (const k of Object.keys(original) as (keyof typeof original)[]) console[k] = (...a: unknown[]) => void printed.push(a.map(String).join(' '));
    try {
      const ok = await sendTestMail(settingsFor(server.port), { to: 'someone@mendix-email.test', password: PASSWORD, trustedCertificates: { '127.0.0.1': cert.certFile } });
      assert.equal(ok.ok, true, formatReport(ok));
      assert.equal(ok.authMechanism, mechanism);
      assert.ok(ok.transcript.some((l) => l.from === 'C' && l.text.startsWith(`AUTH ${mechanism}`)), 'the AUTH command itself is shown');
      assertClean(ok, PASSWORD, printed.join('\n'));

      const wrong = 'Wr0ng-But-Also-Secret!';
      const rejected = await verifyConnection(settingsFor(server.port), { password: wrong, trustedCertificates: { '127.0.0.1': cert.certFile } });
      assert.equal(rejected.failure?.stage, 'AUTH');
      assertClean(rejected, wrong, printed.join('\n'));
    } finally {
      Object.assign(console, original);
      await server.close();
    }
  });
}

test('a server that echoes the credentials back gets them hidden too', async () => {
  const server = await startSmtpServer({
    key: cert.key,
    cert: cert.cert,
    authMethods: ['PLAIN'],
    onAuth(auth, _s, cb) {
      cb(Object.assign(new Error(`5.7.8 bad credentials for ${auth.username} / ${auth.password}`), { responseCode: 535 }));
    },
  });
  try {
    const report = await verifyConnection(settingsFor(server.port), { password: PASSWORD, trustedCertificates: { '127.0.0.1': cert.certFile } });
    assert.equal(report.failure?.stage, 'AUTH');
    assert.match(formatReport(report), /bad credentials for .* \/ \*\*\*\*/);
    assertClean(report, PASSWORD, '');
  } finally {
    await server.close();
  }
});

test('the redactor hides the plain password and its base64 forms', () => {
  const r = makeRedactor('hunter22', 'me@x.test');
  assert.equal(r('pw hunter22 end'), 'pw **** end');
  assert.equal(r(`AUTH PLAIN ${b64('\0me@x.test\0hunter22')}`), 'AUTH PLAIN ****');
  assert.equal(r(b64('hunter22')), '****');
});
