// The check the editor and the CLI share: prepare() (read, env files, target, mail settings),
// then the rules, then the policy (severity, suppression, de-duplication, order).
import type { Finding, ReadResult } from '../core/types';
import type { CheckInput, CheckOptions, CheckResult } from '../core/settings';
import { rules as allRules } from '../registry/rules';
import type { Report, Rule } from '../ruleKit/rule';
import { withoutFixesOnEnvFiles } from './envFiles';
import { applyPolicy, configuredSeverity, severityOf } from './policy';
import { prepare, prepareRead, type Prepared } from './prepare';

/** Checks one document; undefined when it is not a settings file this extension understands. */
export function checkDocument(input: CheckInput, options: CheckOptions = {}): CheckResult | undefined {
  const prepared = prepare(input, options);
  return prepared && withoutFixesOnEnvFiles(check(prepared, options));
}

/**
 * The part after the reader: also what tests drive with hand-built ReadResults. `text` (the
 * checked text) lets fixes that rewrite syntax see the commas and indentation around an entry.
 */
export function checkRead(read: ReadResult, path: string, options: CheckOptions = {}, rules: readonly Rule[] = allRules, text?: string): CheckResult {
  return check(prepareRead(read, path, options, text), options, rules);
}

/** The rules over a prepared file, under the policy. */
export function check(prepared: Prepared, options: CheckOptions = {}, rules: readonly Rule[] = allRules): CheckResult {
  const { read, settings, path, text, target } = prepared;
  const findings: Finding[] = [];
  const known = new Set<string>();

  for (const rule of rules) {
    known.add(rule.id);
    const configured = configuredSeverity(rule.id, options, path);
    if (configured === 'off') continue;
    const report = (r: Report) => {
      findings.push({
        ruleId: rule.id,
        severity: severityOf(configured, r.severity, rule.defaultSeverity),
        range: r.range,
        message: r.message,
        ...(r.fixes && r.fixes.length > 0 ? { fixes: r.fixes } : {}),
      });
    };
    // a rule that trips over odd input loses its findings for this file, never the whole check
    try {
      rule.checkFile?.({ read, settings, path, text, options, report });
      if (rule.check) for (const s of settings) rule.check({ settings: s, read, path, text, options, report });
    } catch {
      continue;
    }
  }

  // reader problems whose rule is not in the list still reach the user
  for (const p of read.problems) {
    if (known.has(p.ruleId)) continue;
    const configured = configuredSeverity(p.ruleId, options, path);
    if (configured === 'off') continue;
    findings.push({ ruleId: p.ruleId, severity: severityOf(configured, undefined, 'error'), range: p.range, message: p.message });
  }

  return { path, read, settings, target, findings: applyPolicy(findings, read.suppressions) };
}

export { configuredSeverity, sortFindings } from './policy';
