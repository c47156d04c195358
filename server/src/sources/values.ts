// How a written value is classified: a literal, a reference filled in elsewhere, or empty.
import type { ValueKind } from '../core/types';

// `${VAR}`, `$VAR` (compose, .env, shells), `((var))` (cf vars), `$(VAR)` (Kubernetes),
// `{{ .Values.x }}` (Helm and other Go/Jinja templates).
const REFERENCE = /\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\(\([^()]*\)\)|\$\([A-Za-z_][A-Za-z0-9_]*\)|\{\{[^}]*\}\}/;

/** true when the value holds a placeholder (`$$` is compose's escaped dollar, not one). */
export function hasReference(value: string): boolean {
  if (!value.includes('$') && !value.includes('((') && !value.includes('{{')) return false;
  return REFERENCE.test(value.replace(/\$\$/g, ''));
}

export function valueKindOf(value: string, isNull = false): ValueKind {
  if (isNull || value === '') return 'empty';
  return hasReference(value) ? 'reference' : 'literal';
}
