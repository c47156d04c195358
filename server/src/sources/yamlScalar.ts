// Decodes a YAML scalar again, this time keeping where each character came from, so JSON
// held in a YAML string (CONSTANTS, customConfiguration) and `KEY=value` list items get
// exact ranges. The result is checked against the value the `yaml` library decoded; when
// the two differ (or for folded `>` block scalars) the whole scalar's range is used instead.
import type { Scalar } from 'yaml';
import { MappedBuilder, MappedText } from './mappedText';

const DOUBLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r',
  e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};

function isBreak(c: string | undefined): boolean {
  return c === '\n' || c === '\r';
}

/** Index after the line break at i (\r\n counts once). */
function skipBreak(s: string, i: number): number {
  if (s[i] === '\r' && s[i + 1] === '\n') return i + 2;
  return i + 1;
}

/** Plain, single- and double-quoted scalars: line folding plus the style's escapes. */
function decodeFlow(file: MappedText, from: number, to: number, style: 'plain' | 'single' | 'double'): MappedText {
  const s = file.text;
  const out = new MappedBuilder(file);
  let i = from;
  while (i < to) {
    const c = s[i];
    if (isBreak(c)) {
      while (out.lastIsLiteralBlank()) out.pop();
      let j = i;
      let breaks = 0;
      for (;;) {
        j = skipBreak(s, j);
        breaks++;
        while (j < to && (s[j] === ' ' || s[j] === '\t')) j++;
        if (j < to && isBreak(s[j])) continue;
        break;
      }
      if (breaks === 1) out.push(' ', i, i + 1);
      else out.push('\n'.repeat(breaks - 1), i, i + 1);
      i = j;
    } else if (style === 'single' && c === "'" && s[i + 1] === "'") {
      out.push("'", i, i + 2);
      i += 2;
    } else if (style === 'double' && c === '\\') {
      i = decodeDoubleEscape(s, i, to, out);
    } else {
      out.push(c, i, i + 1);
      i++;
    }
  }
  return out.build(from, to);
}

function decodeDoubleEscape(s: string, i: number, to: number, out: MappedBuilder): number {
  const e = s[i + 1];
  if (isBreak(e)) {
    // escaped line break: joins the lines without a space
    let j = skipBreak(s, i + 1);
    while (j < to && (s[j] === ' ' || s[j] === '\t')) j++;
    return j;
  }
  const hexLength = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
  if (hexLength) {
    const code = parseInt(s.slice(i + 2, i + 2 + hexLength), 16);
    const end = i + 2 + hexLength;
    out.push(Number.isNaN(code) ? '' : String.fromCodePoint(Math.min(code, 0x10ffff)), i, end);
    return end;
  }
  const decoded = DOUBLE_ESCAPES[e];
  out.push(decoded ?? e ?? '', i, i + 2);
  return i + 2;
}

/** `|` block scalars: each content line minus its indentation, line breaks kept. */
function decodeLiteral(file: MappedText, headerAt: number, to: number): MappedText | undefined {
  const s = file.text;
  let i = headerAt + 1;
  while (i < to && !isBreak(s[i])) {
    if (/[1-9]/.test(s[i])) return undefined; // explicit indentation: not worth mapping
    if (s[i] === '#') break;
    i++;
  }
  while (i < to && !isBreak(s[i])) i++;
  if (i >= to) return undefined;
  const contentFrom = skipBreak(s, i);
  // indentation = leading spaces of the first line that has content
  let indent = -1;
  for (let j = contentFrom; j < to; ) {
    let k = j;
    while (k < to && s[k] === ' ') k++;
    if (k < to && !isBreak(s[k])) {
      indent = k - j;
      break;
    }
    j = k < to ? skipBreak(s, k) : to;
  }
  const out = new MappedBuilder(file);
  if (indent < 0) return out.build(contentFrom, to);
  let j = contentFrom;
  while (j < to) {
    let lineEnd = j;
    while (lineEnd < to && !isBreak(s[lineEnd])) lineEnd++;
    for (let k = Math.min(j + indent, lineEnd); k < lineEnd; k++) out.push(s[k], k, k + 1);
    if (lineEnd < to) {
      out.push('\n', lineEnd, lineEnd + 1);
      j = skipBreak(s, lineEnd);
    } else j = lineEnd;
  }
  return out.build(contentFrom, to);
}

/** The scalar's decoded text with a mapping back to the file (exact whenever it can be). */
export function mappedScalar(file: MappedText, node: Scalar): MappedText {
  const [start, valueEnd] = node.range ?? [0, 0, 0];
  const expected = typeof node.source === 'string' ? node.source : String(node.value ?? '');
  const whole: [number, number] = [file.startOf(start), file.startOf(valueEnd)];
  let mapped: MappedText | undefined;
  const raw = file.text.slice(start, valueEnd);
  switch (node.type) {
    case 'PLAIN':
      mapped = /[\r\n]/.test(raw) ? decodeFlow(file, start, valueEnd, 'plain') : file.slice(start, valueEnd);
      break;
    case 'QUOTE_SINGLE':
      mapped = decodeFlow(file, start + 1, valueEnd - 1, 'single');
      break;
    case 'QUOTE_DOUBLE':
      mapped = decodeFlow(file, start + 1, valueEnd - 1, 'double');
      break;
    case 'BLOCK_LITERAL':
      mapped = decodeLiteral(file, start, valueEnd);
      // chomping only trims trailing line breaks
      if (mapped && mapped.text.startsWith(expected)) mapped = mapped.slice(0, expected.length);
      break;
    default:
      mapped = undefined; // folded block scalars: line folding is not mapped
  }
  if (mapped && mapped.text === expected) return mapped;
  return MappedText.unmapped(expected, whole);
}
