// Our own SPF policy evaluator (mailauth needs Node 22). There is no connecting client to
// test, so it walks the whole policy the way a receiver does for a sender that matches
// nothing — the worst case, the one every unlisted server hits — and counts, per
// RFC 7208 §4.6.4, the DNS-querying terms (include, a, mx, ptr, exists, redirect; limit 10)
// and the void lookups (NXDOMAIN or no records; limit 2). It also collects what the
// policy includes, so rules can ask "does it (recursively) include X".
import type { Unchecked } from './domainExists';
import type { DnsResolver, LookupOptions } from './resolver';
import { expandDomainSpec, isSpfRecord, parseSpf, type Qualifier, type SpfTerm } from './spfRecord';

export const SPF_LOOKUP_LIMIT = 10;
export const SPF_VOID_LIMIT = 2;
/** Walking stops here, so a loop of includes cannot run away; the count is then "over 10" anyway. */
const WALK_CAP = 40;

export type SpfProblem =
  | { kind: 'multiple-records'; domain: string; count: number }
  | { kind: 'too-many-lookups'; count: number }
  | { kind: 'too-many-void-lookups'; count: number; names: string[] }
  | { kind: 'syntax'; domain: string; term: string; message: string }
  | { kind: 'target-without-spf'; domain: string; via: 'include' | 'redirect'; from: string }
  | { kind: 'too-many-mx'; domain: string; count: number };

export interface SpfPolicy {
  domain: string;
  /** none: no v=spf1 record; permerror: receivers reject the policy as broken. */
  result: 'none' | 'valid' | 'permerror' | 'could-not-check';
  /** The domain's own record, when it has exactly one. */
  record?: string;
  problems: SpfProblem[];
  lookups: number;
  voidLookups: number;
  /** Every domain reached through include: or redirect=, lower case. */
  includes: string[];
  /** ip4:/ip6: terms of the domain's own record (and of its redirect= targets), as written. */
  listedAddresses: string[];
  /** The qualifier of the domain's own `all`, when it has one. */
  all?: Qualifier;
  unchecked: Unchecked[];
}

interface Walk {
  resolver: DnsResolver;
  options: LookupOptions;
  sender: string;
  lookups: number;
  voidNames: string[];
  includes: Set<string>;
  listedAddresses: string[];
  problems: SpfProblem[];
  unchecked: Unchecked[];
}

export async function checkSpf(resolver: DnsResolver, domain: string, options: LookupOptions = {}): Promise<SpfPolicy> {
  const name = domain.toLowerCase().replace(/\.$/, '');
  const walk: Walk = {
    resolver,
    options,
    sender: name,
    lookups: 0,
    voidNames: [],
    includes: new Set(),
    listedAddresses: [],
    problems: [],
    unchecked: [],
  };
  const base = { domain: name, lookups: 0, voidLookups: 0, includes: [], listedAddresses: [], problems: [], unchecked: [] };
  const records = await fetchSpf(walk, name);
  if (records === 'could-not-check') return { ...base, result: 'could-not-check', unchecked: walk.unchecked };
  if (records === 'void' || records.length === 0) return { ...base, result: 'none' };
  if (records.length > 1) {
    return { ...base, result: 'permerror', problems: [{ kind: 'multiple-records', domain: name, count: records.length }] };
  }
  const all = await evaluateRecord(walk, name, records[0], true, [name]);

  if (walk.lookups > SPF_LOOKUP_LIMIT) walk.problems.push({ kind: 'too-many-lookups', count: walk.lookups });
  if (walk.voidNames.length > SPF_VOID_LIMIT) {
    walk.problems.push({ kind: 'too-many-void-lookups', count: walk.voidNames.length, names: walk.voidNames });
  }
  // A broken policy is broken whatever the unanswered parts say; otherwise doubt wins.
  const result = walk.problems.length ? 'permerror' : walk.unchecked.length ? 'could-not-check' : 'valid';
  return {
    domain: name,
    result,
    record: records[0],
    problems: walk.problems,
    lookups: walk.lookups,
    voidLookups: walk.voidNames.length,
    includes: [...walk.includes],
    listedAddresses: walk.listedAddresses,
    all,
    unchecked: walk.unchecked,
  };
}

/** True when the policy reaches `target` (or a name under it) through include:/redirect=. */
export function spfIncludes(policy: SpfPolicy, target: string): boolean {
  const wanted = target.toLowerCase().replace(/\.$/, '');
  return policy.includes.some((d) => d === wanted || d.endsWith(`.${wanted}`));
}

/** The SPF records (v=spf1 TXT records) of a name; 'void' for NXDOMAIN / no TXT at all. */
async function fetchSpf(walk: Walk, name: string): Promise<string[] | 'void' | 'could-not-check'> {
  const txt = await walk.resolver.lookup(name, 'TXT', walk.options);
  if (txt.outcome === 'could-not-check') {
    walk.unchecked.push({ name, type: 'TXT', reason: txt.reason });
    return 'could-not-check';
  }
  if (txt.outcome !== 'answer') return 'void';
  return txt.records.filter(isSpfRecord);
}

