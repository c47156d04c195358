// A fix that rewrites syntax (removes an entry of a flow map, turns `value:` into `valueFrom:`)
// is only offered after the edited text has been read again by the same readers and says
// exactly what the fix promises: no new reader problem, every other assignment unchanged.
// This is what makes such a fix "always valid syntax" by construction rather than by hope.
import type { ParseCache } from '../core/parseCache';
import type { Assignment, ReadResult, TextEdit } from '../core/types';
import { LineIndex, readSettingsFile } from '../sources/index';

/** The text after the edits (edits must not overlap). */
export function applyEdits(text: string, edits: TextEdit[], lines = new LineIndex(text)): string {
  const spans = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of spans) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** One line per assignment: what it sets and how, without positions (they move with any edit). */
export function assignmentKey(scopeIndex: number, a: Assignment): string {
  return JSON.stringify([scopeIndex, a.channel, a.key, a.name, a.valueKind, a.value, a.fromFile ?? null]);
}

/** The file's own assignments (the engine merges a compose env_file's ones in, marked fromFile). */
function assignmentKeys(read: ReadResult): string[] {
  return read.scopes.flatMap((s, i) => s.assignments.filter((a) => a.fromFile === undefined).map((a) => assignmentKey(i, a)));
}

function problemKeys(read: ReadResult): string[] {
  return read.problems.map((p) => `${p.ruleId} ${p.message}`);
}

/** true when `after` holds every element of `before` except `removed` (one occurrence each), and nothing else. */
function sameExcept(before: string[], after: string[], removed: string[], added: string[]): boolean {
  const count = new Map<string, number>();
  for (const k of before) count.set(k, (count.get(k) ?? 0) + 1);
  for (const k of removed) count.set(k, (count.get(k) ?? 0) - 1);
  for (const k of added) count.set(k, (count.get(k) ?? 0) + 1);
  for (const k of after) count.set(k, (count.get(k) ?? 0) - 1);
  for (const n of count.values()) if (n !== 0) return false;
  return true;
}

export interface ExpectedChange {
  /** assignments (by assignmentKey of the original read) that the edit removes */
  removed: string[];
  /** assignments (as assignmentKey strings) that the edit adds in their place */
  added: string[];
}

/**
 * Reads the edited text again; true when the readers find no problem that was not there
 * before, the same scopes, and the same assignments but for the expected change. The read
 * keeps no parse (`parses`, the cache the check used, is read through its notKept() view:
 * it counts there, keeps nothing), so what is kept for the file stays the parse of its real text.
 */
export function editKeepsFileValid(path: string, text: string, original: ReadResult, edits: TextEdit[], change: ExpectedChange, parses?: ParseCache): boolean {
  const after = readSettingsFile(path, applyEdits(text, edits), undefined, parses?.notKept());
  if (!after || after.kind !== original.kind || after.scopes.length !== original.scopes.length) return false;
  const oldProblems = problemKeys(original);
  if (problemKeys(after).some((p) => !oldProblems.includes(p))) return false;
  return sameExcept(assignmentKeys(original), assignmentKeys(after), change.removed, change.added);
}
