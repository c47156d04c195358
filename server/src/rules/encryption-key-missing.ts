// The Email Connector encrypts stored passwords with Encryption.EncryptionKey; without it the
// connector cannot save or read its accounts (mendix-email.md §2).
import type { Rule } from '../ruleKit/rule';
import { declaresDefaults, hasValue, secretsComeFromElsewhere } from '../ruleKit/support';
import { constantKey } from '../settings/roles';

const CONNECTOR_PREFIX = 'Email_Connector_';
const ENCRYPTION_KEY = 'Encryption_EncryptionKey';

export const encryptionKeyMissing: Rule = {
  id: 'encryption-key-missing',
  defaultSeverity: 'warning',
  description: 'The scope sets Email_Connector constants but no Encryption.EncryptionKey.',
  needsNetwork: false,
  check({ settings, report }) {
    const { kind } = settings.scope;
    // a model's declarations leave the key empty on purpose: each environment sets its own
    if (declaresDefaults(kind)) return;
    // compared by the buildpack's identity, so MX_Email_Connector_X counts too
    const connector = settings.effective.find((a) => constantKey(a.name).startsWith(CONNECTOR_PREFIX));
    if (!connector) return;
    const key = settings.effective.find((a) => constantKey(a.name) === ENCRYPTION_KEY);
    if (hasValue(key)) return;
    // the key is a secret: where secrets come from elsewhere, only one written here empty is judged
    if (!key && secretsComeFromElsewhere(kind)) return;
    // a key in an env_file this scope could not read may be there: do not guess
    if (!key && (settings.scope.envFiles?.length ?? 0) > 0 && !settings.effective.some((a) => a.fromFile)) return;
    report({
      range: key ? key.valueRange : connector.keyRange,
      message: key
        ? 'Encryption.EncryptionKey is empty, but the Email Connector needs it to encrypt the stored account passwords; set the key (keep it secret).'
        : `This scope configures the Email Connector (${connector.key}) but sets no Encryption.EncryptionKey, which the connector needs to encrypt stored passwords; set the key (keep it secret).`,
    });
  },
};
