import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isNoReplyLocalPart, isPlaceholderDomain, looksLikeAddressList, mailboxProblem, parseAddressList, reservedDomainReason, splitAddress,
} from '../../../server/src/settings/addresses';

test('address lists split on ; and , with offsets', () => {
  const v = 'a@x.nl; b@y.nl ,c@z.nl';
  const items = parseAddressList(v);
  assert.deepEqual(items.map((i) => i.text), ['a@x.nl', 'b@y.nl', 'c@z.nl']);
  for (const i of items) assert.equal(v.slice(i.start, i.end), i.text);
  assert.deepEqual(parseAddressList('Support <help@x.nl>').map((i) => i.text), ['help@x.nl']);
  assert.deepEqual(parseAddressList(' ; ,'), []);
});

test('local part and domain at the last @', () => {
  assert.deepEqual(splitAddress('a@b@c.nl'), { local: 'a@b', domain: 'c.nl' });
  assert.deepEqual(splitAddress('admin'), { local: 'admin', domain: undefined });
});

test('value looks like an address list', () => {
  assert.ok(looksLikeAddressList('a@x.nl'));
  assert.ok(looksLikeAddressList('a@x.nl;b@y.nl'));
  assert.ok(!looksLikeAddressList('postgres://mendix:mendix@db:5432/mendix'));
  assert.ok(!looksLikeAddressList('hello world'));
  assert.ok(!looksLikeAddressList('a@x.nl; not one'));
});

test('no-reply local parts (providers.md), case-insensitive, +tag ignored', () => {
  for (const l of ['noreply', 'No-Reply', 'no_reply', 'no.reply', 'DoNotReply', 'do-not-reply', 'do.not.reply', 'dont-reply',
    'noreplies', 'no-replies', 'nobody', 'donotrespond', 'do-not-respond', 'noreply+alerts'])
    assert.ok(isNoReplyLocalPart(l), l);
  for (const l of ['reply', 'norep', 'info', 'noreplyteam']) assert.ok(!isNoReplyLocalPart(l), l);
});

test('reserved and single-label domains', () => {
  for (const d of ['example.com', 'mail.example.org', 'example.net', 'shop.test', 'x.example', 'a.invalid', 'box.localhost',
    'printer.local', 'router.home.arpa', 'x.onion', 'x.alt', 'corp.internal', 'mailserver', 'EXAMPLE.COM.'])
    assert.ok(reservedDomainReason(d), d);
  for (const d of ['mendix.com', 'example.co.uk', 'myexample.com', 'gmail.com', '[192.0.2.1]']) assert.equal(reservedDomainReason(d), undefined, d);
});

test('placeholder domains', () => {
  for (const d of ['test.com', 'domain.com', 'email.com', 'mail.com', 'company.com', 'yourdomain.com', 'mydomain.com',
    'yourcompany.com', 'sample.com', 'fake.com', 'dummy.com', 'foo.com', 'acme.com', 'Test.COM'])
    assert.ok(isPlaceholderDomain(d), d);
  assert.ok(!isPlaceholderDomain('example.com'));
  assert.ok(!isPlaceholderDomain('mail.test.com'));
});

test('mailbox syntax', () => {
  for (const a of ['a@x.nl', 'first.last+tag@sub.x.co.uk', "o'brien@x.ie", '"john doe"@x.nl', 'a@[192.0.2.1]', 'a@mailserver', 'jörg@bücher.de'])
    assert.equal(mailboxProblem(a), undefined, a);
  for (const a of ['john doe@x.nl', '@x.nl', 'a@@x.nl', 'a@b@x.nl', '.a@x.nl', 'a..b@x.nl', 'a@x..nl', 'a@-x.nl', 'a@x_y.nl', 'a@x.123', 'a(b)@x.nl', 'a@[1.2.3]'])
    assert.ok(mailboxProblem(a), a);
  // no domain at all is address-without-domain's job
  assert.equal(mailboxProblem('admin'), undefined);
  assert.equal(mailboxProblem('admin@'), undefined);
});
