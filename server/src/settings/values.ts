// What a value means, read in one place: flags (SSL, TLS, sending-enabled), ports, address
// lists and host classes. The rules, the hovers, the code lenses and the test send all ask
// here, so a value the check calls invalid is never sent with as if it meant something.
import { isIP } from 'node:net';
import type { Assignment, FileKind } from '../core/types';
import { FILE_KINDS } from '../core/fileKinds';

/** The value as a literal to judge (trimmed), or undefined for references, secret refs and empties. */
export function literalValue(a: Assignment | undefined): string | undefined {
  if (!a || a.valueKind !== 'literal') return undefined;
  const v = a.value.trim();
  return v.length > 0 ? v : undefined;
}

// ---- flags ------------------------------------------------------------------------------
// The Mendix runtime takes `true` / `false` (any case); m2ee-tools reads m2ee.yaml with PyYAML
// (YAML 1.1), where an unquoted yes/no/on/off is a boolean too, so those are accepted there
// only — in the three spellings PyYAML's resolver knows (`yes`, `Yes`, `YES`): `y`, `n` and
// `yEs` stay strings there.
const YAML11_TRUE = new Set(['yes', 'Yes', 'YES', 'on', 'On', 'ON']);
const YAML11_FALSE = new Set(['no', 'No', 'NO', 'off', 'Off', 'OFF']);

export type FlagReading =
  /** not set, empty, or a reference filled in elsewhere: nothing to judge */
  | { state: 'unknown' }
  | { state: 'valid'; value: boolean }
  /** a literal the runtime does not read as a boolean (`1`, `enabled`) */
  | { state: 'invalid'; written: string };

/** What a flag's value says, as the runtime will read it. */
export function readFlag(a: Assignment | undefined, kind: FileKind): FlagReading {
  const written = literalValue(a);
  if (written === undefined || !a) return { state: 'unknown' };
  const v = written.toLowerCase();
  if (v === 'true') return { state: 'valid', value: true };
  if (v === 'false') return { state: 'valid', value: false };
  if (FILE_KINDS[kind].yaml11Flags && !a.quoted) {
    if (YAML11_TRUE.has(written)) return { state: 'valid', value: true };
    if (YAML11_FALSE.has(written)) return { state: 'valid', value: false };
  }
  return { state: 'invalid', written };
}

/** true / false when the flag's literal value is a boolean the runtime accepts; undefined otherwise (also for references). */
export function flagValue(a: Assignment | undefined, kind: FileKind): boolean | undefined {
  const reading = readFlag(a, kind);
  return reading.state === 'valid' ? reading.value : undefined;
}

/** What a non-boolean flag most likely meant (`1`, `yes`, `enabled` → true), or undefined when unclear. */
export function intendedFlag(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (['1', 'yes', 'y', 'on', 'enabled', 'enable', 't'].includes(v)) return true;
  if (['0', 'no', 'n', 'off', 'disabled', 'disable', 'f'].includes(v)) return false;
  return undefined;
}

// ---- ports ------------------------------------------------------------------------------
const WHOLE_NUMBER = /^\d{1,6}$/;
const DIGITS = /^\d+$/;

export type PortReading =
  | { state: 'unknown' }
  | { state: 'valid'; value: number }
  /** not a whole number from 1 to 65535 */
  | { state: 'invalid'; written: string };

export function readPort(a: Assignment | undefined): PortReading {
  const written = literalValue(a);
  if (written === undefined) return { state: 'unknown' };
  if (DIGITS.test(written)) {
    const n = Number(written);
    if (n >= 1 && n <= 65535) return { state: 'valid', value: n };
  }
  return { state: 'invalid', written };
}

/** The port as a whole number (also one out of range, for rules that compare it), or undefined when it is not one. */
export function portNumber(a: Assignment | undefined): number | undefined {
  const v = literalValue(a);
  if (v === undefined || !WHOLE_NUMBER.test(v)) return undefined;
  return Number(v);
}

// ---- address lists ----------------------------------------------------------------------

/** One address inside a constant's value, with its offsets in that value. */
export interface AddressItem {
  /** the address itself (inside `<…>` when written `Name <addr>`) */
  text: string;
  /** offsets of `text` within the value string */
  start: number;
  end: number;
}

