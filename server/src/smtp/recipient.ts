// Checks the test recipient with the same address rules the linter uses: an address
// without a domain is refused; a reserved or placeholder domain needs a "send anyway".
import { isPlaceholderDomain, mailboxProblem, reservedDomainReason, splitAddress } from '../settings/addresses';

export type RecipientVerdict =
  | { kind: 'ok' }
  /** cannot be sent to at all */
  | { kind: 'refuse'; reason: string }
  /** can be sent to, but probably should not: ask first */
  | { kind: 'confirm'; reason: string };

export function checkRecipient(input: string): RecipientVerdict {
  const address = input.trim();
  if (!address) return { kind: 'refuse', reason: 'enter the address to send the test message to' };
  if (/[,;]/.test(address)) return { kind: 'refuse', reason: 'enter one address only' };
  const { domain } = splitAddress(address);
  if (domain === undefined || domain === '') return { kind: 'refuse', reason: `"${address}" has no domain: an address needs @ and a domain (name@example.org)` };
  const problem = mailboxProblem(address);
  if (problem) return { kind: 'refuse', reason: `"${address}" is not a valid address: ${problem}` };
  const reserved = reservedDomainReason(domain);
  if (reserved) return { kind: 'confirm', reason: `${reserved}: mail to ${address} will not be delivered anywhere` };
  if (isPlaceholderDomain(domain)) return { kind: 'confirm', reason: `${domain} is a real domain often used as a placeholder: somebody else may receive this test mail` };
  return { kind: 'ok' };
}
