// Which mail role a constant plays, by its name (the table in rules.md, "Role names") or by
// the user's explicit mapping in `.mendix-email.json` (which wins over names).
import type { Role } from '../core/settings';

// name part (after the module dot, lower case, `_` `-` `.` removed) → role, for any module
const ANY_MODULE = new Map<string, Role>();
// name part → role, only when the module is "mail-ish" (its name contains mail / email / smtp)
const MAILISH_MODULE = new Map<string, Role>();

function add(map: Map<string, Role>, role: Role, names: string[]): void {
  for (const n of names) map.set(n, role);
}
add(ANY_MODULE, 'host', ['smtphost', 'smtpserver', 'mailhost', 'mailserver', 'emailhost', 'emailserver']);
add(ANY_MODULE, 'port', ['smtpport', 'mailport', 'emailport']);
add(ANY_MODULE, 'username', ['smtpuser', 'smtpusername', 'mailuser', 'mailusername', 'emailusername']);
add(ANY_MODULE, 'password', ['smtppassword', 'smtppass', 'mailpassword', 'emailpassword']);
add(ANY_MODULE, 'from', ['fromaddress', 'fromemail', 'mailfrom', 'senderaddress', 'senderemail', 'sender']);
add(ANY_MODULE, 'ssl', ['usessl', 'smtpssl', 'ssl', 'secure']);
add(ANY_MODULE, 'tls', ['usetls', 'smtptls', 'tls', 'starttls']);
add(MAILISH_MODULE, 'host', ['host', 'server']);
add(MAILISH_MODULE, 'port', ['port']);
add(MAILISH_MODULE, 'username', ['user', 'username']);
add(MAILISH_MODULE, 'password', ['password', 'apikey']);
add(MAILISH_MODULE, 'from', ['from']);

// Name endings that make a constant an address whatever its value (rules.md).
const ADDRESS_ENDINGS = ['email', 'emailaddress', 'mailaddress', 'recipient', 'recipients', 'replyto'];

/** Lower case with `_`, `-` and `.` removed: `SMTP_Host` → `smtphost`. */
export function normalizeNamePart(part: string): string {
  let out = '';
  for (let i = 0; i < part.length; i++) {
    const c = part[i];
    if (c !== '_' && c !== '-' && c !== '.') out += c;
  }
  return out.toLowerCase();
}

/** Module and constant part of `Module.Constant` (module '' when there is no dot). */
export function splitConstantName(name: string): { module: string; constant: string } {
  const dot = name.indexOf('.');
  return dot < 0 ? { module: '', constant: name } : { module: name.slice(0, dot), constant: name.slice(dot + 1) };
}

export function isMailishModule(module: string): boolean {
  const m = module.toLowerCase();
  return m.includes('mail') || m.includes('smtp');
}

/** The role a constant plays by its name alone, or undefined. */
export function roleByName(name: string): Role | undefined {
  const { module, constant } = splitConstantName(name);
  const part = normalizeNamePart(constant);
  if (part === 'sendingenabled' && module.toLowerCase() === 'emailtemplate') return 'sending-enabled';
  return ANY_MODULE.get(part) ?? (isMailishModule(module) ? MAILISH_MODULE.get(part) : undefined);
}

/**
 * The role of an `MX_` variable: the reader maps only the first `_` to the dot, so a module
 * with `_` in its name (`MX_Email_Connector_Host`) is retried at each later `_`.
 */
export function roleByEnvKey(key: string): Role | undefined {
  const rest = key.startsWith('MX_') ? key.slice(3) : key;
  for (let i = rest.indexOf('_'); i > 0; i = rest.indexOf('_', i + 1)) {
    const role = roleByName(`${rest.slice(0, i)}.${rest.slice(i + 1)}`);
    if (role) return role;
  }
  return undefined;
}

/** true when the name ends like an address constant (`Module.AdminEmail`, `Module.ReplyTo`). */
export function isAddressName(name: string): boolean {
  const part = normalizeNamePart(splitConstantName(name).constant);
  for (const ending of ADDRESS_ENDINGS) if (part.endsWith(ending)) return true;
  return false;
}

/**
 * A look-up for the explicit mapping (`roles` in the project config). Names are compared by
 * their `MX_` form, case-insensitively, so `Email_Connector.Host` also matches the variable
 * `MX_Email_Connector_Host` (which a reader names `Email.Connector_Host`).
 */
export function explicitRoleLookup(mapping: Record<string, Role> | undefined): (name: string) => Role | undefined {
  if (!mapping) return () => undefined;
  const byKey = new Map<string, Role>();
  for (const name in mapping) byKey.set(constantKey(name).toLowerCase(), mapping[name]);
  return (name) => byKey.get(constantKey(name).toLowerCase());
}

/**
 * The identity of a constant across channels, as the buildpack matches them (case-sensitive):
 * `Mail.Host` in CONSTANTS and the variable `MX_Mail_Host` are both `Mail_Host`.
 */
export function constantKey(name: string): string {
  const dot = name.indexOf('.');
  if (dot < 0) return name;
  // a constant name has one dot; more are rare, so only then the general replace
  return name.indexOf('.', dot + 1) < 0 ? `${name.slice(0, dot)}_${name.slice(dot + 1)}` : name.split('.').join('_');
}
