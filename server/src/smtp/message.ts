// The test message: from the configured from address, saying which file, scope, target
// and server sent it, so whoever finds it in a mailbox knows where it came from. No secrets.
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
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
  raw: Buffer;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  const domain = at >= 0 ? address.slice(at + 1).replace(/[>\s].*$/, '') : '';
  return domain || 'mendix-email.invalid';
}

export async function buildTestMessage(settings: SmtpSettings, to: string, origin: TestMessageOrigin = {}): Promise<TestMessage> {
  // lazy: the CLI's lint commands and the editor never pay for loading nodemailer
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const MailComposer = require('nodemailer/lib/mail-composer') as typeof import('nodemailer/lib/mail-composer').default;
  const from = settings.from!;
  const messageId = `<mendix-email-test.${randomUUID()}@${domainOf(from)}>`;
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
  ].join('\n');
  const html = [
    '<p>This is a test message sent by <b>Mendix Email</b> to check the SMTP settings of a Mendix app.</p>',
    '<table>',
    ...facts.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`),
    '</table>',
    '<p>If it reached you, these settings can send mail. Nothing else needs to be done.</p>',
  ].join('\n');
  const composer = new MailComposer({ from, to, subject, text, html, messageId, date: new Date() });
  const raw = await new Promise<Buffer>((resolve, reject) =>
    composer.compile().build((err, message) => (err ? reject(err) : resolve(message))),
  );
  return { messageId, subject, raw };
}
