// The entries of a settings file whose value runs over more than one line: a quoted, plain or
// block YAML scalar (`CONSTANTS: '{…,\n  …}'`, `CONSTANTS: |`) and a quoted `.env` value
// (`CONSTANTS='{…,\n…}'`). A comment line inside such a value would become part of the value,
// so the suppression comment for a finding in it goes above the line where the entry starts
// and covers the whole entry (comments.ts reads it that way, features/codeActions.ts writes it
// there). YAML ranges are the parser's own (the reader's parse, when it is given); `.env`
// values follow the quoting rules of dotenv.ts.
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document } from 'yaml';
import type { FileKind, Range } from '../core/types';
import { FILE_KINDS } from '../core/fileKinds';
import { LineIndex } from './text';
import { YAML_PARSE_OPTIONS } from './yamlReparse';

export interface MultiLineEntry {
  /** from the start of the key (or of a list item) to the end of the value */
  range: Range;
}

/** Deeper than any settings file; a guard against pathological nesting. */
const MAX_DEPTH = 64;

/**
 * The multi-line entries of a file, in file order. `yamlDocuments`: the parse the reader just
 * made of the same text (ReadContext.yamlDocuments); without it the text is parsed here.
 */
export function multiLineEntries(text: string, kind: FileKind, yamlDocuments?: Document[]): MultiLineEntry[] {
  // by the kind's reader: a rendered Mendix Cloud environment is one `key: value` per line
  const reader = FILE_KINDS[kind].reader;
  if (reader === 'yaml') return yamlEntries(text, yamlDocuments);
  if (reader === 'dotenv') return dotenvEntries(text);
  return [];
}

/** The entry that `line` lies in, if any (entries never nest: they end in a scalar). */
export function entryHoldingLine(entries: readonly MultiLineEntry[], line: number): MultiLineEntry | undefined {
  return entries.find((e) => e.range.start.line <= line && line <= e.range.end.line);
}

// The editor asks for code actions again and again on the same text: parse it once. Safe as a
// module-level memo: the entries of a text depend on nothing but the text (the same answer
// for every caller, session or test), and it holds one text at most.
let lastParsed: { text: string; entries: MultiLineEntry[] } | undefined;

function yamlEntries(text: string, yamlDocuments: Document[] | undefined): MultiLineEntry[] {
  if (!yamlDocuments && lastParsed?.text === text) return lastParsed.entries;
  const docs: Document[] = yamlDocuments ?? (parseAllDocuments(text, YAML_PARSE_OPTIONS) as Document[]);
  const lines = new LineIndex(text);
  const out: MultiLineEntry[] = [];
  const add = (start: number, end: number) => {
    // a block scalar's value ends after its last line break
    while (end > start && /\s/.test(text[end - 1])) end--;
    const range = lines.range(start, end);
    if (range.end.line > range.start.line) out.push({ range });
  };
  const walk = (node: unknown, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (!isMap(node) && !isSeq(node)) return;
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        const keyStart = (item.key as { range?: [number, number, number] } | null)?.range?.[0];
        if (isScalar(item.value) && item.value.range && keyStart !== undefined) add(keyStart, item.value.range[1]);
        else walk(item.value, depth + 1);
      } else if (isScalar(item) && item.range) {
        add(item.range[0], item.range[1]);
      } else {
        walk(item, depth + 1);
      }
    }
  };
  for (const doc of Array.isArray(docs) ? docs : []) walk(doc.contents, 0);
  if (!yamlDocuments) lastParsed = { text, entries: out };
  return out;
}

/**
 * `KEY="…` / `KEY='…` values that close on a later line. Same tokenizing as dotenv.ts: blank
 * and `#` lines skipped, in double quotes a backslash takes the next character with it, an
 * unclosed quote ends the file's entries.
 */
function dotenvEntries(text: string): MultiLineEntry[] {
  const lines = new LineIndex(text);
  const out: MultiLineEntry[] = [];
  const entry = /^\uFEFF?[ \t]*(?:export[ \t]+)?[A-Za-z_][A-Za-z0-9_.-]*[ \t]*=[ \t]*(["'])/;
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const m = entry.exec(text.slice(start, lines.lineEnd(line)));
    if (!m) continue;
    const quote = m[1];
    let i = start + m[0].length;
    while (i < text.length && text[i] !== quote) i += quote === '"' && text[i] === '\\' ? 2 : 1;
    if (i >= text.length) break;
    const range = lines.range(start + m[0].search(/\S/), i + 1);
    if (range.end.line > range.start.line) out.push({ range });
    line = range.end.line;
  }
  return out;
}
