// `gmial.com`, `hotmail.con`: one slip and the mail goes to somebody else's domain, or nowhere.
// Compared with a short list of common mail domains (one insertion, deletion, substitution or
// swap of neighbours away); placeholder domains have their own rule. Short names (aol.com,
// live.com) are left out: too many real domains are one edit away from them. Real mail domains
// that happen to be one edit away (hotmail.be, ymail.com) are never typos.
import type { Rule } from '../ruleKit/rule';
import { judgedAddresses, whoseAddress } from '../ruleKit/addressItems';
import { hasExactValueRange, valueSubRange } from '../ruleKit/support';
import { isPlaceholderDomain, mailboxProblem, normalizeDomain } from '../settings/addresses';
import { REAL_MAIL_DOMAINS } from '../settings/realMailDomains';

export const COMMON_MAIL_DOMAINS: readonly string[] = [
  'gmail.com', 'googlemail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'icloud.com',
  'protonmail.com', 'yahoo.co.uk', 'hotmail.co.uk', 'outlook.de', 'hotmail.de', 'hotmail.fr',
  'yahoo.fr', 'yahoo.de', 'mendix.com',
];
const COMMON = new Set(COMMON_MAIL_DOMAINS);

/** true when `a` and `b` differ by exactly one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  // compare the tails after the first difference without building strings
  const tailEquals = (x: string, xi: number, y: string, yi: number) => {
    if (x.length - xi !== y.length - yi) return false;
    for (; xi < x.length; xi++, yi++) if (x.charCodeAt(xi) !== y.charCodeAt(yi)) return false;
    return true;
  };
  if (tailEquals(a, i + 1, b, i + 1)) return true; // substitution
  if (tailEquals(a, i + 1, b, i) || tailEquals(a, i, b, i + 1)) return true; // deletion / insertion
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && tailEquals(a, i + 2, b, i + 2); // swap
}

// Addresses repeat across scopes and edits: remember the answer per domain (bounded). Module-level,
// yet no hidden state: the answer depends on the domain and the fixed lists above alone (no
// DNS, no settings), so every caller gets the same one and nothing ever needs it reset.
const answers = new Map<string, string | undefined>();

/** The common domain this one is a slip of, or undefined. */
export function likelyIntendedDomain(domain: string): string | undefined {
  const d = normalizeDomain(domain);
  if (answers.has(d)) return answers.get(d);
  let answer: string | undefined;
  if (!COMMON.has(d) && !REAL_MAIL_DOMAINS.has(d) && !isPlaceholderDomain(d)) answer = COMMON_MAIL_DOMAINS.find((common) => withinOneEdit(d, common));
  if (answers.size > 5000) answers.clear();
  answers.set(d, answer);
  return answer;
}

export const domainTypo: Rule = {
  id: 'domain-typo',
  defaultSeverity: 'info',
  description: 'An address domain is one typo away from a common mail domain (gmial.com → gmail.com).',
  needsNetwork: false,
  check({ settings, report }) {
    for (const j of judgedAddresses(settings)) {
      if (!j.domain || mailboxProblem(j.item.text)) continue;
      const intended = likelyIntendedDomain(j.domain);
      if (!intended) continue;
      const a = j.assignment;
      const domainStart = j.item.start + j.item.text.lastIndexOf('@') + 1;
      report({
        range: j.range,
        message: `${whoseAddress(j)} ${j.item.text} uses ${j.domain}; did you mean ${intended}?`,
        fixes: hasExactValueRange(a)
          ? [{ title: `Replace ${j.domain} with ${intended}`, edits: [{ range: valueSubRange(a, domainStart, j.item.end), newText: intended }], safe: false }]
          : undefined,
      });
    }
  },
};
