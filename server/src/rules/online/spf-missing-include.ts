// The sender domain publishes SPF, but not for the servers that send this app's mail:
// receivers see an unauthorised sender. For the Mendix mail servers that is include:_spf.mendix.com.
import { spfIncludes } from '../../dns/spf';
import type { OnlineRule } from '../../ruleKit/onlineRule';
import { senderOf, sendingServers } from '../../ruleKit/senderContext';
import { hardcodesMendixServers } from './spf-hardcoded-mendix-ips';

export const spfMissingInclude: OnlineRule = {
  id: 'spf-missing-include',
  defaultSeverity: 'warning',
  description: "The sender domain's SPF record does not include the SMTP provider in use (_spf.mendix.com for the Mendix mail servers).",
  needsNetwork: true,
  async check({ settings, dns, report }) {
    const sender = senderOf(settings);
    const servers = sendingServers(settings);
    if (!sender || !servers || isMailboxProviderDomain(sender.domain)) return;
    const policy = await dns.spf(sender.domain);
    // No SPF at all is not this rule's claim; "+all" lets every server through.
    if (!policy.record || policy.result === 'could-not-check' || policy.all === '+') return;
    if (servers.includes.some((include) => spfIncludes(policy, include))) return;
    if (servers.mendix && hardcodesMendixServers(policy)) return; // spf-hardcoded-mendix-ips says it better
    const include = servers.includes[0];
    const hint =
      servers.severity === 'hint'
        ? ` (A hint only: if ${servers.name} sends with its own bounce domain, receivers check that domain's SPF instead; set up the provider's custom return-path / domain authentication to align it.)`
        : '';
    report({
      range: sender.range,
      severity: servers.severity,
      message: `The SPF record of ${sender.domain} ("${policy.record}") does not include ${include}, which ${servers.name} needs to send as ${sender.domain}: add include:${include} before the "all".${hint}`,
    });
  },
};

// Sending as you@gmail.com or you@outlook.com: the provider's own domain, whose SPF the user
// neither controls nor needs to (it covers the provider's servers its own way).
const MAILBOX_PROVIDER_DOMAINS = ['gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com'];

function isMailboxProviderDomain(domain: string): boolean {
  return MAILBOX_PROVIDER_DOMAINS.some((d) => domain === d || domain.endsWith(`.${d}`));
}
