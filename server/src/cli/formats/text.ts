// ESLint's "stylish" layout: the file, then one aligned row per finding
// (line:col, severity, message, rule id), then a summary line.
import { escapeControls } from '../../core/visibleText';
import { countBySeverity, type Report, type ReportedFinding } from '../report';

export interface Colors {
  underline(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  green(text: string): string;
  bold(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
export const ANSI: Colors = {
  underline: wrap(4, 24),
  dim: wrap(2, 22),
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  blue: wrap(34, 39),
  green: wrap(32, 39),
  bold: wrap(1, 22),
};
const same = (text: string) => text;
export const PLAIN: Colors = { underline: same, dim: same, red: same, yellow: same, blue: same, green: same, bold: same };

export function formatText(report: Report, colors: Colors): string {
  const byFile = new Map<string, ReportedFinding[]>();
  for (const finding of report.findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }

  const out: string[] = [];
  for (const [file, findings] of byFile) {
    // file names and messages (which quote values) come from the files: escaped before colouring
    out.push('', colors.underline(escapeControls(file)));
    const rows = findings.map((f) => [`${f.line}:${f.column}`, f.severity, escapeControls(oneLine(f.constant !== undefined ? `${f.constant}: ${f.message}` : f.message)), escapeControls(f.ruleId)]);
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
    rows.forEach((row, i) => {
      const [where, severity, message, ruleId] = row;
      out.push(
        `  ${colors.dim(where.padEnd(widths[0]))}  ${paint(findings[i].severity, severity.padEnd(widths[1]), colors)}  ${message.padEnd(widths[2])}  ${colors.dim(ruleId)}`.trimEnd(),
      );
    });
  }
  out.push('', summaryLine(report, colors), '');
  return out.join('\n').replace(/^\n/, '');
}

export function summaryLine(report: Report, colors: Colors): string {
  const counts = countBySeverity(report.findings);
  const total = report.findings.length;
  const checked = `${report.filesChecked} ${plural(report.filesChecked, 'file')} checked`;
  const unread = report.problems.length ? `, ${report.problems.length} could not be read` : '';
  if (total === 0 && report.problems.length) {
    // no tick: a file that could not be read is a failed run, not a clean one
    const failed = `${report.problems.length} ${plural(report.problems.length, 'file')} could not be read`;
    const rest = report.filesChecked ? `no problems in the ${checked}` : 'no file was checked';
    return colors.red(colors.bold(`✖ ${failed}; ${rest}`));
  }
  if (total === 0) return colors.green(`✔ No problems (${checked})`);
  const parts = [`${counts.error} ${plural(counts.error, 'error')}`, `${counts.warning} ${plural(counts.warning, 'warning')}`];
  if (counts.info) parts.push(`${counts.info} info`);
  if (counts.hint) parts.push(`${counts.hint} ${plural(counts.hint, 'hint')}`);
  const line = `✖ ${total} ${plural(total, 'problem')} (${parts.join(', ')}) in ${checked}${unread}`;
  const color = counts.error || report.problems.length ? colors.red : counts.warning ? colors.yellow : colors.blue;
  return color(colors.bold(line));
}

function paint(severity: string, text: string, colors: Colors): string {
  if (severity === 'error') return colors.red(text);
  if (severity === 'warning') return colors.yellow(text);
  return colors.blue(text);
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ');
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
