// Small questions asked of `yaml` nodes: find a key in a map, read a scalar's value with
// its exact span, list a document's top-level keys.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { ValueInfo } from './assignments';
import type { ReadContext, Span } from './context';
import { valueKindOf } from './values';

export function spanOf(node: { range?: [number, number, number] | null } | null | undefined): Span | undefined {
  return node?.range ? [node.range[0], node.range[1]] : undefined;
}

/** The span inside a quoted scalar's quotes (an unclosed quote: up to the scalar's end). */
export function insideQuotes(text: string, span: Span): Span {
  const quote = text[span[0]];
  const start = Math.min(span[0] + 1, span[1]);
  const end = span[1] - 1 > span[0] && text[span[1] - 1] === quote ? span[1] - 1 : span[1];
  return [start, Math.max(start, end)];
}

/** Span of a scalar's text: inside the quotes when it is quoted. */
export function textSpanOf(node: unknown, text: string): Span | undefined {
  const span = spanOf(node as Node);
  if (!span || !isScalar(node)) return span;
  return isQuoted(node) ? insideQuotes(text, span) : span;
}

/** The node an alias (`*name`) points at; any other node as it is. */
export function resolved(node: unknown, doc?: Document): unknown {
  if (!isAlias(node) || !doc) return node;
  try {
    return node.resolve(doc);
  } catch {
    return undefined;
  }
}

/** The maps a `<<: *anchor` (or `<<: [*a, *b]`) merge key pulls in. */
export function mergedMaps(pair: Pair<unknown, unknown>, doc?: Document): YAMLMap<unknown, unknown>[] {
  if (!doc || !isScalar(pair.key) || pair.key.value !== '<<') return [];
  const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
  return sources.map((n) => resolved(n, doc)).filter((n): n is YAMLMap<unknown, unknown> => isMap(n));
}

/**
 * The pair whose key is the given string (the last one wins, as in YAML loaders). With the
 * document, aliases are followed and `<<` merge keys searched when the map lacks the key.
 */
export function pairOf(map: unknown, key: string, doc?: Document, depth = 0): Pair<Scalar, unknown> | undefined {
  const m = resolved(map, doc);
  if (!isMap(m) || depth > 8) return undefined;
  let found: Pair<Scalar, unknown> | undefined;
  for (const item of m.items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) found = item as Pair<Scalar, unknown>;
  }
  if (found || !doc) return found;
  for (const item of m.items) {
    if (!isPair(item)) continue;
    for (const merged of mergedMaps(item, doc)) found = pairOf(merged, key, doc, depth + 1) ?? found;
  }
  return found;
}

export function valueOf(map: unknown, key: string, doc?: Document): unknown {
  return resolved(pairOf(map, key, doc)?.value, doc);
}

/** A scalar map value as a string, or undefined. */
export function stringOf(map: unknown, key: string): string | undefined {
  const v = valueOf(map, key);
  return isScalar(v) && v.value !== null && v.value !== undefined ? String(v.value) : undefined;
}

export function mapOf(value: unknown): YAMLMap<unknown, unknown> | undefined {
  return isMap(value) ? (value as YAMLMap<unknown, unknown>) : undefined;
}

export function seqItems(value: unknown): unknown[] {
  return isSeq(value) ? value.items : [];
}

/** The key text of a pair whose key is a scalar. */
export function keyText(pair: Pair<unknown, unknown>): string | undefined {
  return isScalar(pair.key) && pair.key.value !== null ? String(pair.key.value) : undefined;
}

/** Span of a pair: key start → value end (or key end when there is no value). */
export function pairSpan(pair: Pair<unknown, unknown>, ctx?: ReadContext): Span | undefined {
  const k = spanOf(pair.key as Node);
  if (!k) return undefined;
  const v = spanOf(pair.value as Node);
  const span: Span = [k[0], v ? Math.max(k[1], v[1]) : k[1]];
  return ctx ? ctx.trimEnd(span) : span;
}

function isQuoted(node: Scalar): boolean {
  return node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
}

/** What a YAML value node holds, with the span of its text (inside quotes when quoted). */
export function yamlValue(ctx: ReadContext, node: unknown, doc?: Document): ValueInfo {
  if (node === null || node === undefined) return { value: '', valueKind: 'empty', quoted: false, scalarType: 'null' };
  if (isAlias(node)) {
    // `*anchor`: the value is the anchored node's, the range is where the alias is written
    const target = doc ? node.resolve(doc) : undefined;
    const info = isScalar(target) ? yamlValue(ctx, target) : { value: '', valueKind: 'literal' as const, quoted: false };
    return { ...info, span: spanOf(node) };
  }
  if (!isScalar(node)) {
    const span = spanOf(node as Node);
    return { value: '', valueKind: 'literal', quoted: false, nonScalar: true, span: span && ctx.trimEnd(span) };
  }
  const span = spanOf(node)!;
  const quoted = isQuoted(node);
  let textSpan: Span = quoted ? insideQuotes(ctx.text, span) : span;
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    // block scalars: from the `|`/`>` header to the last non-blank character
    let end = span[1];
    while (end > span[0] && /\s/.test(ctx.text[end - 1])) end--;
    textSpan = [span[0], end];
  }
  const v = node.value;
  if (v === null || v === undefined) return { value: '', valueKind: 'empty', quoted, scalarType: 'null', span: textSpan };
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') {
    const written = node.type === 'PLAIN' ? ctx.text.slice(span[0], span[1]) : String(v);
    return {
      value: written,
      valueKind: 'literal',
      quoted,
      scalarType: typeof v === 'boolean' ? 'boolean' : 'number',
      span: textSpan,
    };
  }
  const value = typeof v === 'string' ? v : String(v);
  return { value, valueKind: valueKindOf(value), quoted, scalarType: 'string', span: textSpan };
}
