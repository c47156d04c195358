// Each rule on hand-built scopes: a triggering case and a near miss, positions and fixes.
// (The fixture files in test/fixtures/rules/ check the same rules through the real readers.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRead } from '../../../server/src/engine/check';
import type { CheckOptions } from '../../../server/src/core/settings';
import type { Finding, Target } from '../../../server/src/core/types';
import { read, scope, type Entry } from './build';
import { port25OnMendixCloud } from '../../../server/src/rules/port-25-on-mendix-cloud';
import { mendixMailServerUnavailable } from '../../../server/src/rules/mendix-mail-server-unavailable';
import { missingCredentials } from '../../../server/src/rules/missing-credentials';
import { senderNoreply } from '../../../server/src/rules/sender-noreply';
import { addressWithoutDomain } from '../../../server/src/rules/address-without-domain';
import { invalidAddress } from '../../../server/src/rules/invalid-address';
import { reservedDomain } from '../../../server/src/rules/reserved-domain';
import { placeholderDomain } from '../../../server/src/rules/placeholder-domain';
import { invalidPort } from '../../../server/src/rules/invalid-port';

// only the rules this file is about, so rules added later do not change these expectations
const RULES = [port25OnMendixCloud, mendixMailServerUnavailable, missingCredentials, senderNoreply, addressWithoutDomain,
  invalidAddress, reservedDomain, placeholderDomain, invalidPort];

function check(entries: Entry[], target: Target = 'mendix-cloud', options: CheckOptions = {}, extra = {}): Finding[] {
  const r = read([scope(entries, 'config-json', extra)]);
  return checkRead(r, '/p/model/config.json', { defaultTarget: target, ...options }, RULES).findings;
}
const ids = (f: Finding[]) => f.map((x) => x.ruleId);
const creds: Entry[] = [['Mail.SMTPUsername', 'me@mycompany.nl'], ['Mail.SMTPPassword', '${SMTP_PASSWORD}']];

test('port-25-on-mendix-cloud: port 25 on mendix-cloud / free-app, with the 587 fix', () => {
  const f = check([['Mail.SMTPHost', 'smtp.mycompany.nl'], ['Mail.SMTPPort', '25'], ['Mail.UseTLS', 'false'], ['Mail.UseSSL', 'true'], ...creds]);
  assert.deepEqual(ids(f), ['port-25-on-mendix-cloud']);
  assert.equal(f[0].severity, 'error');
  assert.deepEqual(f[0].range, { start: { line: 2, character: 17 }, end: { line: 2, character: 19 } });
  assert.match(f[0].message, /Port 25 .* Mendix Cloud.*587/);
  assert.deepEqual(f[0].fixes?.[0].edits.map((e) => [e.range.start.line, e.newText]), [[2, '587'], [3, 'true'], [4, 'false']]);
  assert.equal(ids(check([['Mail.SMTPHost', 'smtp.mycompany.nl'], ['Mail.SMTPPort', '25'], ...creds], 'free-app')).length, 1);
  // near misses: another target, another port, a reference
  assert.deepEqual(ids(check([['Mail.SMTPHost', 'smtp.mycompany.nl'], ['Mail.SMTPPort', '25'], ...creds], 'self-hosted')), []);
  assert.deepEqual(ids(check([['Mail.SMTPHost', 'smtp.mycompany.nl'], ['Mail.SMTPPort', '587'], ...creds])), []);
  assert.deepEqual(ids(check([['Mail.SMTPHost', 'smtp.mycompany.nl'], ['Mail.SMTPPort', '${PORT}'], ...creds])), []);
  // only the fix for the port when the scope sets no flags
  const plain = check([['Mail.SMTPHost', 'smtp.mycompany.nl'], ['Mail.SMTPPort', '25'], ...creds]);
  assert.equal(plain[0].fixes?.[0].edits.length, 1);
});

test('mendix-mail-server-unavailable: localhost on platforms without a local mail server', () => {
  for (const t of ['mendix-cloud', 'free-app', 'cloud-foundry', 'private-cloud', 'docker'] as Target[]) {
    for (const host of ['localhost', '127.0.0.1', '::1']) {
      const f = check([['Mail.SMTPHost', host], ['Mail.SMTPPort', '25']], t);
      assert.deepEqual(ids(f), ['mendix-mail-server-unavailable'], `${t} ${host}`);
      assert.equal(f[0].range.start.line, 1);
    }
  }
  assert.deepEqual(ids(check([['Mail.SMTPHost', 'localhost'], ['Mail.SMTPPort', '25']], 'self-hosted')), []);
  assert.deepEqual(ids(check([['Mail.SMTPHost', 'localhost'], ['Mail.SMTPPort', '25']], 'mendix-cloud-v3')), []);
});

