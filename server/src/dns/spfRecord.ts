// Parses one SPF record (RFC 7208 §4.6 and the ABNF of §12) into terms, with the syntax
// errors a receiver would turn into permerror. Looks nothing up.
import { isIP } from 'node:net';

export type Qualifier = '+' | '-' | '~' | '?';
export type MechanismName = 'all' | 'include' | 'a' | 'mx' | 'ptr' | 'ip4' | 'ip6' | 'exists';

export type SpfTerm =
  | { type: 'mechanism'; qualifier: Qualifier; name: MechanismName; domainSpec?: string; address?: string; text: string }
  | { type: 'modifier'; name: string; value: string; text: string };

export interface ParsedSpf {
  terms: SpfTerm[];
  /** Each problem makes the record a permerror. */
  errors: { term: string; message: string }[];
}

/** RFC 7208 §4.5: a record starts with exactly "v=spf1", then a space or its end. */
export function isSpfRecord(txt: string): boolean {
  return /^v=spf1( |$)/i.test(txt);
}

const MECHANISMS = new Set<MechanismName>(['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists']);

export function parseSpf(record: string): ParsedSpf {
  const terms: SpfTerm[] = [];
  const errors: ParsedSpf['errors'] = [];
  // Receivers split on spaces; tabs and doubled spaces are tolerated by the common ones.
  const words = record.trim().split(/\s+/).slice(1);
  const seenModifiers = new Set<string>();
  for (const text of words) {
    const modifier = /^([A-Za-z][A-Za-z0-9\-_.]*)=(.*)$/.exec(text);
    if (modifier) {
      const name = modifier[1].toLowerCase();
      const value = modifier[2];
      if ((name === 'redirect' || name === 'exp') && seenModifiers.has(name)) {
        errors.push({ term: text, message: `"${name}=" appears more than once` });
      }
      seenModifiers.add(name);
      if (name === 'redirect' || name === 'exp') {
        const problem = domainSpecProblem(value);
        if (problem) errors.push({ term: text, message: problem });
      } else {
        const problem = macroStringProblem(value);
        if (problem) errors.push({ term: text, message: problem });
      }
      terms.push({ type: 'modifier', name, value, text });
      continue;
    }
    const parsed = parseMechanism(text);
    if (typeof parsed === 'string') errors.push({ term: text, message: parsed });
    else terms.push(parsed);
  }
  return { terms, errors };
}

function parseMechanism(text: string): SpfTerm | string {
  let rest = text;
  let qualifier: Qualifier = '+';
  if ('+-~?'.includes(rest[0])) {
    qualifier = rest[0] as Qualifier;
    rest = rest.slice(1);
  }
  const match = /^([A-Za-z0-9]+)(.*)$/.exec(rest);
  const name = match?.[1].toLowerCase() as MechanismName | undefined;
  if (!match || !name || !MECHANISMS.has(name)) return `unknown mechanism "${text}"`;
  const argument = match[2];
  const base = { type: 'mechanism' as const, qualifier, name, text };
  switch (name) {
    case 'all':
      return argument === '' ? base : `"all" takes no argument`;
    case 'include':
    case 'exists': {
      if (!argument.startsWith(':')) return `"${name}" needs ":domain"`;
      const domainSpec = argument.slice(1);
      const problem = domainSpecProblem(domainSpec);
      return problem ? problem : { ...base, domainSpec };
    }
    case 'ptr': {
      if (argument === '') return base;
      if (!argument.startsWith(':')) return `malformed "${text}"`;
      const problem = domainSpecProblem(argument.slice(1));
      return problem ? problem : { ...base, domainSpec: argument.slice(1) };
    }
    case 'a':
    case 'mx': {
      const cidr = /(\/(0|[1-9]\d{0,2}))?(\/\/(0|[1-9]\d{0,2}))?$/.exec(argument);
      const cidrText = cidr?.[0] ?? '';
      if (cidr?.[2] !== undefined && Number(cidr[2]) > 32) return `IPv4 prefix length over 32 in "${text}"`;
      if (cidr?.[4] !== undefined && Number(cidr[4]) > 128) return `IPv6 prefix length over 128 in "${text}"`;
      const domainPart = argument.slice(0, argument.length - cidrText.length);
      if (domainPart === '') return base;
      if (!domainPart.startsWith(':')) return `malformed "${text}"`;
      const problem = domainSpecProblem(domainPart.slice(1));
      return problem ? problem : { ...base, domainSpec: domainPart.slice(1) };
    }
    case 'ip4':
    case 'ip6': {
      const network = /^:([^/]+)(?:\/(0|[1-9]\d{0,2}))?$/.exec(argument);
      const family = name === 'ip4' ? 4 : 6;
      if (!network || isIP(network[1]) !== family) return `"${text}" is not a valid IPv${family} address or network`;
      if (network[2] !== undefined && Number(network[2]) > (family === 4 ? 32 : 128)) {
        return `prefix length too long in "${text}"`;
      }
      return { ...base, address: argument.slice(1) };
    }
  }
}

const MACRO = /%\{[slodiphcrtv]\d*r?[.\-+,/_=]*\}|%%|%_|%-/gi;

function macroStringProblem(value: string): string | undefined {
  const withoutMacros = value.replace(MACRO, '');
  if (withoutMacros.includes('%')) return `bad macro in "${value}"`;
  if (/[^\x21-\x7e]/.test(withoutMacros)) return `invalid character in "${value}"`;
  return undefined;
}

function domainSpecProblem(spec: string): string | undefined {
  if (spec === '') return 'empty domain';
  const macroProblem = macroStringProblem(spec);
  if (macroProblem) return macroProblem;
  if (/%\{[^}]*\}$/.test(spec)) return undefined; // domain-end may be a macro
  // domain-end = "." toplabel ["."]; a toplabel is not all digits.
  const labels = spec.replace(/\.$/, '').split('.');
  const top = labels[labels.length - 1];
  if (labels.length < 2 || !/^(?=.*[A-Za-z])[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$/.test(top)) {
    return `"${spec}" is not a domain name`;
  }
  if (labels.some((l) => l === '' && !spec.includes('%'))) return `"${spec}" has an empty label`;
  return undefined;
}

/** Expands the macros we can know without a sender (`%{d}`, `%{o}`); undefined when others remain. */
export function expandDomainSpec(spec: string, domain: string, senderDomain: string): string | undefined {
  let unknown = false;
  const expanded = spec.replace(MACRO, (macro) => {
    if (macro === '%%') return '%';
    if (macro === '%_') return ' ';
    if (macro === '%-') return '%20';
    const parts = /^%\{([a-z])(\d*)(r?)([.\-+,/_=]*)\}$/i.exec(macro)!;
    const letter = parts[1].toLowerCase();
    if (letter !== 'd' && letter !== 'o') {
      unknown = true;
      return '';
    }
    const delimiters = parts[4] || '.';
    let labels = (letter === 'd' ? domain : senderDomain).split(new RegExp(`[${escapeClass(delimiters)}]`));
    if (parts[3]) labels = labels.reverse();
    if (parts[2]) labels = labels.slice(-Number(parts[2]));
    return labels.join('.');
  });
  return unknown ? undefined : expanded.replace(/\.$/, '').toLowerCase();
}

function escapeClass(chars: string): string {
  return chars.replace(/[-\\\]^/]/g, (c) => `\\${c}`);
}
