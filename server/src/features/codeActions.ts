// Actions on every diagnostic besides the rule's own fixes: "Disable <id> for this line"
// (the suppression comment on its own line above, in the file's comment syntax, with the
// line's indentation; JSON has no comments, so not there: disableForFile.ts offers an entry in
// .mendix-email.json instead), "Disable <id> for this value" for a
// finding inside a value over several lines (the comment above the entry), and "Show
// documentation for <id>".
import type { FileKind, Range, TextEdit } from '../core/types';
import { FILE_KINDS } from '../core/fileKinds';
import { entryHoldingLine, multiLineEntries } from '../sources/multiLineEntries';
import { indentOf, lineAt } from './text';

export const SHOW_RULE_DOCS_COMMAND = 'mendixEmail.showRuleDocumentation';
const DISABLE = 'mendix-email-disable-next-line';

/** The comment leader of a file kind (the file-kind table's `comment`), or undefined when it has no comments. */
export function commentSyntax(kind: FileKind): string | undefined {
  return FILE_KINDS[kind].comment;
}

/** Where the suppression comment for a finding on `line` goes, and what it then covers. */
interface DisablePlace {
  /** the line the comment goes above */
  line: number;
  /** true when the line is part of a value over several lines: the comment covers that whole entry */
  wholeEntry: boolean;
}

/**
 * A comment line inside a value that runs over several lines (a quoted or block YAML scalar, a
 * quoted .env value) would become part of the value, so for a finding there the comment goes
 * above the line where the entry starts (sources/comments.ts lets it cover the whole entry).
 * undefined when even that line continues another value: no place for a comment.
 */
function disablePlace(text: string, kind: FileKind, line: number): DisablePlace | undefined {
  const entries = multiLineEntries(text, kind);
  const entry = entryHoldingLine(entries, line);
  if (!entry) return { line, wholeEntry: false };
  const start = entry.range.start.line;
  if (entries.some((e) => e.range.start.line < start && start <= e.range.end.line)) return undefined;
  return { line: start, wholeEntry: true };
}

/**
 * Whether a suppression comment can switch off a finding on `line` (the "Disable … for this
 * line" action is offered). Where it cannot, the file's entry in .mendix-email.json can
 * (disableForFile.ts).
 */
export function canDisableWithComment(text: string, kind: FileKind, line: number): boolean {
  return commentSyntax(kind) !== undefined && disablePlace(text, kind, line) !== undefined;
}

/** The edit that suppresses `ruleId` on `line`: a new comment line above, or the id added to an existing one. */
export function disableForLineEdit(text: string, kind: FileKind, line: number, ruleId: string): TextEdit | undefined {
  const place = commentSyntax(kind) ? disablePlace(text, kind, line) : undefined;
  return place && disableEditAbove(text, kind, place.line, ruleId);
}

function disableEditAbove(text: string, kind: FileKind, line: number, ruleId: string): TextEdit | undefined {
  const leader = commentSyntax(kind);
  if (!leader) return undefined;
  if (line > 0) {
    const above = lineAt(text, line - 1);
    const m = new RegExp(`^([ \\t]*${leader.replace(/[/\\^$.*+?()[\]{}|]/g, '\\$&')}[ \\t]*${DISABLE}\\b)(.*?)\\s*$`).exec(above);
    if (m) {
      const ids = m[2].split(',').map((s) => s.trim()).filter(Boolean);
      if (ids.includes(ruleId)) return undefined;
      // a bare comment (no ids) already disables every rule
      if (ids.length === 0) return undefined;
      const end = m[1].length + m[2].trimEnd().length;
      return { range: { start: { line: line - 1, character: end }, end: { line: line - 1, character: end } }, newText: `, ${ruleId}` };
    }
  }
  const indent = indentOf(lineAt(text, line));
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${leader} ${DISABLE} ${ruleId}\n` };
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

/** The extra actions for the diagnostics at the cursor (one pair per rule and line, or per rule and entry). */
export function extraActionsFor(text: string, kind: FileKind, diagnostics: readonly DiagnosticRef[]): ExtraAction[] {
  const out: ExtraAction[] = [];
  const seen = new Set<string>();
  for (const d of diagnostics) {
    const place = commentSyntax(kind) ? disablePlace(text, kind, d.range.start.line) : undefined;
    if (!place) continue;
    const key = `${d.ruleId}@${place.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const edit = disableEditAbove(text, kind, place.line, d.ruleId);
    const title = place.wholeEntry ? `Disable ${d.ruleId} for this whole value` : `Disable ${d.ruleId} for this line`;
    if (edit) out.push({ title, ruleId: d.ruleId, edits: [edit] });
  }
  // the extension's command shows the page shipped in the package, rendered (works offline)
  for (const ruleId of new Set(diagnostics.map((d) => d.ruleId))) {
    out.push({ title: `Show documentation for ${ruleId}`, ruleId, command: { command: SHOW_RULE_DOCS_COMMAND, arguments: [ruleId] } });
  }
  return out;
}
