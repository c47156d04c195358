// Does mail to a domain have somewhere to go, and does an SMTP host name resolve?
// RFC 5321 §5.1: look for MX records; only when there are none, the domain's own A/AAAA
// records are the implicit MX. RFC 7505: a single MX "0 ." says the domain takes no mail.
import type { CouldNotCheckReason, DnsResolver, LookupOptions, RecordType } from './resolver';

export interface Unchecked {
  name: string;
  type: RecordType;
  reason: CouldNotCheckReason;
}

export type MailDomainStatus =
  | { status: 'accepts-mail'; via: 'MX' | 'A' | 'AAAA'; records: string[] }
  | { status: 'null-mx' }
  /** NXDOMAIN: the name does not exist. */
  | { status: 'no-such-domain' }
  /** The name exists but has no MX, A or AAAA records: mail has nowhere to go. */
  | { status: 'no-mail-records' }
  | { status: 'could-not-check'; unchecked: Unchecked };

/**
 * A name that exists in every DNS that resolves the internet (the `com` zone: NOERROR, no A
 * record). Before "does not exist" is claimed, the resolver must not say NXDOMAIN for it too:
 * DNS filtering and sinkholes (common on corporate CI runners) answer NXDOMAIN for every name.
 * The resolver's cache makes this one query per resolver, however many names are asked.
 */
export const RESOLVER_CANARY = 'com';

/** undefined when the resolver can be believed about NXDOMAIN; else why not. */
async function nxdomainDoubt(resolver: DnsResolver, options: LookupOptions): Promise<CouldNotCheckReason | undefined> {
  const canary = await resolver.lookup(RESOLVER_CANARY, 'A', options);
  if (canary.outcome === 'nxdomain') return 'answers-nothing-exists';
  if (canary.outcome === 'could-not-check') return canary.reason;
  return undefined;
}

export async function checkMailDomain(
  resolver: DnsResolver,
  domain: string,
  options: LookupOptions = {},
): Promise<MailDomainStatus> {
  const mx = await resolver.lookup(domain, 'MX', options);
  if (mx.outcome === 'could-not-check') return unchecked(domain, 'MX', mx.reason);
  if (mx.outcome === 'nxdomain') return noSuchName(resolver, domain, 'MX', options);
  if (mx.outcome === 'answer' && mx.records.length > 0) {
    if (isNullMx(mx.records)) return { status: 'null-mx' };
    return { status: 'accepts-mail', via: 'MX', records: mx.records.map((r) => `${r.priority} ${r.exchange}`) };
  }
  const address = await resolveHost(resolver, domain, options);
  if (address.status === 'resolves') return { status: 'accepts-mail', via: address.via, records: address.addresses };
  if (address.status === 'no-such-domain') return { status: 'no-such-domain' };
  if (address.status === 'no-address') return { status: 'no-mail-records' };
  return address;
}

export type HostStatus =
  | { status: 'resolves'; via: 'A' | 'AAAA'; addresses: string[] }
  | { status: 'no-such-domain' }
  /** The name exists but has neither A nor AAAA records: nothing to connect to. */
  | { status: 'no-address' }
  | { status: 'could-not-check'; unchecked: Unchecked };

/** A host name (the SMTP server): A, then AAAA. */
export async function resolveHost(
  resolver: DnsResolver,
  host: string,
  options: LookupOptions = {},
): Promise<HostStatus> {
  // Both at once: an IPv6-only host should not cost a second round trip.
  const [a, aaaa] = await Promise.all([resolver.lookup(host, 'A', options), resolver.lookup(host, 'AAAA', options)]);
  if (a.outcome === 'answer' && a.records.length) return { status: 'resolves', via: 'A', addresses: a.records };
  if (aaaa.outcome === 'answer' && aaaa.records.length) return { status: 'resolves', via: 'AAAA', addresses: aaaa.records };
  // One failure is enough doubt: only claim "no address" when both questions were answered.
  if (a.outcome === 'could-not-check') return unchecked(host, 'A', a.reason);
  if (aaaa.outcome === 'could-not-check') return unchecked(host, 'AAAA', aaaa.reason);
  if (a.outcome === 'nxdomain' || aaaa.outcome === 'nxdomain') return noSuchName(resolver, host, 'A', options);
  return { status: 'no-address' };
}

/** RFC 7505 §3: exactly one MX record, preference 0, exchange "." (c-ares reports it as ""). */
export function isNullMx(records: { exchange: string; priority: number }[]): boolean {
  if (records.length !== 1) return false;
  const exchange = records[0].exchange.trim();
  return exchange === '' || exchange === '.';
}

/** NXDOMAIN, believed only when the resolver knows that the canary exists. */
async function noSuchName(resolver: DnsResolver, name: string, type: RecordType, options: LookupOptions): Promise<{ status: 'no-such-domain' } | { status: 'could-not-check'; unchecked: Unchecked }> {
  const doubt = await nxdomainDoubt(resolver, options);
  return doubt ? unchecked(name, type, doubt) : { status: 'no-such-domain' };
}

function unchecked(name: string, type: RecordType, reason: CouldNotCheckReason): { status: 'could-not-check'; unchecked: Unchecked } {
  return { status: 'could-not-check', unchecked: { name, type, reason } };
}
