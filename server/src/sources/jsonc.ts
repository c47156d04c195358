// jsonc-parser's "main" entry is a UMD build whose inner require() calls esbuild cannot
// follow (the bundle then fails at start-up with "Cannot find module './impl/format'");
// its ESM build bundles cleanly, so the readers import that one.
//
// Its parser recurses once per nested array / object, so 10,000 `[` overflow the stack and
// took a whole file down with a RangeError. Every parse of JSON we did not write goes through
// `withoutTooDeep` first: one pass of the (non-recursive) scanner.
import { createScanner, SyntaxKind } from 'jsonc-parser/lib/esm/main.js';

export { getLocation, parseTree, printParseErrorCode } from 'jsonc-parser/lib/esm/main.js';
export type { Node, ParseError } from 'jsonc-parser/lib/esm/main.js';

/** Deeper than any settings file; far below what overflows the stack (about 3,000 in jsonc-parser). */
export const MAX_JSON_NESTING = 200;

/**
 * The JSON with each array / object nested deeper than `max` replaced by `0` and blanks
 * (line breaks kept, so every offset and line stays where it was), and where those were.
 * The rest parses as before; the caller reports each region.
 */
export function withoutTooDeep(text: string, max = MAX_JSON_NESTING): { text: string; tooDeep: [number, number][] } {
  const scanner = createScanner(text, true);
  const tooDeep: [number, number][] = [];
  let depth = 0;
  let openedAt = -1;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      if (++depth === max + 1) openedAt = scanner.getTokenOffset();
    } else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) {
      if (depth === max + 1) tooDeep.push([openedAt, scanner.getTokenOffset() + 1]);
      depth = Math.max(0, depth - 1);
    }
  }
  if (depth > max) tooDeep.push([openedAt, text.length]);
  if (tooDeep.length === 0) return { text, tooDeep };
  let flat = '';
  let from = 0;
  for (const [start, end] of tooDeep) {
    flat += text.slice(from, start) + '0' + text.slice(start + 1, end).replace(/[^\r\n]/g, ' ');
    from = end;
  }
  return { text: flat + text.slice(from), tooDeep };
}

/** What a user reads when JSON nests too deep. */
export function tooDeepWords(max = MAX_JSON_NESTING): string {
  return `arrays / objects nested more than ${max} deep`;
}
