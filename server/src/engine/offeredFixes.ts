// Which fixes may be offered. A fix that rewrites syntax (an entry removed from a flow map, a
// `value:` turned into `valueFrom:`) carries a promise of what it changes (Fix.verify); the
// fixed text is read again and must keep it before an editor shows the fix. This runs when
// fixes are about to be offered — for the findings under the cursor, or for "fix all" — and
// not in every check: reading a 2,000-line file once more per duplicate key on each
// keystroke took seconds.
import type { ParseCache } from '../core/parseCache';
import type { Finding, Fix, ReadResult, TextEdit } from '../core/types';
import { editKeepsFileValid } from '../ruleKit/editCheck';

/** The file a check read: what a promise is checked against. */
export interface CheckedText {
  path: string;
  text: string;
  read: ReadResult;
  /** the cache the check read through, if any: the read-backs count there and keep nothing (ruleKit/editCheck.ts) */
  parses?: ParseCache;
}

// verdicts per fix object: editors ask for code actions on every cursor move. Module-level, yet
// no hidden state: a fix object belongs to one check of one text, so its verdict never changes,
// and the entry goes with the fix
const verdicts = new WeakMap<Fix, boolean>();

/** true when the fix promises nothing, or the fixed text reads back as promised. */
export function fixHolds(fix: Fix, file: CheckedText): boolean {
  if (!fix.verify) return true;
  let verdict = verdicts.get(fix);
  if (verdict === undefined) {
    verdict = editKeepsFileValid(file.path, file.text, file.read, fix.edits, fix.verify, file.parses);
    verdicts.set(fix, verdict);
  }
  return verdict;
}

/** The fixes of a finding that may be offered. */
export function offeredFixes(finding: Finding, file: CheckedText): Fix[] {
  return (finding.fixes ?? []).filter((fix) => fixHolds(fix, file));
}

/**
 * The edits of "fix all": the first safe fix of each finding (none that touches another file),
 * no two overlapping. Fixes with a promise are checked together, in one read of the text with
 * all of them applied — and, only if that fails, one by one.
 */
export function fixAllEdits(findings: readonly Finding[], file: CheckedText): TextEdit[] {
  const candidates = findings.flatMap((f) => {
    const fix = f.fixes?.find((x) => x.safe && !x.otherFiles?.length);
    return fix ? [fix] : [];
  });
  const chosen = withoutOverlaps(candidates);
  const promising = chosen.filter((f) => f.verify);
  let keep: Fix[];
  if (promising.length <= 1) keep = promising.filter((f) => fixHolds(f, file));
  else if (holdTogether(promising, file)) keep = promising;
  else {
    const holding = promising.filter((f) => fixHolds(f, file));
    // each alone is fine but together they are not: apply none of them
    keep = holding.length <= 1 || holdTogether(holding, file) ? holding : [];
  }
  return chosen.filter((f) => !f.verify || keep.includes(f)).flatMap((f) => f.edits);
}

function holdTogether(fixes: Fix[], file: CheckedText): boolean {
  const edits = fixes.flatMap((f) => f.edits);
  const promise = { removed: fixes.flatMap((f) => f.verify!.removed), added: fixes.flatMap((f) => f.verify!.added) };
  return editKeepsFileValid(file.path, file.text, file.read, edits, promise, file.parses);
}

type Position = TextEdit['range']['start'];
const before = (p: Position, q: Position) => p.line < q.line || (p.line === q.line && p.character < q.character);
const same = (p: Position, q: Position) => p.line === q.line && p.character === q.character;

/** Two edits conflict when their ranges share a character or both start at one place (inserts); touching is fine. */
function overlaps(a: TextEdit['range'], b: TextEdit['range']): boolean {
  return (before(a.start, b.end) && before(b.start, a.end)) || same(a.start, b.start);
}

function withoutOverlaps(fixes: Fix[]): Fix[] {
  const taken: TextEdit['range'][] = [];
  const out: Fix[] = [];
  for (const fix of fixes) {
    if (fix.edits.some((e) => taken.some((r) => overlaps(r, e.range)))) continue;
    for (const e of fix.edits) taken.push(e.range);
    out.push(fix);
  }
  return out;
}

/** The findings as an editor would offer them: fixes whose promise does not hold removed. */
export function withOfferedFixes(findings: readonly Finding[], file: CheckedText): Finding[] {
  return findings.map((f) => {
    if (!f.fixes?.some((x) => x.verify)) return f;
    const fixes = offeredFixes(f, file);
    const { fixes: _all, ...rest } = f;
    return fixes.length ? { ...rest, fixes } : rest;
  });
}
