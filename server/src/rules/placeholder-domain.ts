// Real domains used as placeholders: somebody owns them and may read the mail (providers.md).
import type { Rule } from '../ruleKit/rule';
import { judgedAddresses, whoseAddress } from '../ruleKit/addressItems';
import { hasExactValueRange, valueSubRange } from '../ruleKit/support';
import { isPlaceholderDomain } from '../settings/addresses';

export const placeholderDomain: Rule = {
  id: 'placeholder-domain',
  defaultSeverity: 'warning',
  description: 'An address uses a real domain often taken as a placeholder (test.com, domain.com, …).',
  needsNetwork: false,
  check({ settings, report }) {
    for (const j of judgedAddresses(settings)) {
      if (!j.domain || !isPlaceholderDomain(j.domain) || j.problem) continue;
      const domainStart = j.item.start + j.item.text.lastIndexOf('@') + 1;
      const a = j.assignment;
      // the fix edits the domain in place; only where the value's text maps 1:1 to the file
      const fixes = hasExactValueRange(a)
        ? [{ title: `Replace ${j.domain} with example.com`, edits: [{ range: valueSubRange(a, domainStart, j.item.end), newText: 'example.com' }], safe: false }]
        : undefined;
      report({
        range: j.range,
        message: `${whoseAddress(j)} ${j.item.text} uses ${j.domain}, a real domain whose owner may read this mail; use your own domain, or example.com in examples.`,
        fixes,
      });
    }
  },
};
