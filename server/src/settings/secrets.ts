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
/** Constants that are secrets whatever role they play (compared by constantKey, case-insensitively). */
const SECRET_CONSTANTS = new Set(['encryption_encryptionkey']);

export function isSecretRole(role: Role | undefined): boolean {
  return role !== undefined && SECRET_ROLES.includes(role);
}

/** A secret by its name alone (`Module.Constant` or an `MX_` variable): for declarations and completion. */
export function isSecretName(name: string): boolean {
  if (SECRET_CONSTANTS.has(constantKey(name).toLowerCase())) return true;
  return isSecretRole(roleByName(name)) || (name.startsWith('MX_') && isSecretRole(roleByEnvKey(name)));
}

/** Whether this assignment's value is a secret in these settings. */
export function isSecret(settings: MailSettings, a: Assignment): boolean {
  if (isSecretRole(roleOfAssignment(a)) || isSecretName(a.name)) return true;
  const key = constantKey(a.name);
  for (const role of SECRET_ROLES) {
    for (const s of [settings.roles[role], ...(settings.alsoInRole[role] ?? [])]) {
      if (s && (s === a || constantKey(s.name) === key)) return true;
    }
  }
  return false;
}
