// The rules as the CLI describes them (SARIF tool.driver.rules, --rule validation): the
// offline rules the engine runs and the DNS rules. Documentation links are the rule pages'
// web addresses (core/links.ts).
import { closest } from './closest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Severity } from '../core/types';
import { allRules } from '../registry/rules';
import type { RuleInfo } from './report';
import { ruleDocUrl } from '../core/links';
import { helpMarkdownOf } from './helpMarkdown';

let catalog: RuleInfo[] | undefined;

export function ruleCatalog(): RuleInfo[] {
  if (!catalog) {
    const seen = new Set<string>();
    catalog = [];
    for (const rule of allRules) {
      if (seen.has(rule.id)) continue;
      seen.add(rule.id);
      catalog.push({
        id: rule.id,
        defaultSeverity: rule.defaultSeverity as Severity,
        description: rule.description,
        helpUri: ruleDocUrl(rule.id),
        docs: rule.docs,
      });
    }
  }
  return catalog;
}

/** The rule's documentation page (markdown, links made absolute), from docs/ beside the bundle or the source tree. */
export function ruleHelpMarkdown(rule: RuleInfo): string | undefined {
  const root = docsRoot();
  if (!root || !rule.docs) return undefined;
  try {
    return helpMarkdownOf(rule.id, readFileSync(join(root, rule.docs), 'utf8'));
  } catch {
    return undefined;
  }
}

let root: string | null | undefined;
/** The folder that holds docs/rules: dist/.. for the bundle, four levels up for server/src/cli. */
function docsRoot(): string | undefined {
  if (root === undefined) {
    root = null;
    let folder = __dirname;
    for (let i = 0; i < 5; i++) {
      if (existsSync(join(folder, 'docs', 'rules'))) {
        root = folder;
        break;
      }
      folder = dirname(folder);
    }
  }
  return root ?? undefined;
}

/** The known rule id closest to a mistyped one, if any is close enough to be a typo. */
export function closestRuleId(id: string): string | undefined {
  return closest(id, ruleCatalog().map((rule) => rule.id));
}
