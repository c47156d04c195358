// The SMTP settings of one scope, as a test send needs them: plain values, no ranges.
// Derived from the MailSettings the engine resolves, so the editor and the CLI test the
// same thing the rules check.
import type { MailSettings, Role } from '../core/settings';
import type { Assignment, FileKind, ValueKind } from '../core/types';
import { IMPLICIT_TLS_PORTS } from '../settings/providers';
import { readFlag, readPort } from '../settings/values';

/** Where the password comes from; a literal is only ever carried in memory, never printed. */
export type PasswordSource =
  | { kind: 'literal'; value: string }
  /** `${VAR}`, `((var))`, secretKeyRef, a secret-store key, an empty value, or not set at all */
  | { kind: 'reference' | 'secret-ref' | 'empty' | 'missing'; written: string };

export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (SSL flag, or port 465 / 2465) */
  secure: boolean;
  /** STARTTLS is required (TLS flag on); without it STARTTLS is still used when offered */
  requireStartTls: boolean;
  username?: string;
  password: PasswordSource;
  from?: string;
  /** what the file says, for the report: `port 587, SSL false, TLS true` */
  written: Partial<Record<Role, string>>;
  /** things the test send had to assume or cannot test, in the user's words */
  notes: string[];
  /** why a test send is impossible with these settings (a reference host, no from address) */
  problems: string[];
  /** scope name, file kind and target for the test message and the report */
  scope?: string;
  fileKind?: string;
  target?: string;
}

/** The constant as the user wrote it: `MX_Mail_UseSSL (Mail.UseSSL)`, or just `Mail.UseSSL`. */
function constantWords(a: Assignment): string {
  return a.key && a.key !== a.name ? `${a.key} (${a.name})` : a.name;
}

/** A flag for the send: its value, or undefined with a problem when the check calls it invalid (invalid-boolean). */
function flagFor(a: Assignment | undefined, kind: FileKind, problems: string[]): boolean | undefined {
  const reading = readFlag(a, kind);
  if (reading.state === 'valid') return reading.value;
  if (reading.state === 'invalid') problems.push(`${constantWords(a!)} is "${reading.written}", which the Mendix runtime does not read as true or false (invalid-boolean): set true or false`);
  return undefined;
}

function literal(a: Assignment | undefined): string | undefined {
  return a && a.valueKind === 'literal' ? a.value.trim() : undefined;
}

function describeUnresolved(role: Role, a: Assignment): string {
  const how: Record<ValueKind, string> = {
    literal: 'is written',
    reference: `is a reference (${a.value || a.key}) filled in elsewhere`,
    'secret-ref': 'comes from a Kubernetes secret',
    empty: 'is empty',
  };
  return `${role} ${how[a.valueKind]}`;
}

/** One function from the engine's mail settings to what a test send needs. */
export function smtpSettingsFrom(mail: MailSettings): SmtpSettings {
  const r = mail.roles;
  const notes: string[] = [];
  const problems: string[] = [];
  const written: Partial<Record<Role, string>> = {};
  for (const [role, a] of Object.entries(r) as [Role, Assignment][]) {
    if (role !== 'password') written[role] = a.valueKind === 'literal' ? a.value : `(${a.valueKind}) ${a.value}`;
  }

  const host = literal(r.host) ?? '';
  if (!r.host) problems.push('no SMTP host is set in this scope');
  else if (!host) problems.push(`the host ${describeUnresolved('host', r.host)}: a test send needs the real host name`);

  // a value the check calls invalid is a problem here too: the send never guesses what it meant
  const kind = mail.scope.kind;
  const ssl = flagFor(r.ssl, kind, problems);
  const tls = flagFor(r.tls, kind, problems);
  const portReading = readPort(r.port);
  let port: number;
  if (portReading.state === 'valid') port = portReading.value;
  else {
    if (portReading.state === 'invalid') problems.push(`${constantWords(r.port!)} is "${portReading.written}", not a whole number from 1 to 65535 (invalid-port)`);
    port = ssl ? 465 : 587;
    if (portReading.state === 'unknown') notes.push(`no port is set: the test uses ${port}`);
  }
  const secure = ssl === true || IMPLICIT_TLS_PORTS.includes(port);
  if (secure && ssl !== true) {
    notes.push(`port ${port} expects TLS from the first byte, so the test uses it although SSL is not on; an app with SSL off would wait for the greeting until it times out`);
  }
  const requireStartTls = !secure && tls === true;

  const password: PasswordSource = !r.password
    ? { kind: 'missing', written: '' }
    : r.password.valueKind === 'literal' && r.password.value !== ''
      ? { kind: 'literal', value: r.password.value }
      : { kind: r.password.valueKind === 'literal' ? 'empty' : r.password.valueKind, written: r.password.value || r.password.key };

  const username = literal(r.username) || undefined;
  let from = literal(r.from) || undefined;
  if (!from && username?.includes('@')) {
    from = username;
    notes.push(`no from address is set: the test sends from the username ${username}`);
  }
  if (!from) problems.push('no from address is set in this scope (and the username is not an address)');

  return {
    host,
    port,
    secure,
    requireStartTls,
    username,
    password,
    from,
    written,
    notes,
    problems,
    scope: mail.scope.name,
    fileKind: mail.scope.kind,
    target: mail.target.target,
  };
}

/** The settings as they may be shown anywhere: never the password. */
export function describeSettings(s: SmtpSettings): string[] {
  const mode = s.secure ? 'implicit TLS (TLS from the first byte)' : s.requireStartTls ? 'STARTTLS, required' : 'STARTTLS when the server offers it';
  const pw = s.password.kind === 'literal' ? 'written in the file (not shown)' : s.password.kind === 'missing' ? 'not set' : `${s.password.kind}`;
  return [
    `server:   ${s.host}:${s.port}`,
    `security: ${mode}`,
    `username: ${s.username ?? '(none)'}`,
    `password: ${pw}`,
    `from:     ${s.from ?? '(none)'}`,
    ...(s.scope ? [`scope:    ${s.scope}${s.fileKind ? ` (${s.fileKind})` : ''}${s.target ? `, target ${s.target}` : ''}`] : []),
  ];
}
