// Is the cursor inside the JSON of a `.env` `CONSTANTS=` value? Quoted values may span lines,
// so the value is found from its `CONSTANTS=` line on, and decoded as the .env reader does
// (sources/dotenv.ts): single quotes literal, double quotes with backslash escapes.
import { readQuoted } from '../sources/dotenv';
import { MappedText } from '../sources/mappedText';
import { jsonAtCursor, type JsonAtCursor } from './jsonPlace';

/** The value that starts at `open` (a quote or the first character), decoded with its mapping. */
function valueAt(file: MappedText, open: number): MappedText {
  const text = file.text;
  if (text[open] === '"' || text[open] === "'") return readQuoted(file, open).mapped;
  let end = text.indexOf('\n', open);
  if (end < 0) end = text.length;
  if (end > open && text[end - 1] === '\r') end--;
  return file.slice(open, end);
}

export function jsonInDotenvAt(text: string, offset: number): JsonAtCursor | undefined {
  const file = MappedText.identity(text, 0);
  for (const m of text.matchAll(/^[ \t]*(?:export[ \t]+)?CONSTANTS[ \t]*=[ \t]*/gm)) {
    const open = m.index! + m[0].length;
    if (open > offset) break;
    const spot = jsonAtCursor(valueAt(file, open), offset, [], text[open] === '"' ? '\\"' : '"');
    if (spot) return spot;
  }
  return undefined;
}
