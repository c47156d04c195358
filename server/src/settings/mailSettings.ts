// The mail settings of one scope: which constants play which role (explicit mapping first,
// then names), which other constants hold addresses, and which assignment wins per constant.
import type { Assignment, Scope } from '../core/types';
import type { MailSettings, ResolvedTarget, Role } from '../core/settings';
import { looksLikeAddressList } from './addresses';
import { recipientSeparatorsIn } from './values';
import { resolvePrecedence } from './precedence';
import { explicitRoleLookup, isAddressName, roleByEnvKey, roleByName } from './roles';

// Names repeat on every re-check of a document (each keystroke): remember what they are.
// Bounded, so a file with 100,000 constants cannot grow it without end. Module-level memos,
// yet no hidden state: a name's role comes from the fixed tables of roles.ts alone (the
// explicit mapping of a project config is applied apart, in buildMailSettings), so every
// caller gets the same answer and nothing ever needs them reset.
const MEMO_LIMIT = 50_000;
const roleMemo = new Map<string, Role | null>();
const addressNameMemo = new Map<string, boolean>();

function remember<T>(memo: Map<string, T>, key: string, compute: () => T): T {
  const known = memo.get(key);
  if (known !== undefined) return known;
  const value = compute();
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/** The role of one assignment by name (explicit mapping not included). */
export function roleOfAssignment(a: Assignment): Role | undefined {
  const key = a.channel === 'mx-env' ? `${a.name}\u0000${a.key}` : a.name;
  const role = remember(roleMemo, key, () => roleByName(a.name) ?? (a.channel === 'mx-env' ? roleByEnvKey(a.key) : undefined) ?? null);
  return role ?? undefined;
}

// Values that say "this is a flag or a count", so `Module.SendEmail: true` is not an address.
const NOT_ADDRESS_VALUES = new Set(['true', 'false', 'yes', 'no', 'on', 'off']);

function isAddress(a: Assignment, separators: string): boolean {
  if (a.valueKind === 'literal' && looksLikeAddressList(a.value, separators)) return true;
  if (!remember(addressNameMemo, a.name, () => isAddressName(a.name))) return false;
  if (a.scalarType === 'boolean' || a.scalarType === 'number') return false;
  return !NOT_ADDRESS_VALUES.has(a.value.trim().toLowerCase());
}

export function buildMailSettings(
  scope: Scope,
  target: ResolvedTarget,
  roleMapping?: Record<string, Role>,
): MailSettings {
  const { effective, overridden } = resolvePrecedence(scope.assignments, scope.constantsVariable);
  const explicit = explicitRoleLookup(roleMapping);
  const roles: Partial<Record<Role, Assignment>> = {};
  const alsoInRole: Partial<Record<Role, Assignment[]>> = {};
  const take = (role: Role, a: Assignment) => {
    if (!roles[role]) roles[role] = a;
    else (alsoInRole[role] ??= []).push(a);
  };
  const claimed = new Set<Assignment>();
  // explicit mapping first: it wins over every name heuristic
  if (roleMapping) {
    for (const a of effective) {
      const role = explicit(a.name);
      if (role) {
        claimed.add(a);
        take(role, a);
      }
    }
  }
  const addresses: Assignment[] = [];
  // a list written with the app's own separator (EmailTemplate.EmailAddressSeparator) is one too
  const separators = recipientSeparatorsIn(effective);
  for (const a of effective) {
    if (claimed.has(a)) continue;
    const role = roleOfAssignment(a);
    if (role) {
      take(role, a);
      continue;
    }
    if (isAddress(a, separators)) addresses.push(a);
  }
  return { scope, target, roles, alsoInRole, addresses, effective, overridden };
}
