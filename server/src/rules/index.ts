// Every offline rule, in catalog order (shared/docs/rules.md). Add a rule: one file, one line here,
// one docs/rules/<id>.md page, then `node --import tsx scripts/update-rule-table.ts`.
import type { Rule } from './rule';
import { port25OnMendixCloud } from './port25OnMendixCloud';
import { mendixMailServerUnavailable } from './mendixMailServerUnavailable';
import { invalidPort } from './invalidPort';
import { missingCredentials } from './missingCredentials';
import { senderNoreply } from './senderNoreply';
import { addressWithoutDomain } from './addressWithoutDomain';
import { invalidAddress } from './invalidAddress';
import { reservedDomain } from './reservedDomain';
import { placeholderDomain } from './placeholderDomain';
import { invalidConstantsJson, invalidEnvName, syntaxError } from './readerProblems';
import { mendixCloudV3Retired } from './mendixCloudV3Retired';
import { hostIsIpAddress } from './hostIsIpAddress';
import { tlsPortMismatch } from './tlsPortMismatch';
import { noTransportSecurity } from './noTransportSecurity';
import { invalidBoolean } from './invalidBoolean';
import { passwordInPlainText } from './passwordInPlainText';
import { providerUsername } from './providerUsername';
import { providerPort } from './providerPort';
import { providerCredentialShape } from './providerCredentialShape';
import { microsoft365BasicAuth } from './microsoft365BasicAuth';
import { domainTypo } from './domainTypo';
import { sendingDisabled } from './sendingDisabled';
import { encryptionKeyMissing } from './encryptionKeyMissing';
import { constantOverridden } from './constantOverridden';
import { unknownConstant } from './unknownConstant';
import { notYetDeployed } from './not-yet-deployed';

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

export type { Rule, RuleMeta, RuleContext, FileRuleContext, Report } from './rule';
