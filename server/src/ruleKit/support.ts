// Small helpers the rules share: literal values, host classes, ranges inside a value, fixes.
import type { Assignment, FileKind, Fix, Range } from '../core/types';
import type { MailSettings } from '../core/settings';
import { FILE_KINDS } from '../core/fileKinds';
import { literalValue } from '../settings/values';

// values are read in one place (settings/values.ts); the rules' old import path stays
export { isExternalHost, isLoopbackHost, literalValue, portNumber } from '../settings/values';

/** true when the assignment has a value of any kind (a `${VAR}` or secretKeyRef counts as present). */
export function hasValue(a: Assignment | undefined): boolean {
  if (!a) return false;
  if (a.valueKind === 'reference' || a.valueKind === 'secret-ref') return true;
  return a.valueKind === 'literal' && a.value.trim().length > 0;
}

/**
 * true when a secret not set in this kind of file may well be set elsewhere (Cloud Foundry
 * `cf set-env` / credentials services, the Private Cloud secret store, Kubernetes Secrets: the
 * file-kind table's `secretsElsewhere`).
 */
export function secretsComeFromElsewhere(kind: FileKind): boolean {
  return FILE_KINDS[kind].secretsElsewhere;
}

/** Files that declare constants with their model defaults rather than set them for an environment. */
export function declaresDefaults(kind: FileKind): boolean {
  return FILE_KINDS[kind].declaresDefaults;
}

/**
 * The range of `value.slice(start, end)` in the file. Exact when the value sits on one line
 * and is written without escapes (its range is as long as the value); else the whole value.
 */
export function valueSubRange(a: Assignment, start: number, end: number): Range {
  const r = a.valueRange;
  if (!hasExactValueRange(a)) return r;
  return {
    start: { line: r.start.line, character: r.start.character + start },
    end: { line: r.start.line, character: r.start.character + end },
  };
}

/** true when the value's range covers exactly the value's characters (one line, no escapes). */
export function hasExactValueRange(a: Assignment): boolean {
  const r = a.valueRange;
  return r.start.line === r.end.line && r.end.character - r.start.character === a.value.length;
}

/** A one-edit fix that replaces an assignment's value text. */
export function replaceValue(a: Assignment, newText: string): Fix['edits'][number] {
  return { range: a.valueRange, newText };
}

/** The literal text of a flag, lower-cased ('true', 'false', …), or undefined. */
export function flagText(a: Assignment | undefined): string | undefined {
  return literalValue(a)?.toLowerCase();
}

/** Where to put a finding about something missing in this scope. */
export function missingAnchor(settings: MailSettings): Range {
  return settings.scope.anchorRange;
}
