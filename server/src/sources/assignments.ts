// Builds Assignment records from offsets, so every reader fills the fields the same way.
import type { Assignment, AssignmentChannel, ValueKind } from '../core/types';
import type { ReadContext, Span } from './context';

export interface ValueInfo {
  /** as text; numbers and booleans as written; '' when empty or not a scalar */
  value: string;
  valueKind: ValueKind;
  quoted: boolean;
  scalarType?: Assignment['scalarType'];
  /** true when the value is a map or list rather than a scalar */
  nonScalar?: boolean;
  /** file span of the value's text (inside quotes); undefined when there is no value */
  span?: Span;
}

export interface AssignmentParts {
  name: string;
  key: string;
  keySpan: Span;
  channel: AssignmentChannel;
  value: ValueInfo;
  /** key through value; defaults to key start → value end */
  entrySpan?: Span;
  fromFile?: string;
}

export function makeAssignment(ctx: ReadContext, parts: AssignmentParts): Assignment {
  const { value } = parts;
  const valueSpan: Span = value.span ?? [parts.keySpan[1], parts.keySpan[1]];
  const entrySpan: Span = parts.entrySpan ?? [parts.keySpan[0], Math.max(parts.keySpan[1], valueSpan[1])];
  const assignment: Assignment = {
    name: parts.name,
    value: value.value,
    valueKind: value.valueKind,
    quoted: value.quoted,
    channel: parts.channel,
    key: parts.key,
    keyRange: ctx.range(parts.keySpan),
    valueRange: ctx.range(valueSpan),
    entryRange: ctx.range(entrySpan),
  };
  if (value.scalarType) assignment.scalarType = value.scalarType;
  if (parts.fromFile !== undefined) assignment.fromFile = parts.fromFile;
  return assignment;
}
