// Words for constants, roles and where a value comes from: shared by hover and code lens.
import type { Assignment } from '../core/types';
import type { MailSettings, Role } from '../core/settings';
import { findProvider, type Provider } from '../settings/providers';
import { isLoopbackHost } from '../settings/values';

export const ROLE_WORDS: Record<Role, string> = {
  host: 'SMTP host',
  port: 'SMTP port',
  username: 'SMTP username',
  password: 'SMTP password',
  from: 'sender (from) address',
  ssl: 'SSL flag: implicit TLS from the first byte (the port 465 style)',
  tls: 'TLS flag: STARTTLS upgrade (the port 587 / 25 style)',
  'sending-enabled': 'sending switch: false stops all mail (meant for test environments)',
};

/** The role a constant plays in this scope, in words, or undefined. */
export function roleOf(settings: MailSettings, name: string): Role | undefined {
  for (const role in settings.roles) {
    const a = settings.roles[role as Role];
    if (a && a.name === name) return role as Role;
  }
  return undefined;
}

/** "variable `MX_Mail_Host` on line 4", "CONSTANTS JSON on line 6", "./mail.env line 2". */
export function whereWritten(a: Assignment): string {
  const line = `line ${a.keyRange.start.line + 1}`;
  // the ranges of a value from an env_file sit on the env_file entry of this file: name the line in that file
  if (a.fromFile !== undefined) return a.fromLine !== undefined ? `${a.fromFile} line ${a.fromLine + 1}` : `${a.fromFile} (env_file)`;
  switch (a.channel) {
    case 'mx-env': return `variable \`${a.key}\` on ${line}`;
    case 'constants-json': return `CONSTANTS JSON on ${line}`;
    case 'custom-configuration': return `customConfiguration on ${line}`;
    case 'model-default': return 'the model default';
    default: return `\`${a.key}\` on ${line}`;
  }
}

/** The value as it may be shown: secrets (settings/secrets.ts) never are. */
export function shownValue(a: Assignment, secret: boolean): string {
  if (a.valueKind === 'empty') return '(empty)';
  if (a.valueKind === 'secret-ref') return '(from a secret reference)';
  if (secret && a.valueKind === 'literal') return '(set, hidden)';
  return `\`${a.value}\``;
}

/** What serves mail for a host: a known provider, the v3 Mendix mail server, or the host itself. */
export function serverWords(host: string | undefined): { provider?: Provider; words: string } {
  if (host === undefined) return { words: 'no host set' };
  if (isLoopbackHost(host)) return { words: `local mail server (${host})` };
  const provider = findProvider(host);
  return provider ? { provider, words: `${provider.name} (${host})` } : { words: host };
}
