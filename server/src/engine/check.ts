// The one entry point the editor and the CLI share: file text → reader → mail settings per
// scope → rules → findings (severity applied, suppressions removed, sorted).
import type { Finding, ReadResult, Severity, SeveritySetting } from '../core/types';
import type { CheckInput, CheckOptions, CheckResult, MailSettings } from '../core/settings';
import { readSettingsFile } from '../sources/index';
import { buildMailSettings } from '../settings/mailSettings';
import { resolveTarget } from '../settings/target';
import { rules as allRules } from '../rules/index';
import type { Report, Rule } from '../rules/rule';
import { withEnvFiles, withoutFixesOnEnvFiles } from './envFiles';
import { fileRuleSeverity } from '../config/fileRules';

/** Checks one document; undefined when it is not a settings file this extension understands. */
export function checkDocument(input: CheckInput, options: CheckOptions = {}): CheckResult | undefined {
  const read = readSettingsFile(input.path, input.text, input.languageId);
  if (!read) return undefined;
  return withoutFixesOnEnvFiles(checkRead(withEnvFiles(read, input.path, options), input.path, options, allRules, input.text));
}

/**
 * The part after the reader: also what tests drive with hand-built ReadResults. `text` (the
 * checked text) lets fixes that rewrite syntax see the commas and indentation around an entry.
 */
export function checkRead(read: ReadResult, path: string, options: CheckOptions = {}, rules: readonly Rule[] = allRules, text?: string): CheckResult {
  const target = resolveTarget(read, path, options);
  const roleMapping = options.projectConfig?.config.roles;
  const settings: MailSettings[] = read.scopes.map((scope) => buildMailSettings(scope, target, roleMapping));
  const findings: Finding[] = [];
  const known = new Set<string>();

  for (const rule of rules) {
    known.add(rule.id);
    const configured = configuredSeverity(rule.id, options, path);
    if (configured === 'off') continue;
    const report = (r: Report) => {
      findings.push({
        ruleId: rule.id,
        severity: configured ?? r.severity ?? rule.defaultSeverity,
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
    findings.push({ ruleId: p.ruleId, severity: configured ?? 'error', range: p.range, message: p.message });
  }

  return { read, settings, findings: sortFindings(withoutSuppressed(findings, read)) };
}

/**
 * The project config file wins over the editor / CLI settings, and in it an entry of `files`
 * matching `path` wins over `rules`; undefined = not configured.
 */
export function configuredSeverity(ruleId: string, options: CheckOptions, path?: string): SeveritySetting | undefined {
  const loaded = options.projectConfig;
  const forFile = loaded && path !== undefined ? fileRuleSeverity(loaded, path, ruleId) : undefined;
  return forFile ?? loaded?.config.rules?.[ruleId] ?? options.ruleSeverities?.[ruleId];
}

/** `# mendix-email-disable-next-line id[, id]` removes those rules' findings starting on the next line (no ids: all). */
function withoutSuppressed(findings: Finding[], read: ReadResult): Finding[] {
  if (read.suppressions.length === 0) return findings;
  const byLine = new Map<number, Set<string> | 'all'>();
  for (const s of read.suppressions) {
    if (s.ruleIds.length === 0) {
      byLine.set(s.line, 'all');
      continue;
    }
    const current = byLine.get(s.line);
    if (current === 'all') continue;
    const ids = current ?? new Set<string>();
    for (const id of s.ruleIds) ids.add(id);
    byLine.set(s.line, ids);
  }
  return findings.filter((f) => {
    const ids = byLine.get(f.range.start.line);
    return !(ids === 'all' || ids?.has(f.ruleId));
  });
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Position in the file, then severity, then rule id: stable for the editor and the CLI. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}
