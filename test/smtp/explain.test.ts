// Every known failure from the issue gets its own cause and fix (the ones a local server
// cannot produce are driven with the error nodemailer / Node would give).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explainFailure, type SmtpErrorLike, type StageName } from '../../server/src/smtp';

const cases: { name: string; stage: StageName; error: SmtpErrorLike; ctx?: object; cause: RegExp; fix: RegExp }[] = [
  { name: 'Gmail 534-5.7.9', stage: 'AUTH', error: { code: 'EAUTH', responseCode: 534, response: '534-5.7.9 Application-specific password required. Learn more at https://support.google.com/mail/?p=InvalidSecondFactor' }, cause: /app password/, fix: /2-Step Verification.*app password/ },
  { name: 'Microsoft 365 535 5.7.139', stage: 'AUTH', error: { code: 'EAUTH', responseCode: 535, response: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.' }, cause: /SMTP AUTH .* switched off/, fix: /Authenticated SMTP|OAuth/ },
  { name: 'Microsoft 365 550 5.7.30', stage: 'AUTH', error: { code: 'EAUTH', responseCode: 550, response: '550 5.7.30 Basic authentication is not supported for Client Submission.' }, cause: /no longer accepts basic authentication/, fix: /OAuth/ },
  { name: 'Microsoft 365 554 5.2.252', stage: 'DATA', error: { code: 'EMESSAGE', responseCode: 554, response: '554 5.2.252 SendAsDenied; app@contoso.com not allowed to send as other@contoso.com' }, cause: /send as the from address/, fix: /Send As/ },
  { name: 'SES 530 STARTTLS first', stage: 'MAIL FROM', error: { code: 'EENVELOPE', responseCode: 530, response: '530 Must issue a STARTTLS command first' }, cause: /requires STARTTLS/, fix: /Turn TLS \(STARTTLS\) on/ },
  { name: 'wrong version number', stage: 'TLS', error: { code: 'ESOCKET', originalCode: 'ERR_SSL_WRONG_VERSION_NUMBER', message: 'C0B7:error:0A00010B:SSL routines:ssl3_get_record:wrong version number' }, ctx: { host: 'smtp.example.org', port: 587, secure: true }, cause: /SSL is on/, fix: /Turn SSL off/ },
  { name: 'greeting timeout without SSL', stage: 'greeting', error: { code: 'ETIMEDOUT', timeoutType: 'GREETING_TIMEOUT', message: 'Greeting never received' }, ctx: { port: 465, secure: false }, cause: /never sent its greeting.*465/, fix: /Turn SSL on/ },
  { name: 'connection refused', stage: 'connect', error: { code: 'ESOCKET', originalCode: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:25' }, cause: /connection refused/, fix: /port/ },
  { name: 'host not found', stage: 'DNS', error: { code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND smtp.gmial.com' }, ctx: { host: 'smtp.gmial.com' }, cause: /does not exist in DNS/, fix: /spelling/ },
  { name: 'certificate not trusted', stage: 'STARTTLS', error: { code: 'ETLS', originalCode: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'self-signed certificate' }, cause: /not trusted/, fix: /trustedCertificates/ },
  { name: 'certificate expired', stage: 'TLS', error: { code: 'ESOCKET', originalCode: 'CERT_HAS_EXPIRED', message: 'certificate has expired' }, cause: /expired/, fix: /renew/ },
  { name: 'relay denied 550 5.7.1', stage: 'RCPT TO', error: { code: 'EENVELOPE', responseCode: 550, response: '550 5.7.1 Relaying denied' }, cause: /Relay denied/, fix: /username and password|IP address/ },
  { name: '552 too large', stage: 'DATA', error: { code: 'EMESSAGE', responseCode: 552, response: '552 5.3.4 Message size exceeds fixed maximum message size' }, cause: /too large/, fix: /size limit/ },
  { name: 'blackholed port', stage: 'connect', error: { code: 'ETIMEDOUT', timeoutType: 'CONNECT_TIMEOUT', message: 'Connection timeout' }, ctx: { host: 'smtp.example.org', port: 25 }, cause: /blocked or filtered/, fix: /587/ },
  { name: '535 bad credentials', stage: 'AUTH', error: { code: 'EAUTH', responseCode: 535, response: '535 5.7.8 Error: authentication failed' }, ctx: { host: 'smtp.sendgrid.net' }, cause: /rejected the username or password.*apikey/i, fix: /password/ },
  { name: 'cancelled', stage: 'DATA', error: { code: 'ABORT_ERR', message: 'cancelled' }, cause: /cancelled/, fix: /again/ },
];

for (const c of cases) {
  test(`explains ${c.name}`, () => {
    const e = explainFailure(c.stage, c.error, c.ctx);
    assert.match(e.cause, c.cause);
    assert.match(e.fix, c.fix);
  });
}

test('an unknown failure still says where it failed and where to look', () => {
  const e = explainFailure('EHLO', { message: 'something odd' });
  assert.match(e.cause, /during EHLO: something odd/);
  assert.match(e.fix, /transcript/);
});
