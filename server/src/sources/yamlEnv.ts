// Environment variables written in YAML: a map `KEY: value` (compose, Cloud Foundry,
// ConfigMap data) or a list `- KEY=value` (compose). Both feed envVars.readEnvEntry.
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Scalar } from 'yaml';
import type { Scope } from '../core/types';
import type { ReadContext } from './context';
import { isMendixEnvName, readEnvEntry } from './envVars';
import { keyText, mergedMaps, resolved, textSpanOf, spanOf, yamlValue } from './yamlNodes';
import { valueKindOf } from './values';
import { mappedScalar } from './yamlScalar';

/**
 * Read a `KEY: value` map of environment variables into the scope. In compose a key with no
 * value (`KEY:`) passes the value of the shell that runs compose: `nullIsReference`.
 */
export function readEnvMap(ctx: ReadContext, scope: Scope, node: unknown, doc: Document, nullIsReference = false, depth = 0): void {
  const map = resolved(node, doc);
  if (!isMap(map) || depth > 8) return;
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    // `<<: *common-env`: the merged variables first, so the map's own ones come later and win
    for (const merged of mergedMaps(pair, doc)) readEnvMap(ctx, scope, merged, doc, nullIsReference, depth + 1);
    const key = keyText(pair);
    const keySpan = textSpanOf(pair.key, ctx.text);
    if (key === undefined || !keySpan || !isMendixEnvName(key)) continue;
    const valueNode = resolved(pair.value, doc);
    const value = yamlValue(ctx, valueNode, doc);
    if (nullIsReference && value.scalarType === 'null') value.valueKind = 'reference';
    readEnvEntry(ctx, scope, {
      key,
      keySpan,
      value,
      mappedValue: isScalar(valueNode) ? () => mappedScalar(ctx.file, valueNode as Scalar) : undefined,
    });
  }
}

/** Read a compose `- KEY=value` list into the scope (`- KEY` alone passes the host's value). */
export function readEnvList(ctx: ReadContext, scope: Scope, node: unknown, doc?: Document): void {
  const seq = resolved(node, doc);
  if (!isSeq(seq)) return;
  for (const item of seq.items) {
    if (!isScalar(item) || typeof item.value !== 'string') continue;
    const raw = item.value;
    const eq = raw.indexOf('=');
    const key = eq < 0 ? raw : raw.slice(0, eq);
    if (!isMendixEnvName(key)) continue;
    const mapped = mappedScalar(ctx.file, item as Scalar);
    const entrySpan = mapped.range(0, mapped.text.length);
    if (eq < 0) {
      readEnvEntry(ctx, scope, {
        key,
        keySpan: mapped.range(0, key.length),
        value: { value: '', valueKind: 'reference', quoted: false },
        entrySpan,
      });
      continue;
    }
    const value = raw.slice(eq + 1);
    const valueMapped = mapped.slice(eq + 1, raw.length);
    readEnvEntry(ctx, scope, {
      key,
      keySpan: mapped.range(0, eq),
      value: {
        value,
        valueKind: valueKindOf(value),
        quoted: false,
        scalarType: 'string',
        span: mapped.range(eq + 1, raw.length),
      },
      mappedValue: () => valueMapped,
      entrySpan,
    });
  }
}
