// An address without `@domain` is rejected by every mail server (mendix-email.md §1).
import type { Rule } from '../ruleKit/rule';
import { judgedAddresses, whoseAddress } from '../ruleKit/addressItems';

export const addressWithoutDomain: Rule = {
  id: 'address-without-domain',
  defaultSeverity: 'error',
  description: 'An email address has no @domain.',
  needsNetwork: false,
  check({ settings, report }) {
    for (const j of judgedAddresses(settings)) {
      if (j.domain !== undefined && j.domain.trim().length > 0) continue;
      report({
        range: j.range,
        message: `${whoseAddress(j)} "${j.item.text}" has no @domain, so mail servers reject it; write the full address (name@your-domain).`,
      });
    }
  },
};
