// What a check run hands to the formatters: findings already translated from 0-based LSP
// positions to the 1-based lines and columns a terminal, a JSON consumer and SARIF expect.
import type { Finding, Severity } from '../core/types';

export interface ReportedFinding {
  /** relative to the working directory, with `/` separators */
  file: string;
  /** 1-based */
  line: number;
  /** 1-based, UTF-16 code units like the editor */
  column: number;
  endLine: number;
  /** 1-based, exclusive (the column after the last character) */
  endColumn: number;
  severity: Severity;
  ruleId: string;
  message: string;
  /** the constant the finding is on, for a Mendix Cloud environment (`file` is then `mendix-cloud://<AppId>/<Mode>`) */
  constant?: string;
}

/** A finding as the formatters take it: 1-based lines and columns, the file as shown. */
export function reportedFinding(file: string, f: Finding, constant?: string): ReportedFinding {
  return {
    file,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    severity: f.severity,
    ruleId: f.ruleId,
    message: f.message,
    ...(constant ? { constant } : {}),
  };
}

/** A file that could not be checked; makes the exit code 2. */
export interface RunProblem {
  /** relative to the working directory, with `/` separators */
  file: string;
  message: string;
}

/** Rule metadata the SARIF output describes its rules with. */
export interface RuleInfo {
  id: string;
  defaultSeverity: Severity;
  description: string;
  /** absolute URL of the rule's documentation page, when there is one */
  helpUri?: string;
  /** repository-relative documentation page: `docs/rules/<id>.md` */
  docs?: string;
  /** the documentation page's markdown, filled in for SARIF only */
  helpMarkdown?: string;
}

export interface Report {
  findings: ReportedFinding[];
  problems: RunProblem[];
  /** how many files were checked (supported and read) */
  filesChecked: number;
  rules: RuleInfo[];
  /** absolute working directory the `file` fields are relative to */
  cwd: string;
  toolVersion: string;
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
  hint: number;
}

export function countBySeverity(findings: readonly ReportedFinding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/**
 * Files in path order, so output is stable from run to run; within a file the findings keep
 * the engine's order (engine/policy.ts, the editor's too), as Array.prototype.sort is stable.
 */
export function compareFiles(a: ReportedFinding, b: ReportedFinding): number {
  return a.file === b.file ? 0 : a.file < b.file ? -1 : 1;
}
