// Small text and range helpers for the editor features (positions are LSP's: 0-based line,
// UTF-16 character).
import type { Position, Range } from '../core/types';

export function contains(range: Range, p: Position): boolean {
  const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return afterStart && beforeEnd;
}

/** The text of one line (without its line break), or '' past the end. */
export function lineAt(text: string, line: number): string {
  let start = 0;
  for (let i = 0; i < line; i++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return '';
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  const raw = end < 0 ? text.slice(start) : text.slice(start, end);
  return raw.endsWith('\r') ? raw.slice(0, -1) : raw;
}

export function lines(text: string): string[] {
  return text.split(/\r?\n/);
}

export function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}
