// Removing one entry exactly, whatever the syntax: a key of a flow map `{A: 1, A: 2}`, a pair of
// JSON (config.json, CONSTANTS, customConfiguration), an item of a flow list, or a whole line
// where the entry is alone on it (block map key, env list item, .env line). The separator
// comma goes with the entry; nothing else on the line is touched.
import type { Assignment } from '../core/types';
import type { LineIndex } from '../sources/index';

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
const isSpace = (c: string | undefined) => isBlank(c) || c === '\n' || c === '\r';
const isQuote = (c: string | undefined) => c === '"' || c === "'";

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function lineEndOf(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** Just past the line break at `offset` (the end of a line), or the end of the text. */
function pastLineBreak(text: string, offset: number): number {
  if (text[offset] === '\r' && text[offset + 1] === '\n') return offset + 2;
  return offset < text.length ? offset + 1 : offset;
}

/** Only blanks, a block sequence dash or a .env `export` before it on its line. */
const ALONE_BEFORE = /^[ \t]*(?:-[ \t]+)*(?:export[ \t]+)?$/;
/** Only blanks or a comment after it on its line. */
const ALONE_AFTER = /^[ \t]*(?:#.*)?$/;

/**
 * The offsets to delete to remove the entry `[start, end)` from the text, or undefined when no
 * removal is known to be exact (the caller then offers no fix). `quoted`: the entry's value is
 * written in quotes whose closing quote lies just past `end`.
 */
export function removalSpan(text: string, start: number, end: number, quoted: boolean): [number, number] | undefined {
  // quotes around the whole entry (a quoted list item `- "MX_A=1"`), around its key or around
  // its value belong to the entry
  if (isQuote(text[start - 1]) && text[end] === text[start - 1]) {
    start--;
    end++;
  } else {
    if (isQuote(text[start - 1])) start--;
    if (quoted && isQuote(text[end])) end++;
  }

  let next = end;
  while (next < text.length && isSpace(text[next])) next++;

  // followed by a separator comma (a flow map or JSON): the entry, the comma and the blanks after it
  if (text[next] === ',') {
    let after = next + 1;
    while (after < text.length && isBlank(text[after])) after++;
    const lineStart = lineStartOf(text, start);
    // the entry filled its line (JSON written one pair a line): the whole line goes
    if (ALONE_BEFORE.test(text.slice(lineStart, start)) && lineEndOf(text, after) === after) return [lineStart, pastLineBreak(text, after)];
    return [start, after];
  }

  // the last entry of a flow collection: the comma before it goes with it
  if (text[next] === '}' || text[next] === ']') {
    let before = start;
    while (before > 0 && isSpace(text[before - 1])) before--;
    if (text[before - 1] === ',') return [before - 1, end];
    // the only entry: `{A: 1}` becomes `{}`
    if (text[before - 1] === '{' || text[before - 1] === '[') return [start, end];
    return undefined;
  }

  // alone on its lines: the lines go
  const lineStart = lineStartOf(text, start);
  const lineEnd = lineEndOf(text, end);
  if (ALONE_BEFORE.test(text.slice(lineStart, start)) && ALONE_AFTER.test(text.slice(end, lineEnd))) return [lineStart, pastLineBreak(text, lineEnd)];
  return undefined;
}

/** The entry's offsets in the text. */
export function entryOffsets(a: Assignment, lines: LineIndex): [number, number] {
  return [lines.offsetAt(a.entryRange.start), lines.offsetAt(a.entryRange.end)];
}
