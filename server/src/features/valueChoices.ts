// The values completion offers for a setting by its role (ports with what they mean,
// booleans, provider hosts), written the way the place needs them (completionTypes ValueStyle).
import type { Role } from '../core/settings';
import type { Range } from '../core/types';
import { PROVIDERS } from '../settings/providers';
import type { CompletionEntry, ValueStyle } from './completionTypes';

const PORTS: { port: string; about: string }[] = [
  { port: '587', about: 'STARTTLS submission port: the usual choice (TLS on, SSL off)' },
  { port: '465', about: 'implicit TLS from the first byte (SSL on, TLS off)' },
  { port: '2525', about: 'STARTTLS on an alternative port, when 587 is blocked (SendGrid, Mailgun, Postmark, …)' },
];

/** A port or a boolean as text: quoted where only a string is allowed (Kubernetes). */
function scalarText(value: string, style: ValueStyle): string {
  return style.form === 'yaml-string' ? `"${value}"` : value;
}

/** A host name: quoted in JSON, where a bare word is not a value. */
function hostText(host: string, style: ValueStyle): string {
  return style.form === 'json' ? `${style.quote}${host}${style.quote}` : host;
}

export function valueChoices(role: Role | undefined, range: Range, style: ValueStyle): CompletionEntry[] {
  if (role === 'port') {
    return PORTS.map((p, i) => ({ label: p.port, kind: 'value', detail: p.about, insertText: scalarText(p.port, style), range, sortText: String(i) }));
  }
  if (role === 'ssl' || role === 'tls' || role === 'sending-enabled') {
    return ['true', 'false'].map((v, i) => ({ label: v, kind: 'value', detail: 'Boolean', insertText: scalarText(v, style), range, sortText: String(i) }));
  }
  if (role === 'host') {
    return PROVIDERS.flatMap((p, i) =>
      p.hosts.map((h, j) => ({
        label: h,
        kind: 'value' as const,
        detail: p.name,
        documentation: `${p.credentials}. Ports: ${[...p.starttlsPorts, ...p.implicitTlsPorts].join(', ')}.`,
        insertText: hostText(h, style),
        range,
        sortText: `${String(i).padStart(2, '0')}${j}`,
      })),
    );
  }
  return [];
}
