// Which constants are secrets and are masked in an environment's rendered document. The
// password role is the project's own definition (settings/roles.ts); the Email Connector's
// encryption key and names that say secret / token / key are masked too, since the document
// shows every constant of the environment, not only the mail ones.
import { normalizeNamePart, roleByName, splitConstantName } from '../settings/roles';

/** What a masked value reads as in the document. */
export const MASK = '********';

const SECRET_WORDS = ['password', 'passwd', 'secret', 'apikey', 'token', 'privatekey', 'encryptionkey', 'passphrase', 'credential', 'clientsecret'];

export function isSecretConstant(name: string): boolean {
  if (roleByName(name) === 'password') return true;
  const part = normalizeNamePart(splitConstantName(name).constant);
  return SECRET_WORDS.some((word) => part.includes(word));
}
