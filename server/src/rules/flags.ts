// What a flag (SSL, TLS, sending-enabled) says, as the runtime will read it. The Mendix runtime
// takes `true` / `false` (any case); m2ee-tools reads m2ee.yaml with PyYAML (YAML 1.1), where an
// unquoted yes/no/on/off is a boolean too, so those are accepted there only — in the three
// spellings PyYAML's resolver knows (`yes`, `Yes`, `YES`): `y`, `n` and `yEs` stay strings there.
import type { Assignment, FileKind } from '../core/types';
import { literalValue } from './support';

const YAML11_TRUE = new Set(['yes', 'Yes', 'YES', 'on', 'On', 'ON']);
const YAML11_FALSE = new Set(['no', 'No', 'NO', 'off', 'Off', 'OFF']);

/** true / false when the flag's literal value is a boolean the runtime accepts; undefined otherwise (also for references). */
export function flagValue(a: Assignment | undefined, kind: FileKind): boolean | undefined {
  const written = literalValue(a);
  if (written === undefined || !a) return undefined;
  const v = written.toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (kind === 'm2ee' && !a.quoted) {
    if (YAML11_TRUE.has(written)) return true;
    if (YAML11_FALSE.has(written)) return false;
  }
  return undefined;
}

/** What a non-boolean flag most likely meant (`1`, `yes`, `enabled` → true), or undefined when unclear. */
export function intendedFlag(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (['1', 'yes', 'y', 'on', 'enabled', 'enable', 't'].includes(v)) return true;
  if (['0', 'no', 'n', 'off', 'disabled', 'disable', 'f'].includes(v)) return false;
  return undefined;
}
