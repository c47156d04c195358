// Parsing YAML again after a one-line edit without parsing the whole file again.
//
// While a user types in a big m2ee.yaml or MendixApp, nearly every edit changes one
// `Module.Constant: value` line. Parsing 2,000 lines with `yaml` costs ~100 ms on a slow
// machine; parsing the edited line alone costs well under a millisecond. So the last parse of
// each recently edited file is kept (in the cache the caller owns: core/parseCache.ts), and
// when the new text differs from it only inside one line that holds a simple `key: scalar`
// entry of a block map (before and after the edit), `yaml` parses that line on its own and its
// key and value replace the old ones in the kept documents; every node after the edit moves by
// the change in length. Anything else — a new line, a
// comment, a flow collection, an anchor, a file with a syntax error — is parsed in full.
//
// Why the result is the same as a full parse: the line is an entry of a block map at an
// unchanged indentation, with no error in the file, so the line's meaning depends on nothing
// around it. To be sure, the old line is parsed on its own too, and must give exactly the
// ranges and values the full parse gave it in place; otherwise the file is parsed in full.
// A test compares both ways on every line of the real corpus files.
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, parseDocument, type Document, type Node, type Pair, type Scalar } from 'yaml';
import type { KeptParse, ParseCache } from '../core/parseCache';

/** uniqueKeys off: a duplicate key is a finding (constant-overridden), not a parse failure. */
export const YAML_PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: false } as const;

/** How a read may use and keep parses: the owner's cache (core/parseCache.ts) and the file's key in it. */
export interface KeptParses {
  cache: ParseCache;
  /** the file's path */
  key: string;
}

/**
 * Every document of a YAML file. With a cache, the last parse of the same file is used again
 * when only one line changed, and the new parse is kept; without one, the text is parsed in full
 * and nothing is kept.
 */
export function parseYamlDocuments(text: string, keep?: KeptParses): Document[] {
  if (!keep) return parseAllDocuments(text, YAML_PARSE_OPTIONS) as Document[];
  // only this reader keeps parses, so what is kept under a file's key is a list of documents
  const cache = keep.cache as ParseCache<Document[]>;
  const previous = cache.take(keep.key);
  // the same text again (a re-check after a settings change): the same documents
  let docs = previous && (previous.text === text ? previous.parsed : reparseOneLine(previous, text));
  if (docs) {
    cache.counts.reused++;
    for (const doc of docs) cache.handOutAgain(doc);
  } else {
    cache.counts.full++;
    docs = parseAllDocuments(text, YAML_PARSE_OPTIONS) as Document[];
  }
  const list = Array.isArray(docs) ? docs : [];
  cache.keep(keep.key, { text, parsed: list });
  return list;
}

interface LineEdit {
  lineStart: number;
  /** end of the line's content (before `\r\n` / `\n`) in the old and the new text */
  oldContentEnd: number;
  newContentEnd: number;
  /** first changed offset, and where the unchanged tail starts in the old text */
  from: number;
  oldTo: number;
  delta: number;
}

const CHUNK = 512;

/** The edit when old and new text differ only inside one line (no line break added or removed). */
function oneLineEdit(oldText: string, newText: string): LineEdit | undefined {
  if (oldText === newText) return undefined;
  const min = Math.min(oldText.length, newText.length);
  // whole chunks first (a native comparison), then character by character
  let from = 0;
  while (from + CHUNK <= min && newText.startsWith(oldText.slice(from, from + CHUNK), from)) from += CHUNK;
  while (from < min && oldText.charCodeAt(from) === newText.charCodeAt(from)) from++;
  let tail = 0;
  while (tail + CHUNK <= min - from && newText.endsWith(oldText.slice(oldText.length - tail - CHUNK, oldText.length - tail), newText.length - tail)) tail += CHUNK;
  while (
    tail < min - from &&
    oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)
  ) tail++;
  const oldTo = oldText.length - tail;
  const newTo = newText.length - tail;
  if (hasLineBreak(oldText, from, oldTo) || hasLineBreak(newText, from, newTo)) return undefined;
  const lineStart = Math.max(oldText.lastIndexOf('\n', from - 1), oldText.lastIndexOf('\r', from - 1)) + 1;
  return {
    lineStart,
    oldContentEnd: contentEnd(oldText, oldTo),
    newContentEnd: contentEnd(newText, newTo),
    from,
    oldTo,
    delta: newText.length - oldText.length,
  };
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

function contentEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return i;
}

/** The line from its first non-blank character through its line break (what a full parse gives the entry). */
function entryText(text: string, lineStart: number, contentEndAt: number): { indent: number; source: string } {
  let indent = lineStart;
  while (indent < contentEndAt && (text[indent] === ' ' || text[indent] === '\t')) indent++;
  let end = contentEndAt;
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  return { indent: indent - lineStart, source: text.slice(indent, end) };
}

/** A `key: scalar` entry parsed on its own, or undefined when the line is anything else. */
function entryOfLine(source: string): Pair<Scalar, Scalar | null> | undefined {
  if (source.length === 0) return undefined;
  const doc = parseDocument(source, YAML_PARSE_OPTIONS);
  if (doc.errors.length || doc.warnings.length || doc.directives?.docStart) return undefined;
  const map = doc.contents;
  if (!isMap(map) || map.flow || map.items.length !== 1) return undefined;
  const pair = map.items[0];
  return isSimpleEntry(pair) && (pair.key as Scalar).range?.[0] === 0 ? (pair as Pair<Scalar, Scalar | null>) : undefined;
}

