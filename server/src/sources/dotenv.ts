// `.env` files (docker compose, the Docker buildpack): `KEY=value` lines with optional
// `export`, comments, single quotes (literal), double quotes (escapes, may span lines) and
// unquoted values (a ` #` starts a comment). Line-based, so a small tokenizer suffices.
import type { Scope } from '../core/types';
import type { ReadContext } from './context';
import { isMendixEnvName, readEnvEntry } from './envVars';
import { MappedBuilder, type MappedText } from './mappedText';
import { newScope } from './scopes';
import { valueKindOf } from './values';

const KEY = /[A-Za-z_][A-Za-z0-9_.-]*/y;
const DOUBLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"', "'": "'", $: '$' };

function lineEndAt(text: string, i: number): number {
  const n = text.indexOf('\n', i);
  const end = n < 0 ? text.length : n;
  return end > i && text[end - 1] === '\r' ? end - 1 : end;
}

function nextLine(text: string, i: number): number {
  const n = text.indexOf('\n', i);
  return n < 0 ? text.length : n + 1;
}

export interface QuotedValue {
  mapped: MappedText;
  /** offset of the closing quote, or -1 when there is none */
  close: number;
}

/** The quoted value whose opening quote is at `open`: single quotes literal, double quotes with escapes. */
export function readQuoted(file: MappedText, open: number): QuotedValue {
  const text = file.text;
  const quote = text[open];
  const out = new MappedBuilder(file);
  let i = open + 1;
  while (i < text.length && text[i] !== quote) {
    if (quote === '"' && text[i] === '\\' && i + 1 < text.length) {
      const decoded = DOUBLE_ESCAPES[text[i + 1]];
      if (decoded !== undefined) out.push(decoded, i, i + 2);
      else out.push(text.slice(i, i + 2), i, i + 2);
      i += 2;
    } else {
      out.push(text[i], i, i + 1);
      i++;
    }
  }
  const close = i < text.length ? i : -1;
  return { mapped: out.build(open + 1, Math.min(i, text.length)), close };
}

export function readDotenvFile(ctx: ReadContext, scopeName: string): Scope {
  const text = ctx.text;
  const firstLineEnd = lineEndAt(text, 0);
  const scope = newScope(ctx, scopeName, 'dotenv', [0, text.length], [0, firstLineEnd]);
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte order mark is not part of the first key
  while (i < text.length) {
    const end = lineEndAt(text, i);
    let p = i;
    while (p < end && (text[p] === ' ' || text[p] === '\t')) p++;
    if (p === end || text[p] === '#') {
      i = nextLine(text, i);
      continue;
    }
    if (text.startsWith('export', p) && (text[p + 6] === ' ' || text[p + 6] === '\t')) {
      p += 6;
      while (p < end && (text[p] === ' ' || text[p] === '\t')) p++;
    }
    KEY.lastIndex = p;
    const keyMatch = KEY.exec(text);
    const keyEnd = keyMatch ? p + keyMatch[0].length : p;
    let q = keyEnd;
    while (q < end && (text[q] === ' ' || text[q] === '\t')) q++;
    if (!keyMatch || (q < end && text[q] !== '=')) {
      ctx.syntaxError([p, end], 'This .env line is not KEY=value (a key is letters, digits and _, then =).');
      i = nextLine(text, i);
      continue;
    }
    const key = keyMatch[0];
    if (q === end) {
      // `KEY` alone: the value comes from the environment that runs compose
      if (isMendixEnvName(key)) {
        readEnvEntry(ctx, scope, { key, keySpan: [p, keyEnd], value: { value: '', valueKind: 'reference', quoted: false } });
      }
      i = nextLine(text, i);
      continue;
    }
    let v = q + 1;
    while (v < end && (text[v] === ' ' || text[v] === '\t')) v++;
    if (text[v] === '"' || text[v] === "'") {
      const quoted = readQuoted(ctx.file, v);
      if (quoted.close < 0) {
        ctx.syntaxError([v, v + 1], `The value of ${key} opens a quote (${text[v]}) that is never closed.`);
        break;
      }
      if (isMendixEnvName(key)) {
        const value = quoted.mapped.text;
        readEnvEntry(ctx, scope, {
          key,
          keySpan: [p, keyEnd],
          value: { value, valueKind: valueKindOf(value), quoted: true, scalarType: 'string', span: [v + 1, quoted.close] },
          mappedValue: () => quoted.mapped,
          entrySpan: [p, quoted.close + 1],
        });
      }
      i = nextLine(text, quoted.close);
      continue;
    }
    // unquoted: up to a ` #` comment or the line end, trailing blanks trimmed
    let valueEnd = end;
    const hash = text.slice(v, end).search(/[ \t]#/);
    if (hash >= 0) valueEnd = v + hash;
    while (valueEnd > v && (text[valueEnd - 1] === ' ' || text[valueEnd - 1] === '\t')) valueEnd--;
    if (isMendixEnvName(key)) {
      const value = text.slice(v, valueEnd);
      readEnvEntry(ctx, scope, {
        key,
        keySpan: [p, keyEnd],
        value: { value, valueKind: valueKindOf(value), quoted: false, scalarType: 'string', span: [v, valueEnd] },
        mappedValue: () => ctx.file.slice(v, valueEnd),
        entrySpan: [p, valueEnd],
      });
    }
    i = nextLine(text, i);
  }
  return scope;
}
