// The sender domain's SPF policy is a permerror: receivers treat it as if it were broken,
// and under DMARC the mail fails SPF.
import { describeSpfProblem } from '../../dns/spf';
import type { OnlineRule } from '../../ruleKit/onlineRule';
import { senderOf } from '../../ruleKit/senderContext';

export const spfInvalid: OnlineRule = {
  id: 'spf-invalid',
  defaultSeverity: 'error',
  description: "The sender domain's SPF record is a permerror: two records, over 10 lookups, over 2 void lookups, or a syntax error.",
  needsNetwork: true,
  async check({ settings, dns, report }) {
    const sender = senderOf(settings);
    if (!sender) return;
    const policy = await dns.spf(sender.domain);
    if (policy.result !== 'permerror') return;
    const reasons = policy.problems.map(describeSpfProblem).join('; ');
    report({
      range: sender.range,
      message: `The SPF policy of ${sender.domain} is broken (permerror), so receivers cannot use it to accept this sender's mail: ${reasons}. Fix the domain's DNS TXT record.`,
    });
  },
};
