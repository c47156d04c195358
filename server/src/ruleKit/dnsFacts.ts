// What the network rules know about names, asked once per run however many rules and
// scopes want it, and the list of what could not be checked (for the output channel).
import { checkDmarc, type DmarcStatus } from '../dns/dmarc';
import { checkMailDomain, resolveHost, type HostStatus, type MailDomainStatus, type Unchecked } from '../dns/domainExists';
import type { DnsResolver, LookupOptions } from '../dns/resolver';
import { checkSpf, type SpfPolicy } from '../dns/spf';

export interface DnsFacts {
  mailDomain(domain: string): Promise<MailDomainStatus>;
  host(host: string): Promise<HostStatus>;
  spf(domain: string): Promise<SpfPolicy>;
  dmarc(domain: string): Promise<DmarcStatus>;
  /** Every lookup that ended in timeout / SERVFAIL / refused / unreachable / budget, once each. */
  readonly unchecked: Unchecked[];
}

export function createDnsFacts(resolver: DnsResolver, options: LookupOptions = {}): DnsFacts {
  const unchecked = new Map<string, Unchecked>();
  const note = (items: Unchecked[]) => {
    for (const u of items) unchecked.set(`${u.type} ${u.name}`, u);
  };
  const memo = <T>(ask: (name: string) => Promise<T>, collect: (result: T) => Unchecked[]) => {
    const answers = new Map<string, Promise<T>>();
    return (raw: string): Promise<T> => {
      const name = raw.toLowerCase().replace(/\.$/, '');
      let answer = answers.get(name);
      if (!answer) {
        answer = ask(name).then((result) => {
          note(collect(result));
          return result;
        });
        answers.set(name, answer);
      }
      return answer;
    };
  };
  const single = (r: { status: string; unchecked?: Unchecked }) => (r.status === 'could-not-check' && r.unchecked ? [r.unchecked] : []);
  return {
    mailDomain: memo((d) => checkMailDomain(resolver, d, options), single),
    host: memo((h) => resolveHost(resolver, h, options), single),
    spf: memo((d) => checkSpf(resolver, d, options), (p) => p.unchecked),
    dmarc: memo((d) => checkDmarc(resolver, d, options), single),
    get unchecked() {
      return [...unchecked.values()];
    },
  };
}
