// Which constants are secrets and are masked in an environment's rendered document: the
// project's one definition of a secret (settings/secrets.ts), and beyond it names that say
// secret / token / key, since the document shows every constant of the environment, not only
// the mail ones (another module's API token must not be shown either).
import { normalizeNamePart, splitConstantName } from '../settings/roles';
import { isSecretName } from '../settings/secrets';

/** What a masked value reads as in the document. */
export const MASK = '********';

const SECRET_WORDS = ['password', 'passwd', 'secret', 'apikey', 'token', 'privatekey', 'encryptionkey', 'passphrase', 'credential', 'clientsecret'];

export function isSecretConstant(name: string): boolean {
  if (isSecretName(name)) return true;
  const part = normalizeNamePart(splitConstantName(name).constant);
  return SECRET_WORDS.some((word) => part.includes(word));
}
