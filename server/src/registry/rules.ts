// Every offline rule, in catalog order (shared/docs/rules.md). Add a rule: one file, one line here,
// one docs/rules/<id>.md page, then `node --import tsx scripts/update-rule-table.ts`.
import type { Rule } from '../ruleKit/rule';
import { port25OnMendixCloud } from '../rules/port-25-on-mendix-cloud';
import { mendixMailServerUnavailable } from '../rules/mendix-mail-server-unavailable';
import { invalidPort } from '../rules/invalid-port';
import { missingCredentials } from '../rules/missing-credentials';
import { senderNoreply } from '../rules/sender-noreply';
import { addressWithoutDomain } from '../rules/address-without-domain';
import { invalidAddress } from '../rules/invalid-address';
import { reservedDomain } from '../rules/reserved-domain';
import { placeholderDomain } from '../rules/placeholder-domain';
import { envFileNotRead, invalidConstantsJson, invalidEnvName, syntaxError } from '../rules/readerProblems';
import { mendixCloudV3Retired } from '../rules/mendix-cloud-v3-retired';
import { hostIsIpAddress } from '../rules/host-is-ip-address';
import { tlsPortMismatch } from '../rules/tls-port-mismatch';
import { noTransportSecurity } from '../rules/no-transport-security';
import { invalidBoolean } from '../rules/invalid-boolean';
import { passwordInPlainText } from '../rules/password-in-plain-text';
import { providerUsername } from '../rules/provider-username';
import { providerPort } from '../rules/provider-port';
import { providerCredentialShape } from '../rules/provider-credential-shape';
import { microsoft365BasicAuth } from '../rules/microsoft-365-basic-auth';
import { domainTypo } from '../rules/domain-typo';
import { sendingDisabled } from '../rules/sending-disabled';
import { encryptionKeyMissing } from '../rules/encryption-key-missing';
import { constantOverridden } from '../rules/constant-overridden';
import { unknownConstant } from '../rules/unknown-constant';
import { notYetDeployed } from '../rules/not-yet-deployed';

export const rules: readonly Rule[] = [
  port25OnMendixCloud,
  mendixMailServerUnavailable,
  invalidPort,
  missingCredentials,
  senderNoreply,
  addressWithoutDomain,
  invalidAddress,
  reservedDomain,
  placeholderDomain,
  invalidConstantsJson,
  invalidEnvName,
  syntaxError,
  envFileNotRead,
  mendixCloudV3Retired,
  hostIsIpAddress,
  tlsPortMismatch,
  noTransportSecurity,
  invalidBoolean,
  passwordInPlainText,
  providerUsername,
  providerPort,
  providerCredentialShape,
  microsoft365BasicAuth,
  domainTypo,
  sendingDisabled,
  encryptionKeyMissing,
  constantOverridden,
  unknownConstant,
  notYetDeployed,
];

const byId = new Map(rules.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

export type { Rule, RuleMeta, RuleContext, FileRuleContext, Report } from '../ruleKit/rule';
