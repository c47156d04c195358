// Which scopes of a checked file can be test-sent, and which one the user means.
import type { CheckResult, MailSettings } from '../core/settings';
import type { Position, Range } from '../core/types';

const SMTP_ROLES = ['host', 'port', 'username', 'password', 'from', 'ssl', 'tls'] as const;

/** The scopes that set any SMTP setting (a scope with only SendingEnabled is not one). */
export function mailScopes(result: CheckResult | MailSettings[] | undefined): MailSettings[] {
  if (!result) return [];
  const all = Array.isArray(result) ? result : result.settings;
  return all.filter((m) => SMTP_ROLES.some((r) => m.roles[r]));
}

export function contains(range: Range, p: Position): boolean {
  const after = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const before = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return after && before;
}

/** The scope named `name`: exact first, then case-insensitive, then the only one containing it. */
export function findScope(scopes: MailSettings[], name: string): MailSettings | undefined {
  const exact = scopes.find((s) => s.scope.name === name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  const same = scopes.filter((s) => s.scope.name.toLowerCase() === lower);
  if (same.length === 1) return same[0];
  const partial = scopes.filter((s) => s.scope.name.toLowerCase().includes(lower));
  return partial.length === 1 ? partial[0] : undefined;
}
