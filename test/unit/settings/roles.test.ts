import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explicitRoleLookup, isAddressName, roleByEnvKey, roleByName } from '../../../server/src/settings/roles';
import { buildMailSettings } from '../../../server/src/settings/mailSettings';
import { scope } from '../rules/build';
import type { ResolvedTarget } from '../../../server/src/core/settings';

const target: ResolvedTarget = { target: 'mendix-cloud', source: 'default', detail: 'test' };

test('roles by name in any module (rules.md "Role names")', () => {
  const cases: [string, string][] = [
    ['MyModule.SMTPHost', 'host'], ['App.SMTP_Server', 'host'], ['App.mail-host', 'host'], ['App.MailServer', 'host'],
    ['App.EmailHost', 'host'], ['App.EmailServer', 'host'],
    ['App.SMTPPort', 'port'], ['App.MailPort', 'port'], ['App.EmailPort', 'port'],
    ['App.SMTPUser', 'username'], ['App.SMTPUsername', 'username'], ['App.MailUser', 'username'],
    ['App.MailUserName', 'username'], ['App.EmailUsername', 'username'],
    ['App.SMTPPassword', 'password'], ['App.SMTPPass', 'password'], ['App.MailPassword', 'password'], ['App.EmailPassword', 'password'],
    ['App.FromAddress', 'from'], ['App.FromEmail', 'from'], ['App.MailFrom', 'from'], ['App.SenderAddress', 'from'],
    ['App.SenderEmail', 'from'], ['App.Sender', 'from'],
    ['App.UseSSL', 'ssl'], ['App.SMTP_SSL', 'ssl'], ['App.SSL', 'ssl'], ['App.Secure', 'ssl'],
    ['App.UseTLS', 'tls'], ['App.SMTPTLS', 'tls'], ['App.TLS', 'tls'], ['App.StartTLS', 'tls'],
    ['EmailTemplate.SendingEnabled', 'sending-enabled'], ['emailtemplate.sending_enabled', 'sending-enabled'],
  ];
  for (const [name, role] of cases) assert.equal(roleByName(name), role, name);
});

test('short names only in a mail-ish module', () => {
  assert.equal(roleByName('Mail.Host'), 'host');
  assert.equal(roleByName('EmailSettings.Server'), 'host');
  assert.equal(roleByName('SMTPConfig.Port'), 'port');
  assert.equal(roleByName('MyEmail.User'), 'username');
  assert.equal(roleByName('Mailing.Password'), 'password');
  assert.equal(roleByName('Mail.APIKey'), 'password');
  assert.equal(roleByName('Mail.From'), 'from');
  // not mail-ish: a database host, an API key of something else
  assert.equal(roleByName('Database.Host'), undefined);
  assert.equal(roleByName('Payments.ApiKey'), undefined);
  assert.equal(roleByName('App.Port'), undefined);
  assert.equal(roleByName('Module.Constant'), undefined);
  // SendingEnabled of another module is not EmailTemplate's switch
  assert.equal(roleByName('Other.SendingEnabled'), undefined);
});

test('MX_ variables with a module containing _ are retried at each _', () => {
  assert.equal(roleByEnvKey('MX_Email_Connector_SMTPHost'), 'host');
  assert.equal(roleByEnvKey('MX_My_Mail_Port'), 'port');
  assert.equal(roleByEnvKey('MX_Database_Host'), undefined);
});

test('address names', () => {
  for (const n of ['App.AdminEmail', 'App.SupportEmailAddress', 'App.MailAddress', 'App.Recipient', 'App.Recipients', 'App.Reply_To'])
    assert.ok(isAddressName(n), n);
  for (const n of ['App.EmailLogRetention', 'App.Emails', 'App.Mail']) assert.ok(!isAddressName(n), n);
});

test('explicit mapping matches by MX_ form, case-insensitively', () => {
  const look = explicitRoleLookup({ 'Email_Connector.Host': 'host', 'App.Relay': 'host' });
  assert.equal(look('Email.Connector_Host'), 'host');
  assert.equal(look('app.relay'), 'host');
  assert.equal(look('App.Other'), undefined);
});

test('mail settings: explicit mapping wins over names; addresses by value and by name', () => {
  const s = scope([
    ['Mail.SMTPHost', 'smtp.by-name.example'],
    ['Custom.Relay', 'smtp.mapped.example'],
    ['App.Notify', 'ops@company.nl; dev@company.nl'],
    ['App.AdminEmail', 'admin'],
    ['App.SendEmail', 'true'],
    ['App.DbUrl', 'postgres://u:p@db/x'],
  ]);
  const ms = buildMailSettings(s, target, { 'Custom.Relay': 'host' });
  assert.equal(ms.roles.host?.name, 'Custom.Relay');
  assert.deepEqual(ms.addresses.map((a) => a.name), ['App.Notify', 'App.AdminEmail']);
  const byName = buildMailSettings(s, target);
  assert.equal(byName.roles.host?.name, 'Mail.SMTPHost');
});
