// `gmial.com`, `hotmail.con`: one slip and the mail goes to somebody else's domain, or nowhere.
// Compared with a short list of common mail domains (one insertion, deletion, substitution or
// swap of neighbours away); placeholder domains have their own rule. Short names (aol.com,
// live.com) are left out: too many real domains are one edit away from them.
import { docsPath, type Rule } from './rule';
import { judgedAddresses, whoseAddress } from './addressItems';
import { hasExactValueRange, valueSubRange } from './support';
import { isPlaceholderDomain, mailboxProblem, normalizeDomain } from '../settings/addresses';

export const COMMON_MAIL_DOMAINS: readonly string[] = [
  'gmail.com', 'googlemail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'icloud.com',
  'protonmail.com', 'yahoo.co.uk', 'hotmail.co.uk', 'outlook.de', 'hotmail.de', 'hotmail.fr',
  'yahoo.fr', 'yahoo.de', 'mendix.com',
];
const COMMON = new Set(COMMON_MAIL_DOMAINS);

/** Optimal string alignment distance, stopping early once it exceeds 1. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const restA = a.slice(i);
  const restB = b.slice(i);
  if (restA.slice(1) === restB.slice(1)) return true; // substitution
  if (restA.slice(1) === restB || restA === restB.slice(1)) return true; // deletion / insertion
  return restA.length >= 2 && restA[0] === restB[1] && restA[1] === restB[0] && restA.slice(2) === restB.slice(2); // swap
}

/** The common domain this one is a slip of, or undefined. */
export function likelyIntendedDomain(domain: string): string | undefined {
  const d = normalizeDomain(domain);
  if (COMMON.has(d) || isPlaceholderDomain(d)) return undefined;
  for (const common of COMMON_MAIL_DOMAINS) {
    if (withinOneEdit(d, common)) return common;
  }
  return undefined;
}

export const domainTypo: Rule = {
  id: 'domain-typo',
  defaultSeverity: 'info',
  description: 'An address domain is one typo away from a common mail domain (gmial.com → gmail.com).',
  docs: docsPath('domain-typo'),
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