/** Mendix's list separator (EmailTemplate.EmailAddressSeparator) is `;` by default; `,` separates in headers. */
export const DEFAULT_SEPARATORS = ',;';

/**
 * The addresses of a list, with their offsets. Separators (`,`, `;` and the app's
 * EmailTemplate.EmailAddressSeparator when given) count only outside quotes, comments and angle
 * brackets, as in nodemailer's addressparser (which the test send reads the from address with;
 * a test holds the two equal). It is not called here: it would add ~11 KB to the server bundle,
 * and the rules need the offsets it does not give. Of `Name <addr>` the address inside the
 * brackets is judged; any other item as written, whole. Blank items are skipped.
 */
export function parseAddressList(value: string, separators: string = DEFAULT_SEPARATORS): AddressItem[] {
  const items: AddressItem[] = [];
  let from = 0;
  let quoted = false;
  let comment = 0;
  let angle = false;
  for (let i = 0; i <= value.length; i++) {
    const c = value[i];
    if (i < value.length) {
      if (quoted) {
        if (c === '\\') i++;
        else if (c === '"') quoted = false;
        continue;
      }
      if (c === '"') quoted = true;
      else if (c === '(') comment++;
      else if (c === ')' && comment > 0) comment--;
      else if (c === '<' && comment === 0) angle = true;
      else if (c === '>' && comment === 0) angle = false;
      if (comment > 0 || angle || !separators.includes(c)) continue;
    }
    const item = readItem(value, from, Math.min(i, value.length));
    if (item) items.push(item);
    from = i + 1;
  }
  return items;
}

function readItem(value: string, from: number, to: number): AddressItem | undefined {
  let start = from;
  let end = to;
  while (start < end && isSpace(value.charCodeAt(start))) start++;
  while (end > start && isSpace(value.charCodeAt(end - 1))) end--;
  if (end <= start) return undefined;
  // `Display Name <addr@domain>`: judge only what is inside the angle brackets
  const open = value.lastIndexOf('<', end);
  if (open >= start && value[end - 1] === '>') return { text: value.slice(open + 1, end - 1), start: open + 1, end: end - 1 };
  return { text: value.slice(start, end), start, end };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The separators of a scope's address lists: the defaults plus EmailTemplate.EmailAddressSeparator when it sets another. */
export function separatorsOf(separator: Assignment | undefined): string {
  const written = literalValue(separator);
  if (written === undefined || written.length !== 1 || DEFAULT_SEPARATORS.includes(written) || written === '"' || written === '<') return DEFAULT_SEPARATORS;
  return DEFAULT_SEPARATORS + written;
}

/** The constant that names an app's address list separator (Email Module with Templates). */
export const ADDRESS_SEPARATOR_CONSTANT = 'EmailTemplate.EmailAddressSeparator';

/**
 * The separators of the recipient lists among a scope's constants (the winning assignments).
 * Where the app's separator applies: lists of recipients (To, CC, BCC), which the Email Module
 * with Templates splits on it. Not the sender: a from address is one mailbox, which the test
 * send reads with addressparser (`,` and `;` only), so the check reads it the same way.
 */
export function recipientSeparatorsIn(effective: readonly Assignment[]): string {
  return separatorsOf(effective.find((a) => a.name === ADDRESS_SEPARATOR_CONSTANT));
}

// ---- host classes -----------------------------------------------------------------------
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Lower case, without brackets (`[::1]`) and a trailing root dot. */
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

/** The address without brackets (`[2001:db8::1]`) and a trailing root dot, case kept. */
function bareAddress(host: string): string {
  let h = host.trim();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  return h.endsWith('.') ? h.slice(0, -1) : h;
}

/** An IPv4 or IPv6 address, by Node's own parser (so `999.1.1.1` and `ad:25` are host names). */
export function isIpLiteral(host: string): boolean {
  return isIP(bareAddress(host)) !== 0;
}

/** Loopback also as an IPv4-mapped IPv6 address (`::ffff:127.0.0.1`). */
export function isLoopbackAddress(host: string): boolean {
  const h = bareAddress(host);
  return isLoopbackHost(h) || isLoopbackHost(h.replace(/^::ffff:/i, ''));
}
