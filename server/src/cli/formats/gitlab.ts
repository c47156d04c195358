// GitLab Code Quality (a subset of Code Climate's issue format): a JSON array a job hands to
// GitLab as `artifacts: reports: codequality`, shown in the merge request widget and diff.
// The fingerprint leaves out the line, so a finding keeps its identity when lines above it
// move (GitLab then reports it as unchanged, not as fixed + new); a counter keeps identical
// findings in one file apart (GitLab drops issues with a repeated fingerprint).
import { createHash } from 'node:crypto';
import type { Severity } from '../../core/types';
import type { Report } from '../report';
import { escapeControlsInJson } from '../../core/visibleText';

export type GitlabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export function gitlabSeverity(severity: Severity): GitlabSeverity {
  return severity === 'error' ? 'major' : severity === 'warning' ? 'minor' : 'info';
}

export function formatGitlab(report: Report): string {
  const seen = new Map<string, number>();
  const issues = report.findings.map((f) => {
    const identity = JSON.stringify([f.file, f.ruleId, f.message]);
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    return {
      type: 'issue',
      description: `${f.constant !== undefined ? `${f.constant}: ` : ''}${f.message} (${f.ruleId})`,
      check_name: f.ruleId,
      fingerprint: createHash('sha256').update(`${identity}#${occurrence}`).digest('hex'),
      severity: gitlabSeverity(f.severity),
      location: { path: f.file, lines: { begin: f.line, end: f.endLine } },
    };
  });
  return `${escapeControlsInJson(JSON.stringify(issues, null, 2))}\n`;
}