function isSimpleScalar(node: unknown): node is Scalar {
  return (
    isScalar(node) &&
    !node.anchor &&
    !node.tag &&
    node.type !== 'BLOCK_LITERAL' &&
    node.type !== 'BLOCK_FOLDED' &&
    Array.isArray(node.range)
  );
}

function isSimpleEntry(pair: unknown): boolean {
  return isPair(pair) && isSimpleScalar(pair.key) && (pair.value === null || isSimpleScalar(pair.value));
}

function sameRanges(inPlace: Node | null, alone: Node | null, offset: number): boolean {
  if (!inPlace || !alone) return inPlace === alone;
  const a = inPlace.range!;
  const b = alone.range!;
  return a[0] === b[0] + offset && a[1] === b[1] + offset && a[2] === b[2] + offset;
}

function sameValue(a: Scalar | null, b: Scalar | null): boolean {
  if (!a || !b) return a === b;
  return a.value === b.value && a.type === b.type;
}

function contains(node: unknown, offset: number): boolean {
  const range = (node as Node | null)?.range;
  return !!range && range[0] <= offset && offset < range[2];
}

/**
 * The block map entry whose key starts at `keyAt`: found by going down through the block
 * collections that contain the offset (a flow collection on the way: none). The last entry
 * of a map decides where the map ends (trailing comments and all), so only an entry that
 * another one follows is re-parsed alone.
 */
function entryAt(docs: Document[], keyAt: number): Pair<Scalar, Scalar | null> | undefined {
  let node: unknown = docs.find((d) => d.range && d.range[0] <= keyAt && keyAt < d.range[2])?.contents;
  while (node && (isMap(node) || isSeq(node)) && !node.flow && contains(node, keyAt)) {
    const items: unknown[] = node.items;
    let next: unknown;
    for (let i = 0; i < items.length && next === undefined; i++) {
      const item = items[i];
      if (!isPair(item)) {
        if (contains(item, keyAt)) next = item;
        continue;
      }
      if (isScalar(item.key) && item.key.range?.[0] === keyAt) {
        return isSimpleEntry(item) && i < items.length - 1 ? (item as Pair<Scalar, Scalar | null>) : undefined;
      }
      if (contains(item.key, keyAt)) return undefined;
      if (contains(item.value, keyAt)) next = item.value;
    }
    node = next;
  }
  return undefined;
}

/** Moves every node's range by `moved`. */
function moveAll(node: unknown, moved: (n: number) => number): void {
  if (!node || typeof node !== 'object') return;
  if (isPair(node)) {
    moveAll(node.key, moved);
    moveAll(node.value, moved);
    return;
  }
  const n = node as Node;
  if (n.range) n.range = [moved(n.range[0]), moved(n.range[1]), moved(n.range[2])];
  if (isMap(node) || isSeq(node)) for (const item of node.items as unknown[]) moveAll(item, moved);
}

function reparseOneLine(previous: KeptParse<Document[]>, text: string): Document[] | undefined {
  const edit = oneLineEdit(previous.text, text);
  if (!edit) return undefined;
  const docs = previous.parsed;
  if (docs.some((d) => d.errors.length > 0 || d.warnings.length > 0)) return undefined;
  // anchors anywhere make node identity matter (aliases point at nodes): parse in full
  if (previous.text.includes('&') && /(^|[\s[{,:-])&/.test(previous.text)) return undefined;

  const before = entryText(previous.text, edit.lineStart, edit.oldContentEnd);
  const after = entryText(text, edit.lineStart, edit.newContentEnd);
  if (before.indent !== after.indent || previous.text.slice(edit.lineStart, edit.lineStart + before.indent) !== text.slice(edit.lineStart, edit.lineStart + after.indent)) return undefined;
  const offset = edit.lineStart + before.indent;
  if (edit.from < offset) return undefined;

  const inPlace = entryAt(docs, offset);
  const oldAlone = entryOfLine(before.source);
  if (!inPlace || !oldAlone) return undefined;
  // the full parse read the old line exactly as a parse of the line alone: the context adds nothing
  if (!sameRanges(inPlace.key, oldAlone.key, offset) || !sameRanges(inPlace.value, oldAlone.value, offset)) return undefined;
  if (!sameValue(inPlace.key, oldAlone.key) || !sameValue(inPlace.value, oldAlone.value)) return undefined;
  const newAlone = entryOfLine(after.source);
  if (!newAlone) return undefined;
  // a more indented line after it could continue a plain value: only lines at or left of the entry may follow
  if (nextContentIndent(text, edit.newContentEnd) > after.indent) return undefined;

  // from here on nothing can fail: move everything after the edit, then put the new entry in
  const moved = (n: number) => (n >= edit.oldTo ? n + edit.delta : n);
  for (const doc of docs) {
    if (doc.range) doc.range = [moved(doc.range[0]), moved(doc.range[1]), moved(doc.range[2])];
    moveAll(doc.contents, moved);
  }
  shift(newAlone.key, offset);
  shift(newAlone.value, offset);
  inPlace.key = newAlone.key;
  inPlace.value = newAlone.value;
  return docs;
}

/** Indentation of the next line that is neither blank nor a comment (-1 when there is none). */
function nextContentIndent(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    while (i < text.length && (text[i] === '\r' || text[i] === '\n')) i++;
    const start = i;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i < text.length && text[i] !== '\r' && text[i] !== '\n' && text[i] !== '#') return i - start;
    while (i < text.length && text[i] !== '\r' && text[i] !== '\n') i++;
  }
  return -1;
}

function shift(node: Node | null, by: number): void {
  if (node?.range) node.range = [node.range[0] + by, node.range[1] + by, node.range[2] + by];
}
