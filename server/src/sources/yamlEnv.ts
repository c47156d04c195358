// Environment variables written in YAML: a map `KEY: value` (compose, Cloud Foundry,
// ConfigMap data) or a list `- KEY=value` (compose). Both feed envVars.readEnvEntry.
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Scalar } from 'yaml';
import type { Scope } from '../core/types';
import type { ReadContext } from './context';
import { isMendixEnvName, readEnvEntry } from './envVars';
import { keyText, textSpanOf, spanOf, yamlValue } from './yamlNodes';
import { valueKindOf } from './values';
import { mappedScalar } from './yamlScalar';

/** Read a `KEY: value` map of environment variables into the scope. */
export function readEnvMap(ctx: ReadContext, scope: Scope, map: unknown, doc: Document): void {
  if (!isMap(map)) return;
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    const key = keyText(pair);
    const keySpan = textSpanOf(pair.key, ctx.text);
    if (key === undefined || !keySpan || !isMendixEnvName(key)) continue;
    const valueNode = pair.value;
    readEnvEntry(ctx, scope, {
      key,
      keySpan,
      value: yamlValue(ctx, valueNode, doc),
      mappedValue: isScalar(valueNode) ? () => mappedScalar(ctx.file, valueNode as Scalar) : undefined,
    });
  }
}

/** Read a compose `- KEY=value` list into the scope (`- KEY` alone passes the host's value). */
export function readEnvList(ctx: ReadContext, scope: Scope, seq: unknown): void {
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
