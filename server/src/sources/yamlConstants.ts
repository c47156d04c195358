// The two YAML shapes that m2ee.yaml and MendixApp share: a `Module.Constant: value` map
// and a DTAP mode scalar, read into a scope the same way for both.
import type { Document } from 'yaml';
import { isMap, isPair } from 'yaml';
import type { Scope } from '../core/types';
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

/** Each `Module.Constant: value` entry of a map → an assignment (duplicates kept: the rules say which wins). */
export function readConstantKeyMap(ctx: ReadContext, map: unknown, doc: Document, scope: Scope): void {
  if (!isMap(map)) return;
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    const key = keyText(pair);
    const keySpan = textSpanOf(pair.key, ctx.text);
    if (key === undefined || !keySpan) continue;
    scope.assignments.push(makeAssignment(ctx, { name: key, key, keySpan, channel: 'constant-key', value: yamlValue(ctx, pair.value, doc) }));
  }
}
