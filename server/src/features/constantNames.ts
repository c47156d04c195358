// The constant names completion offers: those the app declares (metadata.json,
// Constants.java), then the module constants every Mendix mail setup may set.
import type { ConstantDeclaration } from '../core/types';
import { constantKey } from '../settings/roles';
import { isSecretName } from '../settings/secrets';

/** Module constants every Mendix mail setup may set (mendix-email.md §2). */
export const KNOWN_CONSTANTS: readonly { name: string; type: string; about: string }[] = [
  { name: 'EmailTemplate.SendingEnabled', type: 'Boolean', about: 'Email Module with Templates: false stops all mail (test environments only)' },
  { name: 'Encryption.EncryptionKey', type: 'String', about: 'Encryption module key; the Email Connector needs it to store passwords' },
  { name: 'Email_Connector.azure_defaultConfig', type: 'String', about: 'Email Connector: default Azure (OAuth) configuration' },
  { name: 'Email_Connector.EmailLogRetention', type: 'Integer', about: 'Email Connector: days to keep the email log' },
  { name: 'Email_Connector.LogNode', type: 'String', about: 'Email Connector: log node name' },
];

export interface ConstantName {
  name: string;
  detail: string;
  about?: string;
}

/** Declared constants first, then the known ones; each name once (`A.B` and `A_B` are one). */
export function constantNames(declarations: readonly ConstantDeclaration[]): ConstantName[] {
  const seen = new Set<string>();
  const out: ConstantName[] = [];
  for (const d of declarations) {
    const key = constantKey(d.name);
    if (seen.has(key)) continue;
    seen.add(key);
    const file = d.file.split(/[\\/]/).pop();
    out.push({ name: d.name, detail: `${d.type ?? 'constant'} · declared in ${file}`, about: d.defaultValue && !isSecretName(d.name) ? `default: ${d.defaultValue}` : undefined });
  }
  for (const k of KNOWN_CONSTANTS) {
    if (seen.has(constantKey(k.name))) continue;
    seen.add(constantKey(k.name));
    out.push({ name: k.name, detail: `${k.type} · module constant`, about: k.about });
  }
  return out;
}
