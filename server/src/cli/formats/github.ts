// GitHub Actions workflow commands: one `::error …::message` line per finding, which the
// runner turns into annotations on the pull request's changed files — no code scanning
// (and no SARIF upload permission) needed. Escaping follows @actions/core's
// toCommandValue/escapeProperty, so a message can never end the command early or forge another.
import type { Severity } from '../../core/types';
import type { Report } from '../report';
import { escapeControls } from '../../core/visibleText';

type Command = 'error' | 'warning' | 'notice';

export function githubCommand(severity: Severity): Command {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'notice';
}

/**
 * A command's message: `%`, CR and LF would end the command or the line; other control
 * characters (ESC sequences, bidi overrides) are shown escaped, as in every text output.
 */
export function escapeData(text: string): string {
  return escapeControls(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** A property value (file, title): also `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(report: Report): string {
  const lines = report.findings.map((f) => {
    // GitHub's endColumn is the last column of the annotation (inclusive); ours is the one after it
    const endColumn = f.endLine === f.line ? Math.max(f.column, f.endColumn - 1) : f.endColumn;
    const properties = [
      `file=${escapeProperty(f.file)}`,
      `line=${f.line}`,
      `col=${f.column}`,
      `endLine=${f.endLine}`,
      `endColumn=${endColumn}`,
      `title=${escapeProperty(f.ruleId)}`,
    ];
    // a Mendix Cloud environment's finding names its constant (the file is mendix-cloud://…)
    const message = f.constant !== undefined ? `${f.constant}: ${f.message}` : f.message;
    return `::${githubCommand(f.severity)} ${properties.join(',')}::${escapeData(message)}`;
  });
  // a file that could not be read fails the run (exit 2): say so where the file is
  for (const p of report.problems) lines.push(`::error file=${escapeProperty(p.file)},title=mendix-email::${escapeData(p.message)}`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}
