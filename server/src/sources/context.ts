// What every reader shares while it reads one file: the text, its line index, the
// problems found so far, and small helpers to turn offsets into ranges and findings.
import type { Document } from 'yaml';
import type { ParseCache } from '../core/parseCache';
import type { ReaderProblem, Range } from '../core/types';
import { MappedText } from './mappedText';
import { LineIndex } from './text';

export type Span = [number, number];

export class ReadContext {
  readonly lines: LineIndex;
  /** The file itself as a MappedText (identity), the bottom layer of every decoding. */
  readonly file: MappedText;
  readonly problems: ReaderProblem[] = [];
  /** The YAML parse of the text, once a YAML reader has made it (the comment reader walks it too). */
  yamlDocuments?: Document[];

  constructor(
    readonly path: string,
    readonly text: string,
    /** where the parse of this file may be kept for its next read (the caller's; none: nothing is kept) */
    readonly parses?: ParseCache,
  ) {
    this.lines = new LineIndex(text);
    this.file = MappedText.identity(text, 0);
  }

  range(span: Span): Range {
    return this.lines.range(span[0], span[1]);
  }

  /** The span without trailing blanks and line breaks (block collections end after a newline). */
  trimEnd(span: Span): Span {
    let end = span[1];
    while (end > span[0] && /\s/.test(this.text[end - 1])) end--;
    return [span[0], end];
  }

  /** An empty range at an offset. */
  point(offset: number): Range {
    return this.lines.range(offset, offset);
  }

  /** Only the first syntax error of a file is reported: later ones are mostly echoes of it. */
  syntaxError(span: Span, message: string): void {
    if (this.problems.some((p) => p.ruleId === 'syntax-error')) return;
    this.problems.push({ ruleId: 'syntax-error', range: this.range(span), message });
  }

  problem(ruleId: 'invalid-constants-json' | 'invalid-env-name', span: Span, message: string): void {
    this.problems.push({ ruleId, range: this.range(span), message });
  }
}
