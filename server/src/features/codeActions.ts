// Actions on every diagnostic besides the rule's own fixes: "Disable <id> for this line"
// (the suppression comment on its own line above, in the file's comment syntax, with the
// line's indentation; JSON has no comments, so not there) and "Show documentation for <id>".
import type { FileKind, Range, TextEdit } from '../core/types';
import { indentOf, lineAt } from './text';

export const SHOW_RULE_DOCS_COMMAND = 'mendixEmail.showRuleDocumentation';
const DISABLE = 'mendix-email-disable-next-line';

/** The comment leader of a file kind, or undefined when it has no comments. */
export function commentSyntax(kind: FileKind): string | undefined {
  switch (kind) {
    case 'metadata-json':
    case 'config-json':
      return undefined;
    case 'constants-java':
      return '//';
    default:
      return '#';
  }
}

/** The edit that suppresses `ruleId` on `line`: a new comment line above, or the id added to an existing one. */
export function disableForLineEdit(text: string, kind: FileKind, line: number, ruleId: string): TextEdit | undefined {
  const leader = commentSyntax(kind);
  if (!leader) return undefined;
  if (line > 0) {
    const above = lineAt(text, line - 1);
    const m = new RegExp(`^([ \\t]*${leader === '#' ? '#' : '\\/\\/'}[ \\t]*${DISABLE}\\b)(.*?)\\s*$`).exec(above);
    if (m) {
      const ids = m[2].split(',').map((s) => s.trim()).filter(Boolean);
      if (ids.includes(ruleId)) return undefined;
      // a bare comment (no ids) already disables every rule
      if (ids.length === 0) return undefined;
      const end = m[1].length + m[2].trimEnd().length;
      return { range: { start: { line: line - 1, character: end }, end: { line: line - 1, character: end } }, newText: `, ${ruleId}` };
    }
  }
  // a comment line inside a YAML block scalar (`CONSTANTS: |`) would become part of its text
  if (kind !== 'dotenv' && leader === '#' && insideBlockScalar(text, line)) return undefined;
  const indent = indentOf(lineAt(text, line));
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${leader} ${DISABLE} ${ruleId}\n` };
}

const BLOCK_SCALAR_START = /:[ \t]*[|>][0-9+-]*[ \t]*(?:#.*)?$/;

/** true when `line` is content of a block scalar: a less indented line above ends in `|` / `>`. */
export function insideBlockScalar(text: string, line: number): boolean {
  const own = lineAt(text, line);
  let indent = indentOf(own).length;
  for (let l = line - 1; l >= 0; l--) {
    const t = lineAt(text, l);
    if (!t.trim()) continue;
    const i = indentOf(t).length;
    if (i >= indent) continue;
    if (BLOCK_SCALAR_START.test(t)) return true;
    indent = i;
    if (i === 0) return false;
  }
  return false;
}

export interface DiagnosticRef {
  ruleId: string;
  range: Range;
}

export interface ExtraAction {
  title: string;
  ruleId: string;
  edits?: TextEdit[];
  command?: { command: string; arguments: unknown[] };
}

/** The extra actions for the diagnostics at the cursor (one pair per rule and line). */
export function extraActionsFor(text: string, kind: FileKind, diagnostics: readonly DiagnosticRef[], docsHref: (ruleId: string) => string | undefined): ExtraAction[] {
  const out: ExtraAction[] = [];
  const seen = new Set<string>();
  for (const d of diagnostics) {
    const key = `${d.ruleId}@${d.range.start.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const edit = disableForLineEdit(text, kind, d.range.start.line, d.ruleId);
    if (edit) out.push({ title: `Disable ${d.ruleId} for this line`, ruleId: d.ruleId, edits: [edit] });
  }
  for (const ruleId of new Set(diagnostics.map((d) => d.ruleId))) {
    const href = docsHref(ruleId);
    if (href) out.push({ title: `Show documentation for ${ruleId}`, ruleId, command: { command: SHOW_RULE_DOCS_COMMAND, arguments: [ruleId, href] } });
  }
  return out;
}
