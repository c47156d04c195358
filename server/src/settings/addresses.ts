// Email address facts (shared/docs/providers.md, "Address facts"): local part / domain, no-reply names, reserved / single-label and placeholder
// domains, and a mailbox syntax check. Pure string work; the few regexes are built once.

import { DEFAULT_SEPARATORS, parseAddressList } from './values';

export { parseAddressList, type AddressItem } from './values';

/** Local part and domain at the last `@`; domain undefined when there is no `@`. */
export function splitAddress(address: string): { local: string; domain: string | undefined } {
  const at = address.lastIndexOf('@');
  if (at < 0) return { local: address, domain: undefined };
  return { local: address.slice(0, at), domain: address.slice(at + 1) };
}

// Something that looks like an address, to decide that a constant holds one by its value.
// `:` and `/` rule out URLs with credentials (postgres://user:pw@db/x).
const ADDRESS_LIKE = /^[^\s@:/<>]+@[^\s@:/<>]+$/;

/** true when every item of the value, split on `separators` (the scope's, values.ts), looks like `local@domain` (and there is at least one). */
export function looksLikeAddressList(value: string, separators: string = DEFAULT_SEPARATORS): boolean {
  if (!value.includes('@')) return false;
  const items = parseAddressList(value, separators);
  if (items.length === 0) return false;
  for (const item of items) if (!ADDRESS_LIKE.test(item.text)) return false;
  return true;
}

const NO_REPLY = new Set([
  'noreply', 'no-reply', 'no_reply', 'no.reply', 'donotreply', 'do-not-reply', 'do.not.reply',
  'dont-reply', 'noreplies', 'no-replies', 'nobody', 'donotrespond', 'do-not-respond',
]);

/** true for `noreply`, `No-Reply+alerts`, … (case-insensitive, a `+tag` ignored). */
export function isNoReplyLocalPart(local: string): boolean {
  const plus = local.indexOf('+');
  return NO_REPLY.has((plus >= 0 ? local.slice(0, plus) : local).toLowerCase());
}

const RESERVED_TLDS = new Map<string, string>([
  ['test', 'the top-level domain .test is reserved for testing (RFC 2606)'],
  ['example', 'the top-level domain .example is reserved for documentation (RFC 2606)'],
  ['invalid', 'the top-level domain .invalid is reserved and never resolves (RFC 2606)'],
  ['localhost', 'the top-level domain .localhost is reserved for the local machine (RFC 6761)'],
  ['local', 'the top-level domain .local is for multicast DNS on a local network (RFC 6762)'],
  ['onion', 'the top-level domain .onion is for Tor onion services (RFC 7686)'],
  ['alt', 'the top-level domain .alt is reserved for non-DNS names (RFC 9476)'],
  ['internal', 'the top-level domain .internal is reserved for private use'],
]);
const RESERVED_DOMAINS = new Map<string, string>([
  ['example.com', 'example.com is reserved for documentation (RFC 2606)'],
  ['example.net', 'example.net is reserved for documentation (RFC 2606)'],
  ['example.org', 'example.org is reserved for documentation (RFC 2606)'],
  ['home.arpa', 'home.arpa is reserved for home networks (RFC 8375)'],
]);

/** Normalised domain: lower case, no trailing dot. */
export function normalizeDomain(domain: string): string {
  const d = domain.trim().toLowerCase();
  return d.endsWith('.') ? d.slice(0, -1) : d;
}

/**
 * Why a domain can never receive mail, or undefined when it can. Covers the reserved names
 * (and their subdomains) and single-label domains (`user@mailserver`). IP literals are left alone.
 */
export function reservedDomainReason(domain: string): string | undefined {
  const d = normalizeDomain(domain);
  if (d.length === 0 || d.startsWith('[')) return undefined;
  const lastDot = d.lastIndexOf('.');
  if (lastDot < 0) return `${d} is a single-label domain, not routable on the internet`;
  const tld = RESERVED_TLDS.get(d.slice(lastDot + 1));
  if (tld) return tld;
  // example.com and every subdomain of it
  const secondDot = d.lastIndexOf('.', lastDot - 1);
  const registered = secondDot < 0 ? d : d.slice(secondDot + 1);
  return RESERVED_DOMAINS.get(registered);
}

/** Real domains people use as placeholders (somebody owns them and may read the mail). */
export const PLACEHOLDER_DOMAINS: ReadonlySet<string> = new Set([
  'test.com', 'domain.com', 'email.com', 'mail.com', 'company.com', 'yourdomain.com', 'mydomain.com',
  'yourcompany.com', 'sample.com', 'fake.com', 'dummy.com', 'foo.com', 'acme.com',
]);

export function isPlaceholderDomain(domain: string): boolean {
  return PLACEHOLDER_DOMAINS.has(normalizeDomain(domain));
}

// RFC 5322 dot-atom characters for the local part (quoted local parts are accepted as a whole).
// Non-ASCII letters are allowed (SMTPUTF8, RFC 6531).
const LOCAL_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uffff-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uffff-]+)*$/;
const QUOTED_LOCAL = /^"(?:[^"\\\r\n]|\\.)*"$/;
// A DNS label (letters, digits, hyphens; also non-ASCII for internationalised names).
const LABEL = /^(?!-)[A-Za-z0-9\u0080-\uffff-]{1,63}(?<!-)$/;
const WHITE_SPACE = /\s/;
const IP_LITERAL = /^\[(?:\d{1,3}(?:\.\d{1,3}){3}|IPv6:[0-9A-Fa-f:.]+)\]$/;

/**
 * What is wrong with an address that has an `@` and a domain, in a few words, or undefined
 * when it is a valid mailbox address. (No domain at all is `address-without-domain`'s job.)
 */
export function mailboxProblem(address: string): string | undefined {
  const known = problemMemo.get(address);
  if (known !== undefined) return known === '' ? undefined : known;
  const problem = findMailboxProblem(address);
  if (problemMemo.size >= 20_000) problemMemo.clear();
  problemMemo.set(address, problem ?? '');
  return problem;
}

// The same addresses are judged again on every edit of a document. Module-level, yet no hidden
// state: the answer depends on the address alone (the same for every caller), and it is bounded.
const problemMemo = new Map<string, string>();

function findMailboxProblem(address: string): string | undefined {
  const { local, domain } = splitAddress(address);
  if (domain === undefined || domain.length === 0) return undefined;
  if (local.length === 0) return 'it has nothing before the @';
  if (WHITE_SPACE.test(domain)) return 'it contains white space';
  if (!QUOTED_LOCAL.test(local)) {
    if (WHITE_SPACE.test(local)) return 'it contains white space';
    if (local.includes('@')) return 'it has more than one @';
    if (local.length > 64) return 'the part before the @ is longer than 64 characters';
    if (!LOCAL_ATOM.test(local)) {
      if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return 'the part before the @ has a misplaced dot';
      return 'the part before the @ has characters an address cannot have';
    }
  }
  if (domain.startsWith('[')) return IP_LITERAL.test(domain) ? undefined : 'the domain is not a valid IP literal';
  const d = domain.endsWith('.') ? domain.slice(0, -1) : domain;
  if (d.length > 253) return 'the domain is longer than 253 characters';
  const labels = d.split('.');
  for (const label of labels) {
    if (label.length === 0) return 'the domain has an empty label (two dots in a row, or a leading dot)';
    if (!LABEL.test(label)) return `the domain label "${label}" is not a valid host name part`;
  }
  if (labels.length > 1 && /^\d+$/.test(labels[labels.length - 1])) return 'the domain ends in a number, which no top-level domain is';
  return undefined;
}
