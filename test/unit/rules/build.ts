// Hand-built scopes and read results for unit tests that do not go through a reader.
// Each entry becomes one line `key: value` at its index, so ranges are predictable:
// key at character 2, value right after ': '.
import type { Assignment, AssignmentChannel, FileKind, ReadResult, Scope, ValueKind } from '../../../server/src/core/types';

export type Entry =
  | [name: string, value: string]
  | { name: string; value: string; key?: string; channel?: AssignmentChannel; valueKind?: ValueKind; scalarType?: Assignment['scalarType'] };

export function assignment(entry: Entry, line: number): Assignment {
  const e = Array.isArray(entry) ? { name: entry[0], value: entry[1] } : entry;
  const key = 'key' in e && e.key ? e.key : e.name;
  const channel: AssignmentChannel = ('channel' in e && e.channel) || (key.startsWith('MX_') ? 'mx-env' : 'constant-key');
  const valueStart = 2 + key.length + 2;
  const valueKind: ValueKind =
    ('valueKind' in e && e.valueKind) || (e.value === '' ? 'empty' : e.value.includes('${') ? 'reference' : 'literal');
  return {
    name: e.name,
    value: e.value,
    valueKind,
    quoted: false,
    scalarType: 'scalarType' in e ? e.scalarType : undefined,
    channel,
    key,
    keyRange: { start: { line, character: 2 }, end: { line, character: 2 + key.length } },
    valueRange: { start: { line, character: valueStart }, end: { line, character: valueStart + e.value.length } },
    entryRange: { start: { line, character: 2 }, end: { line, character: valueStart + e.value.length } },
  };
}

/** A scope whose entries sit on lines 1…n (line 0 is the anchor `MicroflowConstants:`). */
export function scope(entries: Entry[], kind: FileKind = 'm2ee', extra: Partial<Scope> = {}): Scope {
  const anchorRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 18 } };
  return {
    name: 'mxruntime',
    kind,
    range: { start: { line: 0, character: 0 }, end: { line: entries.length, character: 0 } },
    assignments: entries.map((e, i) => assignment(e, i + 1)),
    anchorRange,
    ...extra,
  };
}

export function read(scopes: Scope[], extra: Partial<ReadResult> = {}): ReadResult {
  return {
    kind: scopes[0]?.kind ?? 'm2ee',
    scopes,
    declarations: [],
    problems: [],
    suppressions: [],
    ...extra,
  };
}
