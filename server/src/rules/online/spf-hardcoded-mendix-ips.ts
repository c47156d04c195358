// The sender domain authorises the Mendix mail servers by IP address instead of
// include:_spf.mendix.com; Mendix changes those addresses, and then the mail fails SPF.
import { spfIncludes, type SpfPolicy } from '../../dns/spf';
import { MENDIX_MAIL_SERVERS } from '../../settings/providers';
import type { OnlineRule } from '../../ruleKit/onlineRule';
import { senderOf, sendingServers } from '../../ruleKit/senderContext';

/** The policy lists ip4:/ip6: but does not include the Mendix SPF record. */
export function hardcodesMendixServers(policy: SpfPolicy): boolean {
  return policy.listedAddresses.length > 0 && !spfIncludes(policy, MENDIX_MAIL_SERVERS.spfInclude);
}

export const spfHardcodedMendixIps: OnlineRule = {
  id: 'spf-hardcoded-mendix-ips',
  defaultSeverity: 'warning',
  description: 'The sender domain lists IP addresses in SPF instead of include:_spf.mendix.com while the Mendix mail servers send the mail.',
  needsNetwork: true,
  async check({ settings, dns, report }) {
    const sender = senderOf(settings);
    const servers = sendingServers(settings);
    if (!sender || !servers?.mendix) return;
    const policy = await dns.spf(sender.domain);
    if (!policy.record || policy.result === 'could-not-check' || !hardcodesMendixServers(policy)) return;
    const listed = policy.listedAddresses.slice(0, 4).join(' ') + (policy.listedAddresses.length > 4 ? ' …' : '');
    report({
      range: sender.range,
      message: `The SPF record of ${sender.domain} lists addresses (${listed}) but not include:${MENDIX_MAIL_SERVERS.spfInclude}. The Mendix mail servers' addresses change: replace the addresses of Mendix's servers with include:${MENDIX_MAIL_SERVERS.spfInclude}.`,
    });
  },
};
