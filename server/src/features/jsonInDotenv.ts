// Is the cursor inside the JSON of a `.env` `CONSTANTS=` value? Quoted values may span lines,
// so the value is found from its `CONSTANTS=` line on, and decoded as the .env reader does
// (sources/dotenv.ts): single quotes literal, double quotes with backslash escapes.
import { MappedBuilder, MappedText } from '../sources/mappedText';
import { jsonAtCursor, type JsonAtCursor } from './jsonPlace';

const DOUBLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"', "'": "'", $: '$' };

/** The value that starts at `open` (a quote or the first character), decoded with its mapping. */
function valueAt(file: MappedText, open: number): MappedText {
  const text = file.text;
  const quote = text[open];
  if (quote !== '"' && quote !== "'") {
    let end = text.indexOf('\n', open);
    if (end < 0) end = text.length;
    if (end > open && text[end - 1] === '\r') end--;
    return file.slice(open, end);
  }
  const out = new MappedBuilder(file);
  let i = open + 1;
  while (i < text.length && text[i] !== quote) {
    const decoded = quote === '"' && text[i] === '\\' ? DOUBLE_ESCAPES[text[i + 1]] : undefined;
    if (decoded !== undefined) {
      out.push(decoded, i, i + 2);
      i += 2;
    } else {
      out.push(text[i], i, i + 1);
      i++;
    }
  }
  return out.build(open + 1, i);
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
