// The one definition of "secret": a value no output may show (hover, code lens, completion,
// file info, rule messages, CLI reports). A constant holds a secret when its role is a
// secret role (by name, `Mail.ApiKey` included, or by the `roles` mapping of the project
// config), when it is the same constant as a secret of its scope (an overridden copy), or
// when its name is a secret by itself (the Encryption module's key).
import type { Assignment } from '../core/types';
import type { MailSettings, Role } from '../core/settings';
import { roleOfAssignment } from './mailSettings';
import { constantKey, roleByEnvKey, roleByName } from './roles';

/** Roles whose values are secrets. */
export const SECRET_ROLES: readonly Role[] = ['password'];
/** Constants that are secrets whatever role they play (by constantKey, lower case), with what they are in the user's words. */
const SECRET_CONSTANTS = new Map([['encryption_encryptionkey', 'encryption key']]);

export function isSecretRole(role: Role | undefined): boolean {
  return role !== undefined && SECRET_ROLES.includes(role);
}

/** A secret by its name alone (`Module.Constant` or an `MX_` variable): for declarations and completion. */
export function isSecretName(name: string): boolean {
  if (SECRET_CONSTANTS.has(constantKey(name).toLowerCase())) return true;
  return isSecretRole(roleByName(name)) || (name.startsWith('MX_') && isSecretRole(roleByEnvKey(name)));
}

/** What a secret is, for messages: the secret constant's own word (`encryption key`), else `SMTP password` (the password role, `Mail.ApiKey` included). */
export function secretWord(a: Assignment): string {
  return SECRET_CONSTANTS.get(constantKey(a.name).toLowerCase()) ?? 'SMTP password';
}

/** Whether this assignment's value is a secret in these settings. */
export function isSecret(settings: MailSettings, a: Assignment): boolean {
  // roleOfAssignment is remembered per name and covers the `MX_` key: what isSecretName adds is the secret constants
  if (isSecretRole(roleOfAssignment(a)) || SECRET_CONSTANTS.has(constantKey(a.name).toLowerCase())) return true;
  const key = constantKey(a.name);
  for (const role of SECRET_ROLES) {
    for (const s of [settings.roles[role], ...(settings.alsoInRole[role] ?? [])]) {
      if (s && (s === a || constantKey(s.name) === key)) return true;
    }
  }
  return false;
}

/**
 * The assignments of a scope that hold secrets, in file order: the effective ones and the values
 * they override (those are written in the file too). What password-in-plain-text reports and what
 * `check --fix` masks and never writes.
 */
export function secretAssignments(settings: MailSettings): Assignment[] {
  // isSecret for each assignment, with the secret roles' constants gathered once (this runs on every check)
  const secretKeys = new Set<string>();
  for (const role of SECRET_ROLES) {
    for (const s of [settings.roles[role], ...(settings.alsoInRole[role] ?? [])]) if (s) secretKeys.add(constantKey(s.name));
  }
  return settings.scope.assignments.filter((a) => {
    if (isSecretRole(roleOfAssignment(a))) return true;
    const key = constantKey(a.name);
    return secretKeys.has(key) || SECRET_CONSTANTS.has(key.toLowerCase());
  });
}
