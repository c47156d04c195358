// The JSON report: an array of findings, 1-based, `file` relative to the working directory.
import { escapeControlsInJson } from '../../core/visibleText';
import type { Report } from '../report';

export function formatJson(report: Report): string {
  const findings = report.findings.map(({ file, line, column, endLine, endColumn, severity, ruleId, message, constant }) => ({
    file,
    line,
    column,
    endLine,
    endColumn,
    severity,
    ruleId,
    message,
    ...(constant !== undefined ? { constant } : {}),
  }));
  return `${escapeControlsInJson(JSON.stringify(findings, null, 2))}\n`;
}
