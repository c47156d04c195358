// Values are read in one place (server/src/settings/values.ts): address lists as nodemailer's
// addressparser reads them (which the test send uses for MAIL FROM), with the offsets the rules
// put their ranges on; Mendix's own list separator; flags and ports as the check and the test
// send both read them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import addressparser from 'nodemailer/lib/addressparser';
import { checkDocument } from '../../../server/src/engine/check';
import { bareAddress } from '../../../server/src/smtp/message';
import { smtpSettingsFrom } from '../../../server/src/smtp/settings';
import { parseAddressList, readFlag, readPort, separatorsOf } from '../../../server/src/settings/values';
import type { Assignment } from '../../../server/src/core/types';

const LISTS = [
  '"Support, ACME" <support@acme-corp.com>',
  'a@acme-corp.com; b@acme-corp.com',
  'a@acme-corp.com, "Doe; Jane" <jane@acme-corp.com>;c@acme-corp.com',
  '"Say \\"hi\\", ok" <hi@acme-corp.com>, x@acme-corp.com',
  'Ops (night, shift) <ops@acme-corp.com>',
  ' a@acme-corp.com ;; b@acme-corp.com ',
  '<only@acme-corp.com>',
];

test('address lists: the same addresses as addressparser, each offset pointing at its address', () => {
  for (const value of LISTS) {
    const items = parseAddressList(value);
    const expected = addressparser(value, { flatten: true }).map((a) => a.address);
    assert.deepEqual(items.map((i) => i.text), expected, value);
    for (const item of items) assert.equal(value.slice(item.start, item.end), item.text, `${value}: offsets of ${item.text}`);
  }
});

test('the test send takes the same first address for MAIL FROM', () => {
  for (const value of LISTS) assert.equal(bareAddress(value), parseAddressList(value)[0].text, value);
  assert.equal(bareAddress('noreply'), 'noreply', 'no address at all: as written (the check reports it)');
});

test('a display name with a comma: one address, no finding, and the range is the address', () => {
  const text = `MX_Mail_FromAddress='"Support, ACME" <support@acme-corp.com>'\nMX_Mail_SupportEmail=help@acme-corp.com\n`;
  const result = checkDocument({ path: '/work/app/.env', text })!;
  assert.deepEqual(result.findings.filter((f) => f.ruleId.includes('address') || f.ruleId.includes('domain')), []);
  const bad = `MX_Mail_FromAddress='"Support, ACME" <support>'\n`;
  const finding = checkDocument({ path: '/work/app/.env', text: bad })!.findings.find((f) => f.ruleId === 'address-without-domain')!;
  const start = bad.indexOf('<support>') + 1;
  assert.deepEqual(finding.range, { start: { line: 0, character: start }, end: { line: 0, character: start + 'support'.length } });
});

test("EmailTemplate.EmailAddressSeparator: the app's own separator splits the scope's lists, with ranges on each address", () => {
  assert.equal(separatorsOf(undefined), ',;');
  const text = ['MX_EmailTemplate_EmailAddressSeparator=|', 'MX_Mail_SupportEmail=help@acme-corp.com|sales', ''].join('\n');
  const findings = checkDocument({ path: '/work/app/.env', text })!.findings.filter((f) => f.ruleId === 'address-without-domain');
  assert.equal(findings.length, 1, JSON.stringify(findings));
  const at = text.split('\n')[1].indexOf('|sales') + 1;
  assert.deepEqual(findings[0].range, { start: { line: 1, character: at }, end: { line: 1, character: at + 'sales'.length } });
  // without the separator constant the same value is one (broken) address, not two
  const without = checkDocument({ path: '/work/app/.env', text: 'MX_Mail_SupportEmail=help@acme-corp.com|sales\n' })!.findings;
  assert.ok(!without.some((f) => f.ruleId === 'address-without-domain'));
});

test("EmailTemplate.EmailAddressSeparator where it applies: recipient lists written with it are address lists; the sender stays one mailbox, as the test send reads it", () => {
  const notify = 'ops@acme-corp.com|audit@example.com';
  const from = 'app@acme-corp.com|ops@acme-corp.com';
  const text = ['MX_EmailTemplate_EmailAddressSeparator=|', `MX_Alerts_Notify=${notify}`, `MX_Mail_FromAddress=${from}`, ''].join('\n');
  const result = checkDocument({ path: '/work/app/.env', text })!;
  // Alerts.Notify is not named like an address: its value, split on the app's separator, says it holds them
  assert.deepEqual(result.settings[0].addresses.map((a) => a.name), ['Alerts.Notify']);
  const reserved = result.findings.filter((f) => f.ruleId === 'reserved-domain');
  const at = 'MX_Alerts_Notify='.length + notify.indexOf('audit@');
  assert.deepEqual(reserved.map((f) => f.range), [{ start: { line: 1, character: at }, end: { line: 1, character: at + 'audit@example.com'.length } }]);
  // the from address is one mailbox: the test send's MAIL FROM would be the whole value, so the check judges it whole
  assert.equal(bareAddress(from), from);
  assert.deepEqual(result.findings.filter((f) => f.range.start.line === 2).map((f) => f.ruleId), ['invalid-address']);
});

const literal = (value: string, quoted = false): Assignment => {
  const r = { start: { line: 0, character: 0 }, end: { line: 0, character: value.length } };
  return { name: 'Mail.UseSSL', key: 'MX_Mail_UseSSL', value, valueKind: 'literal', quoted, channel: 'mx-env', keyRange: r, valueRange: r, entryRange: r };
};

test('flags and ports: one reading for the rules and the test send', () => {
  assert.deepEqual(readFlag(literal('TRUE'), 'dotenv'), { state: 'valid', value: true });
  assert.deepEqual(readFlag(literal('1'), 'dotenv'), { state: 'invalid', written: '1' });
  assert.deepEqual(readFlag(literal('yes'), 'm2ee'), { state: 'valid', value: true });
  assert.deepEqual(readFlag(literal('yes', true), 'm2ee'), { state: 'invalid', written: 'yes' });
  assert.deepEqual(readFlag(literal('yes'), 'dotenv'), { state: 'invalid', written: 'yes' });
  assert.deepEqual(readFlag(undefined, 'dotenv'), { state: 'unknown' });
  assert.deepEqual(readPort(literal('587')), { state: 'valid', value: 587 });
  assert.deepEqual(readPort(literal('0')), { state: 'invalid', written: '0' });
  assert.deepEqual(readPort(literal('smtp')), { state: 'invalid', written: 'smtp' });
});

test('a flag or port the check calls invalid is a problem for the test send, naming the constant', () => {
  const text = ['MX_Mail_SMTPHost=smtp.acme-corp.com', 'MX_Mail_SMTPPort=58 7', 'MX_Mail_UseSSL=1', 'MX_Mail_FromAddress=app@acme-corp.com', ''].join('\n');
  const result = checkDocument({ path: '/work/app/.env', text })!;
  assert.ok(result.findings.some((f) => f.ruleId === 'invalid-boolean') && result.findings.some((f) => f.ruleId === 'invalid-port'));
  const { problems } = smtpSettingsFrom(result.settings[0]);
  assert.equal(problems.length, 2, problems.join('\n'));
  assert.match(problems[0], /MX_Mail_UseSSL \(Mail\.UseSSL\) is "1".*invalid-boolean/);
  assert.match(problems[1], /MX_Mail_SMTPPort \(Mail\.SMTPPort\) is "58 7".*invalid-port/);
});
