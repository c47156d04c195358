// An address with a domain that is still not a mailbox address (spaces, two @, bad labels…).
import type { Rule } from '../ruleKit/rule';
import { judgedAddresses, whoseAddress } from '../ruleKit/addressItems';

export const invalidAddress: Rule = {
  id: 'invalid-address',
  defaultSeverity: 'error',
  description: 'An email address is not a valid mailbox address.',
  needsNetwork: false,
  check({ settings, report }) {
    for (const j of judgedAddresses(settings)) {
      if (j.domain === undefined || j.domain.trim().length === 0) continue;
      const problem = j.problem;
      if (!problem) continue;
      report({ range: j.range, message: `${whoseAddress(j)} "${j.item.text}" is not a valid address because ${problem}; correct it.` });
    }
  },
};
