// A fresh, empty scope; readers fill in assignments, dtapMode and envFiles.
import type { FileKind, Scope } from '../core/types';
import type { ReadContext, Span } from './context';

export function newScope(ctx: ReadContext, name: string, kind: FileKind, span: Span, anchorSpan: Span): Scope {
  return { name, kind, range: ctx.range(span), assignments: [], anchorRange: ctx.range(anchorSpan) };
}
