// The test message: from the configured from address, saying which file, scope, target
// and server sent it, so whoever finds it in a mailbox knows where it came from. No secrets.
// Written as MIME directly (multipart/alternative, base64 bodies): a fixed message needs no
// mail composer, and not loading one keeps a whole-process send-test fast.
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import addressparser from 'nodemailer/lib/addressparser';
import type { SmtpSettings } from './settings';

export interface TestMessageOrigin {
  /** the settings file, as a path or URI */
  file?: string;
  /** 'VS Code' or 'mendix-email CLI' */
  sentBy?: string;
}

export interface TestMessage {
  messageId: string;
  subject: string;
  /** the bare address for MAIL FROM (the from setting may be `Name <address>`) */
  envelopeFrom: string;
  raw: Buffer;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A header value on one line; RFC 2047 encoded when it is not plain ASCII. */
function headerValue(text: string): string {
  const oneLine = text.replace(/[\r\n]+/g, ' ');
  // eslint-disable-next-line no-control-regex
  return /^[\x20-\x7e]*$/.test(oneLine) ? oneLine : `=?UTF-8?B?${Buffer.from(oneLine, 'utf8').toString('base64')}?=`;
}

function base64Body(text: string): string {
  return (Buffer.from(text, 'utf8').toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

/** RFC 5322 date: `Wed, 25 Nov 2026 22:44:00 +0000`. */
export function rfc5322Date(d: Date): string {
  return d.toUTCString().replace(/GMT$/, '+0000');
}

/**
 * The bare address for MAIL FROM (`"Support, ACME" <support@acme-corp.com>` → the address),
 * read by nodemailer's addressparser; settings/values.ts reads lists the same way for the rules.
 */
export function bareAddress(value: string): string {
  const first = addressparser(value, { flatten: true })[0];
  return (first?.address || value).trim();
}

export async function buildTestMessage(settings: SmtpSettings, to: string, origin: TestMessageOrigin = {}): Promise<TestMessage> {
  const from = settings.from!.replace(/[\r\n]+/g, ' ');
  const envelopeFrom = bareAddress(from);
  const domain = envelopeFrom.includes('@') ? envelopeFrom.slice(envelopeFrom.lastIndexOf('@') + 1) : 'mendix-email.invalid';
  const messageId = `<mendix-email-test.${randomUUID()}@${domain}>`;
  const file = origin.file ? basename(origin.file.replace(/^file:\/\//, '')) : 'a settings file';
  const facts: [string, string][] = [
    ['File', origin.file ?? '(unknown)'],
    ['Scope', settings.scope ?? '(unknown)'],
    ['Target', settings.target ?? '(unknown)'],
    ['Server', `${settings.host}:${settings.port} (${settings.secure ? 'TLS from the first byte' : 'STARTTLS'})`],
    ['Username', settings.username ?? '(none)'],
    ['From', from],
    ['Sent by', origin.sentBy ?? 'Mendix Email'],
  ];
  const subject = `Mendix Email test: ${file}${settings.scope ? `, ${settings.scope}` : ''}`;
  const text = [
    'This is a test message sent by Mendix Email to check the SMTP settings of a Mendix app.',
    '',
    ...facts.map(([k, v]) => `${k}: ${v}`),
    '',
    'If it reached you, these settings can send mail. Nothing else needs to be done.',
  ].join('\r\n');
  const html = [
    '<!doctype html><html><body>',
    '<p>This is a test message sent by <b>Mendix Email</b> to check the SMTP settings of a Mendix app.</p>',
    '<table>',
    ...facts.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`),
    '</table>',
    '<p>If it reached you, these settings can send mail. Nothing else needs to be done.</p>',
    '</body></html>',
  ].join('\r\n');
  const boundary = `mendix-email-${randomUUID()}`;
  const raw = [
    `From: ${headerValue(from)}`,
    `To: ${headerValue(to)}`,
    `Subject: ${headerValue(subject)}`,
    `Date: ${rfc5322Date(new Date())}`,
    `Message-ID: ${messageId}`,
    'MIME-Version: 1.0',
    'X-Mailer: Mendix Email test send',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Body(text),
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Body(html),
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return { messageId, subject, envelopeFrom, raw: Buffer.from(raw, 'utf8') };
}
