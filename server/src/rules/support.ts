// Small helpers the rules share: literal values, host classes, ranges inside a value, fixes.
import type { Assignment, FileKind, Fix, Range } from '../core/types';
import type { MailSettings } from '../core/settings';

/** The value as a literal the rule may judge (trimmed), or undefined for references, secret refs and empties. */
export function literalValue(a: Assignment | undefined): string | undefined {
  if (!a || a.valueKind !== 'literal') return undefined;
  const v = a.value.trim();
  return v.length > 0 ? v : undefined;
}

/** true when the assignment has a value of any kind (a `${VAR}` or secretKeyRef counts as present). */
export function hasValue(a: Assignment | undefined): boolean {
  if (!a) return false;
  if (a.valueKind === 'reference' || a.valueKind === 'secret-ref') return true;
  return a.valueKind === 'literal' && a.value.trim().length > 0;
}

// Where secrets usually come from outside the file — Cloud Foundry `cf set-env` / credentials
// services, the Private Cloud secret store (mx-const-…), Kubernetes envFrom / secrets — a secret
// that is not written here is no evidence that it is missing.
const SECRETS_ELSEWHERE: ReadonlySet<FileKind> = new Set(['cf-manifest', 'mendix-app', 'kubernetes']);

/** true when a secret not set in this kind of file may well be set elsewhere. */
export function secretsComeFromElsewhere(kind: FileKind): boolean {
  return SECRETS_ELSEWHERE.has(kind);
}

/** Files that declare constants with their model defaults rather than set them for an environment. */
export function declaresDefaults(kind: FileKind): boolean {
  return kind === 'metadata-json' || kind === 'constants-java';
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function bareHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  if (h.endsWith('.')) h = h.slice(0, -1);
  return h;
}

/** `localhost`, `127.x.x.x`, `::1` (and `[::1]`, `localhost.localdomain`). */
export function isLoopbackHost(host: string): boolean {
  const h = bareHost(host);
  if (h === 'localhost' || h === 'localhost.localdomain' || h.endsWith('.localhost')) return true;
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const m = IPV4.exec(h);
  return m !== null && m[1] === '127';
}

const HOST_CHARS = /^[a-z0-9.:_\u0080-\uffff-]+$/;

const PRIVATE_SUFFIXES = ['.local', '.internal', '.lan', '.localdomain', '.home.arpa', '.intranet', '.corp'];

/**
 * A server on the internet: not loopback, not a private IP, not a single-label name
 * (a container / service name such as `mailhog`), not a private-use domain. Only such a
 * server is expected to demand credentials; a relay inside the network often does not.
 */
export function isExternalHost(host: string): boolean {
  const h = bareHost(host);
  // not a host name at all (a broken file can glue text together): nothing to judge
  if (h.length === 0 || !HOST_CHARS.test(h) || isLoopbackHost(h)) return false;
  const m = IPV4.exec(h);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return !(a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || a === 0);
  }
  if (h.includes(':')) return !(h.startsWith('fc') || h.startsWith('fd') || h.startsWith('fe80'));
  if (!h.includes('.')) return false;
  for (const suffix of PRIVATE_SUFFIXES) if (h.endsWith(suffix)) return false;
  return true;
}

/**
 * The range of `value.slice(start, end)` in the file. Exact when the value sits on one line
 * and is written without escapes (its range is as long as the value); else the whole value.
 */
export function valueSubRange(a: Assignment, start: number, end: number): Range {
  const r = a.valueRange;
  if (!hasExactValueRange(a)) return r;
  return {
    start: { line: r.start.line, character: r.start.character + start },
    end: { line: r.start.line, character: r.start.character + end },
  };
}

/** true when the value's range covers exactly the value's characters (one line, no escapes). */
export function hasExactValueRange(a: Assignment): boolean {
  const r = a.valueRange;
  return r.start.line === r.end.line && r.end.character - r.start.character === a.value.length;
}

/** A one-edit fix that replaces an assignment's value text. */
export function replaceValue(a: Assignment, newText: string): Fix['edits'][number] {
  return { range: a.valueRange, newText };
}

const WHOLE_NUMBER = /^\d{1,6}$/;

/** The port as a whole number, or undefined when it is not one. */
export function portNumber(a: Assignment | undefined): number | undefined {
  const v = literalValue(a);
  if (v === undefined || !WHOLE_NUMBER.test(v)) return undefined;
  return Number(v);
}

/** The literal text of a flag, lower-cased ('true', 'false', …), or undefined. */
export function flagText(a: Assignment | undefined): string | undefined {
  return literalValue(a)?.toLowerCase();
}

/** Where to put a finding about something missing in this scope. */
export function missingAnchor(settings: MailSettings): Range {
  return settings.scope.anchorRange;
}
