import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findProvider, IMPLICIT_TLS_PORTS, PROVIDERS, STARTTLS_PORTS } from '../../../server/src/settings/providers';

test('hosts find their provider (case, trailing dot, SES regions)', () => {
  assert.equal(findProvider('smtp.gmail.com')?.id, 'gmail');
  assert.equal(findProvider('SMTP.SendGrid.net.')?.id, 'sendgrid');
  assert.equal(findProvider('email-smtp.eu-west-1.amazonaws.com')?.id, 'amazon-ses');
  assert.equal(findProvider('email-smtp.amazonaws.com'), undefined);
  assert.equal(findProvider('smtp.eu.mailgun.org')?.id, 'mailgun');
  assert.equal(findProvider('smtp-relay.sendinblue.com')?.id, 'brevo');
  assert.equal(findProvider('smtp-mail.outlook.com')?.id, 'microsoft-365');
  assert.equal(findProvider('mail.mycompany.nl'), undefined);
});

test('the table follows providers.md', () => {
  const ports = (id: string) => PROVIDERS.find((p) => p.id === id)!;
  assert.deepEqual(ports('postmark').implicitTlsPorts, []);
  assert.deepEqual(ports('sparkpost').implicitTlsPorts, []);
  assert.deepEqual(ports('microsoft-365').implicitTlsPorts, []);
  assert.deepEqual(ports('amazon-ses').starttlsPorts, [25, 587, 2587]);
  assert.deepEqual(ports('resend').implicitTlsPorts, [465, 2465]);
  const sendgrid = ports('sendgrid');
  assert.deepEqual(sendgrid.username, { kind: 'fixed', value: 'apikey', description: 'literally `apikey`' });
  assert.equal(sendgrid.secret.prefix, 'SG.');
  const sparkpost = ports('sparkpost').username;
  assert.equal(sparkpost.kind === 'fixed' ? sparkpost.value : undefined, 'SMTP_Injection');
  assert.equal(ports('amazon-ses').secret.wrong?.[0].length, 40);
  assert.equal(ports('brevo').secret.wrong?.[0].prefix, 'xkeysib-');
  for (const p of PROVIDERS) {
    // every port is STARTTLS or implicit TLS by the global port rule, and the suggested port is offered
    for (const port of p.starttlsPorts) assert.ok(STARTTLS_PORTS.includes(port), `${p.id} ${port}`);
    for (const port of p.implicitTlsPorts) assert.ok(IMPLICIT_TLS_PORTS.includes(port), `${p.id} ${port}`);
    assert.ok(p.starttlsPorts.includes(p.submissionPort), p.id);
    assert.ok(p.credentials.length > 0);
  }
});
