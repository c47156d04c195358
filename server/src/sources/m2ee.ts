// m2ee.yaml (m2ee-tools, self-hosted): `mxruntime.MicroflowConstants` is a map of
// `Module.Constant: value`; `mxruntime.DTAPMode` says whether this is production.
import type { Document, Node } from 'yaml';
import { isMap, isPair } from 'yaml';
import type { Scope } from '../core/types';
import { makeAssignment } from './assignments';
import type { ReadContext } from './context';
import { newScope } from './scopes';
import { keyText, textSpanOf, pairOf, pairSpan, spanOf, yamlValue } from './yamlNodes';

export function readM2eeDocument(ctx: ReadContext, doc: Document): Scope[] {
  const mxruntime = pairOf(doc.contents, 'mxruntime');
  const span = mxruntime && pairSpan(mxruntime, ctx);
  if (!mxruntime || !span) return [];
  const constants = pairOf(mxruntime.value, 'MicroflowConstants');
  const anchor = spanOf((constants ?? mxruntime).key as Node) ?? span;
  const scope = newScope(ctx, 'mxruntime', 'm2ee', span, anchor);

  const dtap = pairOf(mxruntime.value, 'DTAPMode');
  if (dtap) {
    const v = yamlValue(ctx, dtap.value, doc);
    if (v.span && v.value) scope.dtapMode = { value: v.value, range: ctx.range(v.span) };
  }
  if (constants && isMap(constants.value)) {
    for (const pair of constants.value.items) {
      if (!isPair(pair)) continue;
      const key = keyText(pair);
      const keySpan = textSpanOf(pair.key, ctx.text);
      if (key === undefined || !keySpan) continue;
      scope.assignments.push(
        makeAssignment(ctx, { name: key, key, keySpan, channel: 'constant-key', value: yamlValue(ctx, pair.value, doc) }),
      );
    }
  }
  return [scope];
}
