// A code lens above each scope with mail settings: one line that says what the scope does
// (provider, port, security, target), then the test-send commands with the scope as argument.
import type { Range } from '../core/types';
import type { CheckResult, MailSettings } from '../core/settings';
import { targetInWords } from '../settings/target';
import { IMPLICIT_TLS_PORTS } from '../settings/providers';
import { flagValue, literalValue, readFlag, readPort } from '../settings/values';
import { serverWords } from './describe';

export const SEND_TEST_MAIL_COMMAND = 'mendixEmail.sendTestMail';
export const VERIFY_CONNECTION_COMMAND = 'mendixEmail.verifyConnection';

export interface Lens {
  range: Range;
  title: string;
  /** '' = a label only (nothing to run) */
  command: string;
  arguments?: unknown[];
}

/** How the test send would connect, from the flags and the port as values.ts reads them (the same reading as the rules and the send). */
function security(settings: MailSettings): string {
  const kind = settings.scope.kind;
  const ssl = readFlag(settings.roles.ssl, kind);
  const tls = readFlag(settings.roles.tls, kind);
  // a flag the check calls invalid stops the test send (smtp/settings.ts): the lens does not guess either
  const invalid = [ssl.state === 'invalid' ? 'SSL' : undefined, tls.state === 'invalid' ? 'TLS' : undefined].filter(Boolean);
  if (invalid.length) return `${invalid.join(' and ')} not true or false`;
  const sslOn = ssl.state === 'valid' ? ssl.value : undefined;
  const tlsOn = tls.state === 'valid' ? tls.value : undefined;
  if (sslOn === true && tlsOn === true) return 'SSL and TLS both on';
  if (sslOn === true) return 'implicit TLS';
  if (tlsOn === true) return 'STARTTLS';
  if (sslOn === false && tlsOn === false) return 'no TLS';
  const port = readPort(settings.roles.port);
  if (port.state === 'valid') return IMPLICIT_TLS_PORTS.includes(port.value) ? 'implicit TLS (by port)' : 'STARTTLS (by port)';
  return 'TLS not set';
}

/** `port 587`, `port ${SMTP_PORT}`, or what is wrong with it. */
function portWords(settings: MailSettings): string {
  const written = settings.roles.port;
  if (!written) return 'port not set';
  const port = readPort(written);
  if (port.state === 'valid') return `port ${port.value}`;
  if (port.state === 'invalid') return `port "${port.written}" is not a port`;
  return `port ${written.value || '?'}`;
}

/** The one-line summary, e.g. "Mail: SendGrid (smtp.sendgrid.net) · port 587 · STARTTLS · Docker". */
export function scopeSummary(settings: MailSettings): string {
  const { roles } = settings;
  const hostText = roles.host ? literalValue(roles.host) ?? (roles.host.valueKind === 'reference' ? roles.host.value : undefined) : undefined;
  const server = serverWords(hostText).words;
  const sending = flagValue(roles['sending-enabled'], settings.scope.kind) === false ? ' · sending disabled' : '';
  return `Mail: ${server} · ${portWords(settings)} · ${security(settings)} · ${targetInWords(settings.target.target)}${sending}`;
}

function hasMailSettings(settings: MailSettings): boolean {
  const r = settings.roles;
  return Boolean(r.host || r.port || r.username || r.password || r.from || r.ssl || r.tls);
}

export function codeLensesFor(uri: string, result: CheckResult, { testCommands = true } = {}): Lens[] {
  const lenses: Lens[] = [];
  for (const settings of result.settings) {
    if (!hasMailSettings(settings)) continue;
    const line = settings.scope.range.start.line;
    const range: Range = { start: { line, character: 0 }, end: { line, character: 0 } };
    lenses.push({ range, title: scopeSummary(settings), command: '' });
    if (!testCommands || !settings.roles.host) continue;
    // `scope` is what the test-mail commands read; `scopeName` says the same for other clients
    const args = [{ uri, scope: settings.scope.name, scopeName: settings.scope.name }];
    lenses.push({ range, title: 'Send test mail', command: SEND_TEST_MAIL_COMMAND, arguments: args });
    lenses.push({ range, title: 'Verify connection', command: VERIFY_CONNECTION_COMMAND, arguments: args });
  }
  return lenses;
}