test('missing-credentials: external host without username or password; names what a provider wants', () => {
  const none = check([['Mail.SMTPHost', 'smtp.sendgrid.net'], ['Mail.SMTPPort', '587']]);
  assert.deepEqual(ids(none), ['missing-credentials']);
  assert.deepEqual(none[0].range.start, { line: 0, character: 0 }); // the scope's anchor
  assert.match(none[0].message, /username and password are not set; SendGrid wants the username `apikey`/);
  const empty = check([['Mail.SMTPHost', 'smtp.gmail.com'], ['Mail.SMTPUsername', 'me@gmail.com'], ['Mail.SMTPPassword', '']]);
  assert.deepEqual(ids(empty), ['missing-credentials']);
  assert.equal(empty[0].range.start.line, 3); // on the empty password
  assert.match(empty[0].message, /password is empty; Gmail wants .* app password/);
  // near misses: a referenced password counts; internal relays; loopback; env_file may hold them
  assert.deepEqual(ids(check([['Mail.SMTPHost', 'smtp.gmail.com'], ...creds])), []);
  assert.deepEqual(ids(check([['Mail.SMTPHost', 'mailhog']], 'docker')), []);
  assert.deepEqual(ids(check([['Mail.SMTPHost', '10.0.0.5']], 'docker')), []);
  assert.deepEqual(ids(check([['Mail.SMTPHost', 'relay.corp.internal']])), []);
  assert.deepEqual(ids(check([['Mail.SMTPHost', 'smtp-relay.gmail.com']])), []);
  assert.deepEqual(ids(check([['Mail.SMTPHost', 'smtp.mycompany.nl']], 'docker', {}, { envFiles: [{ path: '.env', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } } }] })), []);
  assert.deepEqual(ids(check([['Mail.SMTPHost', '${SMTP_HOST}']])), []);
  // where secrets come from outside the file, only an empty one is judged; model defaults never
  const at = (kind: 'cf-manifest' | 'mendix-app' | 'kubernetes' | 'metadata-json', entries: Entry[]) =>
    ids(checkRead(read([scope(entries, kind)]), '/p/f', { defaultTarget: 'mendix-cloud' }, RULES).findings);
  for (const kind of ['cf-manifest', 'mendix-app', 'kubernetes'] as const) {
    assert.deepEqual(at(kind, [['Mail.SMTPHost', 'smtp.mailgun.org']]), [], kind);
    assert.deepEqual(at(kind, [['Mail.SMTPHost', 'smtp.mailgun.org'], ['Mail.SMTPPassword', '']]), ['missing-credentials'], kind);
  }
  assert.deepEqual(at('metadata-json', [['Mail.SMTPHost', 'smtp.mailgun.org'], ['Mail.SMTPPassword', '']]), []);
});

test('sender-noreply: the from address only', () => {
  const f = check([['Mail.FromAddress', 'No-Reply@mycompany.nl']]);
  assert.deepEqual(ids(f), ['sender-noreply']);
  assert.equal(f[0].severity, 'warning');
  assert.deepEqual(ids(check([['Mail.FromAddress', 'support@mycompany.nl']])), []);
  assert.deepEqual(ids(check([['App.AlertRecipients', 'noreply@mycompany.nl']])), []);
});

test('address-without-domain: a role or address-named constant without @domain', () => {
  const f = check([['Mail.FromAddress', 'admin'], ['App.AdminEmail', 'ops'], ['App.Recipients', 'a@mycompany.nl; bob']]);
  assert.deepEqual(ids(f), ['address-without-domain', 'address-without-domain', 'address-without-domain']);
  // the finding sits on the item inside the list
  assert.deepEqual(f[2].range, { start: { line: 3, character: 34 }, end: { line: 3, character: 37 } });
  assert.deepEqual(ids(check([['App.SendEmail', 'true'], ['App.AdminEmail', '${ADMIN}'], ['App.AdminEmail2', '']])), []);
});

test('invalid-address: has a domain but is not a mailbox address', () => {
  const f = check([['Mail.FromAddress', 'john doe@mycompany.nl'], ['App.Notify', 'a@b@mycompany.nl']]);
  assert.deepEqual(ids(f), ['invalid-address']); // App.Notify's value does not look like an address, and its name is not one
  assert.deepEqual(ids(check([['App.SupportEmail', 'a..b@mycompany.nl']])), ['invalid-address']);
  assert.deepEqual(ids(check([['Mail.FromAddress', 'first.last+tag@mycompany.nl']])), []);
});

test('reserved-domain: error for the sender, warning for other addresses', () => {
  const f = check([['Mail.FromAddress', 'app@example.com'], ['App.Recipient', 'ops@mailserver']]);
  assert.deepEqual(f.map((x) => [x.ruleId, x.severity]), [['reserved-domain', 'error'], ['reserved-domain', 'warning']]);
  assert.deepEqual(ids(check([['Mail.FromAddress', 'app@mycompany.nl']])), []);
});

test('placeholder-domain: with the example.com fix on the domain only', () => {
  const f = check([['App.TestRecipient', 'me@test.com']]);
  assert.deepEqual(ids(f), ['placeholder-domain']);
  const edit = f[0].fixes?.[0].edits[0];
  assert.equal(edit?.newText, 'example.com');
  assert.deepEqual(edit?.range, { start: { line: 1, character: 24 }, end: { line: 1, character: 32 } });
  assert.deepEqual(ids(check([['App.TestRecipient', 'me@test.company.nl']])), []);
});

test('invalid-port: not a whole number from 1 to 65535', () => {
  for (const v of ['0', '65536', 'abc', '58 7', '587.0', '-1']) assert.deepEqual(ids(check([['Mail.SMTPPort', v]])), ['invalid-port'], v);
  for (const v of ['1', '587', '65535', '${PORT}', '']) assert.deepEqual(ids(check([['Mail.SMTPPort', v]])), [], v);
});
