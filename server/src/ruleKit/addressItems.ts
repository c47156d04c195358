// Every address the rules judge in a scope: the sender (from) and the other address constants.
import type { Assignment } from '../core/types';
import type { MailSettings } from '../core/settings';
import { mailboxProblem, splitAddress } from '../settings/addresses';
import { DEFAULT_SEPARATORS, parseAddressList, recipientSeparatorsIn, type AddressItem } from '../settings/values';
import { valueSubRange } from './support';
import type { Range } from '../core/types';

export interface JudgedAddress {
  assignment: Assignment;
  item: AddressItem;
  local: string;
  domain: string | undefined;
  /** true for the from address (sender), false for recipients and other address constants */
  isSender: boolean;
  /** a sender other than the scope's first (a second constant in the from role): named in messages */
  otherSender: boolean;
  /** where the address sits in the file */
  range: Range;
  /** what makes it an invalid mailbox address (mailboxProblem), computed once for every rule */
  problem: string | undefined;
}

// Five rules walk the same addresses; parse them once per scope (keyed by the scope's settings
// object, made anew by each check and gone with it: nothing for a caller to own or reset).
const cache = new WeakMap<MailSettings, JudgedAddress[]>();

/** Literal addresses only: references (`${VAR}`) and empty values are not judged. */
export function judgedAddresses(settings: MailSettings): JudgedAddress[] {
  const cached = cache.get(settings);
  if (cached) return cached;
  const out: JudgedAddress[] = [];
  // an app that sets its own list separator (Email Module with Templates) splits its recipient
  // lists on it too; a sender is read as the test send reads it (values.ts recipientSeparatorsIn)
  const recipientSeparators = recipientSeparatorsIn(settings.effective);
  const add = (a: Assignment | undefined, isSender: boolean, otherSender = false) => {
    if (!a || a.valueKind !== 'literal') return;
    for (const item of parseAddressList(a.value, isSender ? DEFAULT_SEPARATORS : recipientSeparators)) {
      const { local, domain } = splitAddress(item.text);
      out.push({ assignment: a, item, local, domain, isSender, otherSender, range: valueSubRange(a, item.start, item.end), problem: mailboxProblem(item.text) });
    }
  };
  add(settings.roles.from, true);
  for (const a of settings.alsoInRole.from ?? []) add(a, true, true);
  for (const a of settings.addresses) add(a, false);
  cache.set(settings, out);
  return out;
}

/** "The sender address" / "The address in Module.Name", for messages. */
export function whoseAddress(j: JudgedAddress): string {
  if (j.isSender) return j.otherSender ? `The sender address in ${j.assignment.name}` : 'The sender address';
  return `The address in ${j.assignment.name}`;
}
