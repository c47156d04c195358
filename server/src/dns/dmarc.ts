// DMARC (RFC 7489 §6.1, §6.6.3): the policy is a TXT record "v=DMARC1; …" at
// _dmarc.<from domain>; when there is none, receivers look at the organizational domain.
// Without the Public Suffix List we approximate that domain (see organizationalDomain).
import type { Unchecked } from './domainExists';
import type { DnsResolver, LookupOptions } from './resolver';

export type DmarcStatus =
  | { status: 'found'; name: string; record: string; policy?: string }
  /** No usable record at the domain nor at its organizational domain. */
  | { status: 'missing'; asked: string[]; duplicate?: string }
  | { status: 'could-not-check'; unchecked: Unchecked };

export function isDmarcRecord(txt: string): boolean {
  return /^v\s*=\s*DMARC1\s*(;|$)/.test(txt.trim());
}

export async function checkDmarc(resolver: DnsResolver, domain: string, options: LookupOptions = {}): Promise<DmarcStatus> {
  const own = domain.toLowerCase().replace(/\.$/, '');
  const candidates = [own];
  const organizational = organizationalDomain(own);
  if (organizational !== own) candidates.push(organizational);
  let duplicate: string | undefined;
  for (const candidate of candidates) {
    const name = `_dmarc.${candidate}`;
    const txt = await resolver.lookup(name, 'TXT', options);
    if (txt.outcome === 'could-not-check') return { status: 'could-not-check', unchecked: { name, type: 'TXT', reason: txt.reason } };
    const records = txt.outcome === 'answer' ? txt.records.filter(isDmarcRecord) : [];
    if (records.length === 1) {
      const policy = /(?:^|;)\s*p\s*=\s*([a-z]+)/i.exec(records[0])?.[1]?.toLowerCase();
      return { status: 'found', name, record: records[0], policy };
    }
    // §6.6.3: more than one record means no DMARC at all.
    if (records.length > 1) duplicate ??= name;
  }
  return { status: 'missing', asked: candidates.map((c) => `_dmarc.${c}`), duplicate };
}

/**
 * The registrable domain, approximated without the Public Suffix List: the last two
 * labels, or three when the second-level label is a common registry suffix under a
 * country code (`co.uk`, `com.au`). A wrong guess only means one extra lookup.
 */
export function organizationalDomain(domain: string): string {
  const labels = domain.split('.');
  if (labels.length <= 2) return domain;
  const [second, top] = labels.slice(-2);
  const countrySuffix = top.length === 2 && /^(co|com|net|org|ac|gov|edu|or|ne|go|gv|mil)$/.test(second);
  return labels.slice(countrySuffix ? -3 : -2).join('.');
}
