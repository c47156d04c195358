// An address whose domain cannot receive mail, or an SMTP host that does not resolve.
// Only a definite DNS answer (NXDOMAIN, no records, null MX) is reported; a timeout is not.
import type { MailDomainStatus } from '../../dns/domainExists';
import { whoseAddress } from '../../ruleKit/addressItems';
import type { OnlineRule } from '../../ruleKit/onlineRule';
import { askableAddresses, askableHost } from '../../ruleKit/senderContext';

export const domainNotFound: OnlineRule = {
  id: 'domain-not-found',
  defaultSeverity: 'warning',
  description: 'An address domain or the SMTP host does not exist in DNS, or the domain takes no mail (null MX).',
  needsNetwork: true,
  async check({ settings, dns, report }) {
    const host = askableHost(settings);
    const hostCheck = host
      ? dns.host(host.host).then((status) => {
          if (status.status === 'no-such-domain') {
            report({ range: host.range, message: `The SMTP host ${host.host} does not exist: DNS answered "no such domain" (NXDOMAIN). Check the spelling of the host name.` });
          } else if (status.status === 'no-address') {
            report({ range: host.range, message: `The SMTP host ${host.host} has no address: DNS has no A or AAAA record for it. Check the host name your provider gave you.` });
          }
        })
      : Promise.resolve();
    const addressChecks = askableAddresses(settings).map(async ({ address, domain }) => {
      const message = problem(await dns.mailDomain(domain), domain);
      if (message) report({ range: address.range, message: `${whoseAddress(address)} ${address.item.text}: ${message}` });
    });
    await Promise.all([hostCheck, ...addressChecks]);
  },
};

function problem(status: MailDomainStatus, domain: string): string | undefined {
  switch (status.status) {
    case 'no-such-domain':
      return `the domain ${domain} does not exist (DNS answered NXDOMAIN), so mail to or from it bounces. Check the spelling.`;
    case 'no-mail-records':
      return `the domain ${domain} has no MX, A or AAAA record, so mail for it has nowhere to go. Use an address at a domain that receives mail.`;
    case 'null-mx':
      return `the domain ${domain} publishes a null MX ("0 ."): it accepts no mail (RFC 7505). Use an address that can receive replies and bounces.`;
    default:
      return undefined;
  }
}
