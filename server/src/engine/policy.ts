// What the user decides about findings, in one place for the offline and the DNS rules
// alike: which severity a rule gets (four layers), which findings a disable comment removes,
// that the same finding is reported once, and the order findings are listed in.
import type { CheckOptions } from '../core/settings';
import type { Finding, Range, Severity, SeveritySetting, SuppressionComment } from '../core/types';
import { fileRuleSeverity } from '../config/fileRules';

/**
 * The configured severity of a rule for a file, undefined = not configured. The layers, first
 * that names the rule wins: the CLI's `--rule`, the project config's `files` entries that match
 * `path`, its `rules`, the editor settings `mendixEmail.rules`.
 */
export function configuredSeverity(ruleId: string, options: CheckOptions, path?: string): SeveritySetting | undefined {
  const fromCommandLine = options.commandLineRules?.[ruleId];
  if (fromCommandLine !== undefined) return fromCommandLine;
  const loaded = options.projectConfig;
  const forFile = loaded && path !== undefined ? fileRuleSeverity(loaded, path, ruleId) : undefined;
  return forFile ?? loaded?.config.rules?.[ruleId] ?? options.ruleSeverities?.[ruleId];
}

/** The severity a finding gets: the configured one, else the rule's own for this finding, else the rule's default. */
export function severityOf(configured: SeveritySetting | undefined, reported: Severity | undefined, ruleDefault: Severity): Severity {
  return configured && configured !== 'off' ? configured : (reported ?? ruleDefault);
}

/**
 * The findings a user sees: without those a disable comment covers, each finding once (two
 * scopes reading the same env_file report the same thing at the same place), sorted.
 */
export function applyPolicy(findings: Finding[], suppressions: readonly SuppressionComment[] = []): Finding[] {
  return sortFindings(withoutDuplicates(withoutSuppressed(findings, suppressions)));
}

/** `# mendix-email-disable-next-line id[, id]` removes those rules' findings starting on the next line (no ids: all). */
function withoutSuppressed(findings: Finding[], suppressions: readonly SuppressionComment[]): Finding[] {
  if (suppressions.length === 0) return findings;
  const byLine = new Map<number, Set<string> | 'all'>();
  for (const s of suppressions) {
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

function rangeKey(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** The first of findings with the same rule, range and message (it keeps its fixes). */
function withoutDuplicates(findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}\u0000${rangeKey(f.range)}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Position in the file, then severity, then rule id: the one order of the editor and the CLI. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(compareFindings);
}

/** Offline and DNS findings of one file as one list, under the same policy. */
export function mergeFindings(offline: readonly Finding[], online: readonly Finding[], suppressions: readonly SuppressionComment[] = []): Finding[] {
  return applyPolicy([...offline, ...online], suppressions);
}