/** Walks one record; `own` marks the sender's record (and its redirect= targets). Returns its `all` qualifier. */
async function evaluateRecord(
  walk: Walk,
  domain: string,
  record: string,
  own: boolean,
  path: string[],
): Promise<Qualifier | undefined> {
  const parsed = parseSpf(record);
  for (const error of parsed.errors) walk.problems.push({ kind: 'syntax', domain, ...error });
  if (parsed.errors.length) return undefined;

  // Terms after "all" are never reached; redirect= is ignored when there is an "all" (§6.1).
  const allIndex = parsed.terms.findIndex((t) => t.type === 'mechanism' && t.name === 'all');
  const reached = allIndex >= 0 ? parsed.terms.slice(0, allIndex + 1) : parsed.terms;
  const all = allIndex >= 0 ? (parsed.terms[allIndex] as { qualifier: Qualifier }).qualifier : undefined;
  const redirect = allIndex >= 0 ? undefined : parsed.terms.find((t) => t.type === 'modifier' && t.name === 'redirect');

  // Siblings are independent: ask for them at once (the totals do not depend on order).
  await Promise.all(reached.map((term) => evaluateTerm(walk, domain, term, own, path)));
  if (redirect && redirect.type === 'modifier') {
    const target = await follow(walk, domain, redirect.value, 'redirect', own, path);
    return target ?? all;
  }
  return all;
}

async function evaluateTerm(walk: Walk, domain: string, term: SpfTerm, own: boolean, path: string[]): Promise<void> {
  if (term.type !== 'mechanism') return;
  switch (term.name) {
    case 'ip4':
    case 'ip6':
      if (own) walk.listedAddresses.push(term.text.replace(/^[+]/, ''));
      return;
    case 'all':
      return;
    case 'include':
      await follow(walk, domain, term.domainSpec!, 'include', false, path);
      return;
    case 'ptr':
      walk.lookups++; // needs the client's address; counted, not asked
      return;
    case 'a':
    case 'mx':
    case 'exists': {
      walk.lookups++;
      if (walk.lookups > WALK_CAP) return;
      const target = expandDomainSpec(term.domainSpec ?? domain, domain, walk.sender);
      if (!target) return;
      await lookupForVoid(walk, target, term.name);
      return;
    }
  }
}

/** include: or redirect=: one counted lookup, then the target's own policy. */
async function follow(
  walk: Walk,
  from: string,
  spec: string,
  via: 'include' | 'redirect',
  own: boolean,
  path: string[],
): Promise<Qualifier | undefined> {
  walk.lookups++;
  if (walk.lookups > WALK_CAP) return undefined;
  const target = expandDomainSpec(spec, from, walk.sender);
  if (!target) return undefined; // depends on the sender's address: cannot be walked
  walk.includes.add(target);
  // A cycle would never end; the same domain in two branches is asked (and counted) twice, as receivers do.
  if (path.includes(target)) {
    walk.lookups = Math.max(walk.lookups, SPF_LOOKUP_LIMIT + 1);
    return undefined;
  }
  const records = await fetchSpf(walk, target);
  if (records === 'could-not-check') return undefined;
  if (records === 'void') walk.voidNames.push(target);
  if (records === 'void' || records.length === 0) {
    walk.problems.push({ kind: 'target-without-spf', domain: target, via, from });
    return undefined;
  }
  if (records.length > 1) {
    walk.problems.push({ kind: 'multiple-records', domain: target, count: records.length });
    return undefined;
  }
  return evaluateRecord(walk, target, records[0], own && via === 'redirect', [...path, target]);
}

async function lookupForVoid(walk: Walk, name: string, mechanism: 'a' | 'mx' | 'exists'): Promise<void> {
  const { resolver, options } = walk;
  if (mechanism === 'mx') {
    const mx = await resolver.lookup(name, 'MX', options);
    if (mx.outcome === 'could-not-check') walk.unchecked.push({ name, type: 'MX', reason: mx.reason });
    else if (mx.outcome !== 'answer' || mx.records.length === 0) walk.voidNames.push(name);
    else if (mx.records.length > 10) walk.problems.push({ kind: 'too-many-mx', domain: name, count: mx.records.length });
    return;
  }
  const a = await resolver.lookup(name, 'A', options);
  if (a.outcome === 'could-not-check') {
    walk.unchecked.push({ name, type: 'A', reason: a.reason });
    return;
  }
  if (a.outcome === 'answer' && a.records.length) return;
  if (a.outcome === 'nxdomain' || mechanism === 'exists') {
    walk.voidNames.push(name);
    return;
  }
  // "a" on an IPv6-only name is not void for an IPv6 sender: only count it when both are empty.
  const aaaa = await resolver.lookup(name, 'AAAA', options);
  if (aaaa.outcome === 'could-not-check') walk.unchecked.push({ name, type: 'AAAA', reason: aaaa.reason });
  else if (aaaa.outcome !== 'answer' || aaaa.records.length === 0) walk.voidNames.push(name);
}

/** One sentence per problem, in the user's words. */
export function describeSpfProblem(problem: SpfProblem): string {
  switch (problem.kind) {
    case 'multiple-records':
      return `${problem.domain} publishes ${problem.count} SPF records (v=spf1); receivers treat that as an error — merge them into one`;
    case 'too-many-lookups':
      return `the policy needs ${problem.count > WALK_CAP ? `more than ${WALK_CAP}` : problem.count} DNS lookups (include, a, mx, ptr, exists, redirect); the limit is ${SPF_LOOKUP_LIMIT}`;
    case 'too-many-void-lookups':
      return `${problem.count} lookups find nothing (${problem.names.join(', ')}); the limit is ${SPF_VOID_LIMIT}`;
    case 'syntax':
      return `syntax error in the SPF record of ${problem.domain}: ${problem.message}`;
    case 'target-without-spf':
      return `${problem.via === 'include' ? 'include:' : 'redirect='}${problem.domain} (in ${problem.from}) has no SPF record`;
    case 'too-many-mx':
      return `mx on ${problem.domain} has ${problem.count} MX records; at most 10 are looked at`;
  }
}
