// No DMARC record for the sender domain: large receivers (Gmail, Yahoo, Microsoft) expect
// one from bulk senders, and without it nobody reports spoofing or delivery failures.
import type { OnlineRule } from '../../ruleKit/onlineRule';
import { senderOf } from '../../ruleKit/senderContext';

export const dmarcMissing: OnlineRule = {
  id: 'dmarc-missing',
  defaultSeverity: 'info',
  description: 'The sender domain publishes no DMARC record (_dmarc.<domain> TXT "v=DMARC1; …").',
  needsNetwork: true,
  async check({ settings, dns, report }) {
    const sender = senderOf(settings);
    if (!sender) return;
    // A domain that does not exist is domain-not-found's finding; one that does not answer is not checked.
    // Asked together: the two answers do not depend on each other, and this is the longest chain.
    const [exists, dmarc] = await Promise.all([dns.mailDomain(sender.domain), dns.dmarc(sender.domain)]);
    if (exists.status === 'no-such-domain' || exists.status === 'could-not-check') return;
    if (dmarc.status !== 'missing') return;
    const asked = dmarc.asked.join(' nor ');
    const answer = dmarc.duplicate
      ? `${dmarc.duplicate} has more than one v=DMARC1 record, which receivers ignore`
      : `DNS has no v=DMARC1 record at ${asked}`;
    report({
      range: sender.range,
      message: `The sender domain ${sender.domain} has no DMARC policy: ${answer}. Publish one, for example TXT _dmarc.${sender.domain} "v=DMARC1; p=none; rua=mailto:dmarc-reports@${sender.domain}".`,
    });
  },
};
