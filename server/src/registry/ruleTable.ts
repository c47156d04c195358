// The README's rule table, rendered from the rule metadata so the two cannot drift apart.
import type { RuleMeta } from '../ruleKit/rule';
import { allRules } from './rules';

/** Every rule the README lists: the offline rules, then the network rules. */
export const allRuleMetas: readonly RuleMeta[] = allRules;

export const TABLE_START = '<!-- rules:start -->';
export const TABLE_END = '<!-- rules:end -->';

/** Markdown table: id linked to its docs page, default severity, network, description. */
export function renderRuleTable(metas: readonly RuleMeta[] = allRuleMetas): string {
  const lines = ['| rule | default | network | what it reports |', '| --- | --- | --- | --- |'];
  for (const r of metas) {
    lines.push(`| [\`${r.id}\`](${r.docs}) | ${r.defaultSeverity} | ${r.needsNetwork ? 'yes' : 'no'} | ${r.description.replace(/\|/g, '\\|')} |`);
  }
  return lines.join('\n');
}

/** The text with the block between the markers replaced; undefined when the markers are missing. */
export function replaceRuleTable(text: string, table: string = renderRuleTable()): string | undefined {
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  if (start < 0 || end < start) return undefined;
  return `${text.slice(0, start + TABLE_START.length)}\n${table}\n${text.slice(end)}`;
}
