// Shared by the reader tests: load fixtures, and check ranges against the text with an
// offset computation that does not use the code under test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import type { Assignment, Range, ReadResult, Scope } from '../../../server/src/core/types';
import { readSettingsFile } from '../../../server/src/sources/index';

export const fixtures = join(__dirname, '..', '..', 'fixtures', 'sources');

export function fixture(name: string): string {
  return readFileSync(join(fixtures, name), 'utf8');
}

/** Offset of an LSP position, by splitting lines on \n, \r\n and \r independently of LineIndex. */
export function offsetOf(text: string, position: { line: number; character: number }): number {
  const re = /\r\n|\r|\n/g;
  let line = 0;
  let start = 0;
  while (line < position.line) {
    const m = re.exec(text);
    if (!m) throw new Error(`line ${position.line} beyond the text`);
    start = m.index + m[0].length;
    line++;
  }
  return start + position.character;
}

export function slice(text: string, range: Range): string {
  return text.slice(offsetOf(text, range.start), offsetOf(text, range.end));
}

/** Read a fixture under the given path (its name is what decides the reader). */
export function readFixture(name: string, asPath = `/project/${name}`, languageId?: string): { text: string; result: ReadResult } {
  const text = fixture(name);
  const result = readSettingsFile(asPath, text, languageId);
  assert.ok(result, `${name} should be recognised`);
  return { text, result };
}

export function scopeNamed(result: ReadResult, name: string): Scope {
  const scope = result.scopes.find((s) => s.name === name);
  assert.ok(scope, `no scope "${name}" in ${result.scopes.map((s) => s.name).join(', ')}`);
  return scope;
}

/** Compact view of assignments for deepEqual: [name, value, valueKind, text at valueRange, text at keyRange]. */
export function view(text: string, assignments: Assignment[]): [string, string, string, string, string][] {
  return assignments.map((a) => [a.name, a.value, a.valueKind, slice(text, a.valueRange), slice(text, a.keyRange)]);
}
