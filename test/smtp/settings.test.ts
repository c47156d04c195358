// From a real settings file through the shared engine to what a test send uses, and the
// `mendixEmail/mailSettings` answer built from it (no literal password on the wire).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkDocument } from '../../server/src/engine/check';
import { checkRecipient, smtpSettingsFrom } from '../../server/src/smtp';
import { mailSettingsResponse, registerMailSettingsRequest } from '../../server/src/lsp/mailSettingsRequest';
import { MailSettingsRequest, type MailSettingsParams, type MailSettingsResult } from '../../protocol/mailSettings';
import { mailScopes } from '../../server/src/smtp/scopes';
import { mailSettingsOf } from '../../server/src/engine/prepare';

const M2EE = [
  'mxruntime:',
  '  MicroflowConstants:',
  '    MyFirstModule.SMTPHost: smtp.sendgrid.net',
  '    MyFirstModule.SMTPPort: 465',
  '    MyFirstModule.SMTPUsername: apikey',
  '    MyFirstModule.SMTPPassword: "SG.not-a-real-key"',
  '    MyFirstModule.FromAddress: app@mendix-email.test',
  '',
].join('\n');

const COMPOSE = [
  'services:',
  '  mendix:',
  '    environment:',
  '      MX_MyFirstModule_SMTPHost: smtp.office365.com',
  '      MX_MyFirstModule_SMTPPort: "587"',
  '      MX_MyFirstModule_UseTLS: "true"',
  '      MX_MyFirstModule_SMTPUsername: app@contoso.test',
  '      MX_MyFirstModule_SMTPPassword: ${SMTP_PASSWORD}',
  '  worker:',
  '    environment:',
  '      MX_MyFirstModule_SMTPHost: ${SMTP_HOST}',
  '      MX_MyFirstModule_FromAddress: worker@contoso.test',
  '',
].join('\n');

test('m2ee.yaml: port 465 means TLS from the first byte; the literal password is carried', () => {
  const result = checkDocument({ path: '/work/app/m2ee.yaml', text: M2EE });
  const [mail] = mailScopes(result);
  assert.ok(mail, 'a scope with mail settings');
  const s = smtpSettingsFrom(mail);
  assert.equal(s.host, 'smtp.sendgrid.net');
  assert.equal(s.port, 465);
  assert.equal(s.secure, true);
  assert.deepEqual(s.password, { kind: 'literal', value: 'SG.not-a-real-key' });
  assert.equal(s.from, 'app@mendix-email.test');
  assert.ok(s.notes.some((n) => /port 465 expects TLS from the first byte/.test(n)));
  assert.deepEqual(s.problems, []);
});

test('compose: STARTTLS required by the TLS flag; a referenced password and host are reported', () => {
  const result = checkDocument({ path: '/work/app/docker-compose.yml', text: COMPOSE });
  const scopes = mailScopes(result);
  assert.equal(scopes.length, 2);
  const mendix = smtpSettingsFrom(scopes.find((m) => m.scope.name.includes('mendix'))!);
  assert.equal(mendix.secure, false);
  assert.equal(mendix.requireStartTls, true);
  assert.equal(mendix.password.kind, 'reference');
  assert.equal(mendix.from, 'app@contoso.test', 'the username is the from address when none is set');
  const worker = smtpSettingsFrom(scopes.find((m) => m.scope.name.includes('worker'))!);
  assert.match(worker.problems.join(), /host is a reference/);
});

test('mailSettings answer: scopes, the one at the cursor, and a password location instead of its value', async () => {
  const uri = 'file:///work/app/m2ee.yaml';
  const result = checkDocument({ path: '/work/app/m2ee.yaml', text: M2EE });
  const answer = mailSettingsResponse(uri, result, { uri, position: { line: 3, character: 5 } }, M2EE);
  assert.equal(answer.supported, true);
  assert.equal(answer.scopes.length, 1);
  assert.equal(answer.scopes[0].atCursor, true);
  const pw = answer.scopes[0].settings.password;
  assert.equal(pw.kind, 'literal');
  assert.ok(pw.kind === 'literal' && pw.quote === '"' && pw.uri === uri);
  if (pw.kind === 'literal') {
    const line = M2EE.split('\n')[pw.range.start.line];
    assert.equal(line.slice(pw.range.start.character, pw.range.end.character), 'SG.not-a-real-key');
  }
  assert.ok(!JSON.stringify(answer).includes('SG.not-a-real-key'), 'the value never goes over the wire');

  // registered on a connection stand-in, the handler answers the same and survives bad params
  let handler: ((p: MailSettingsParams) => Promise<MailSettingsResult>) | undefined;
  registerMailSettingsRequest({ onRequest: (method, h) => method === MailSettingsRequest && (handler = h) }, () => result, () => M2EE);
  assert.deepEqual(await handler!({ uri }), { ...answer, scopes: answer.scopes.map((s) => ({ ...s, atCursor: false })) });
  assert.equal((await handler!(undefined as unknown as MailSettingsParams)).scopes.length, 1, 'bad params do not throw');
  registerMailSettingsRequest({ onRequest: (_m, h) => (handler = h) }, () => undefined);
  assert.deepEqual(await handler!({ uri: 'file:///x.txt' }), { supported: false, scopes: [] });
});

test('recipient: no domain refused; reserved and placeholder domains ask first', () => {
  assert.equal(checkRecipient('someone').kind, 'refuse');
  assert.equal(checkRecipient('a@b@c.org').kind, 'refuse');
  assert.equal(checkRecipient('me@example.com').kind, 'confirm');
  assert.equal(checkRecipient('me@test.com').kind, 'confirm');
  assert.equal(checkRecipient('me@mendix.com').kind, 'ok');
});

test('send-test reads the same mail settings as the engine (without running the rules), env_files included', () => {
  // the compose file's SMTP settings sit in mail.env: a reading without the env_file finds no host
  const composeWithEnvFile = ['services:', '  mendix:', '    env_file: mail.env', '    environment:', '      MX_MyFirstModule_FromAddress: app@contoso.test', ''].join('\n');
  const files: Record<string, string> = { '/work/app/mail.env': 'MX_MyFirstModule_SMTPHost=smtp.office365.com\nMX_MyFirstModule_SMTPPort=587\n' };
  const options = { readReferencedFile: (p: string) => files[p] };
  for (const [path, text] of [['/work/app/m2ee.yaml', M2EE], ['/work/app/docker-compose.yml', COMPOSE], ['/work/app/docker-compose.yml', composeWithEnvFile]]) {
    assert.deepEqual(mailSettingsOf({ path, text }, options), checkDocument({ path, text }, options)?.settings);
  }
  const fromEnvFile = mailSettingsOf({ path: '/work/app/docker-compose.yml', text: composeWithEnvFile }, options)!;
  assert.equal(smtpSettingsFrom(mailScopes(fromEnvFile)[0]).host, 'smtp.office365.com', 'the host comes from mail.env');
  assert.equal(mailSettingsOf({ path: '/work/app/readme.txt', text: 'hello' }), undefined);
});
