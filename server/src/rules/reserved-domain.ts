// Reserved and single-label domains never receive mail (RFC 2606, RFC 6761; providers.md).
import type { Rule } from '../ruleKit/rule';
import { judgedAddresses, whoseAddress } from '../ruleKit/addressItems';
import { reservedDomainReason } from '../settings/addresses';

export const reservedDomain: Rule = {
  id: 'reserved-domain',
  defaultSeverity: 'error',
  description: 'An address uses a reserved or single-label domain that never receives mail (error for the sender, warning otherwise).',
  needsNetwork: false,
  check({ settings, report }) {
    for (const j of judgedAddresses(settings)) {
      if (!j.domain || j.problem) continue;
      const reason = reservedDomainReason(j.domain);
      if (!reason) continue;
      report({
        range: j.range,
        severity: j.isSender ? 'error' : 'warning',
        message: `${whoseAddress(j)} ${j.item.text} can never receive mail: ${reason}; use an address at a real domain.`,
      });
    }
  },
};
