// m2ee.yaml (m2ee-tools, self-hosted): `mxruntime.MicroflowConstants` is a map of
// `Module.Constant: value`; `mxruntime.DTAPMode` says whether this is production.
import type { Document, Node } from 'yaml';
import type { Scope } from '../core/types';
import type { ReadContext } from './context';
import { newScope } from './scopes';
import { readConstantKeyMap, readDtapMode } from './yamlConstants';
import { pairOf, pairSpan, spanOf } from './yamlNodes';

export function readM2eeDocument(ctx: ReadContext, doc: Document): Scope[] {
  const mxruntime = pairOf(doc.contents, 'mxruntime');
  const span = mxruntime && pairSpan(mxruntime, ctx);
  if (!mxruntime || !span) return [];
  const constants = pairOf(mxruntime.value, 'MicroflowConstants');
  const anchor = spanOf((constants ?? mxruntime).key as Node) ?? span;
  const scope = newScope(ctx, 'mxruntime', 'm2ee', span, anchor);

  readDtapMode(ctx, mxruntime.value, 'DTAPMode', doc, scope);
  readConstantKeyMap(ctx, constants?.value, doc, scope);
  return [scope];
}
