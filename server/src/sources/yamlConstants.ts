// The two YAML shapes that m2ee.yaml and MendixApp share: a `Module.Constant: value` map
// and a DTAP mode scalar, read into a scope the same way for both.
import type { Document } from 'yaml';
import { isMap, isPair } from 'yaml';
import type { Assignment, Scope } from '../core/types';
import { makeAssignment } from './assignments';
import type { ReadContext } from './context';
import { keyText, pairOf, textSpanOf, yamlValue } from './yamlNodes';

/** `key: P` under `parent` → scope.dtapMode. */
export function readDtapMode(ctx: ReadContext, parent: unknown, key: string, doc: Document, scope: Scope): void {
  const dtap = pairOf(parent, key);
  if (!dtap) return;
  const v = yamlValue(ctx, dtap.value, doc);
  if (v.span && v.value) scope.dtapMode = { value: v.value, range: ctx.range(v.span) };
}

/**
 * The assignment each key node was read into, with the value node it was read with. After a
 * one-line edit only that line is parsed again (yamlReparse.ts): every other key and value
 * node is the same object as before, on the same line and column (the edit adds no line),
 * and its text is unchanged, so its assignment is the same too; the edited line has new
 * nodes. This saves most of re-reading a big file on each keystroke. Only documents handed
 * out again are remembered (the files being edited): a file read once, as each of a
 * thousand open files is, adds nothing here. Assignments are never changed once made.
 * Module-level, yet no hidden state: keyed by the node objects of the parses a caller's cache
 * handed out again (core/parseCache.ts), gone with them, and it gives exactly the assignment
 * a fresh read would (the test of yamlReparse compares both on every corpus line).
 */
const readBefore = new WeakMap<object, { value: unknown; assignment: Assignment }>();

/** Each `Module.Constant: value` entry of a map → an assignment (duplicates kept: the rules say which wins). */
export function readConstantKeyMap(ctx: ReadContext, map: unknown, doc: Document, scope: Scope): void {
  if (!isMap(map)) return;
  const remembered = ctx.parses?.wasHandedOutAgain(doc) === true;
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    const keyNode = pair.key;
    const cacheKey = remembered && keyNode && typeof keyNode === 'object' ? keyNode : undefined;
    const before = cacheKey && readBefore.get(cacheKey);
    if (before && before.value === pair.value) {
      scope.assignments.push(before.assignment);
      continue;
    }
    const key = keyText(pair);
    const keySpan = textSpanOf(keyNode, ctx.text);
    if (key === undefined || !keySpan) continue;
    const assignment = makeAssignment(ctx, { name: key, key, keySpan, channel: 'constant-key', value: yamlValue(ctx, pair.value, doc) });
    if (cacheKey) readBefore.set(cacheKey, { value: pair.value, assignment });
    scope.assignments.push(assignment);
  }
}
