// A no-reply sender: replies and delivery errors go nowhere (mendix-email.md §1).
import type { Rule } from '../ruleKit/rule';
import { judgedAddresses } from '../ruleKit/addressItems';
import { isNoReplyLocalPart } from '../settings/addresses';

export const senderNoreply: Rule = {
  id: 'sender-noreply',
  defaultSeverity: 'warning',
  description: 'The from address is a no-reply name, so bounces and replies are lost.',
  needsNetwork: false,
  check({ settings, report }) {
    for (const j of judgedAddresses(settings)) {
      if (!j.isSender || j.domain === undefined || !isNoReplyLocalPart(j.local)) continue;
      report({
        range: j.range,
        message: `The sender ${j.item.text} is a no-reply address, so bounces and replies go unread; send from a real mailbox that someone reads.`,
      });
    }
  },
};
