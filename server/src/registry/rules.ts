// Every rule, in catalog order: the offline rules, then the network (DNS) rules. Add a rule: one
// file named by its id, one line here, one docs/rules/<id>.md page, fixtures in
// test/fixtures/rules/<id>/ (CONTRIBUTING.md), then `node --import tsx scripts/update-rule-table.ts`. Each rule's docs link is derived from its id
// here, in one loop (markdownlint's way), so no rule file writes it.
import type { Rule, RuleHeader, RuleMeta } from '../ruleKit/rule';
import type { OnlineRule } from '../ruleKit/onlineRule';
import { port25OnMendixCloud } from '../rules/port-25-on-mendix-cloud';
import { mendixMailServerUnavailable } from '../rules/mendix-mail-server-unavailable';
import { invalidPort } from '../rules/invalid-port';
import { missingCredentials } from '../rules/missing-credentials';
import { senderNoreply } from '../rules/sender-noreply';
import { addressWithoutDomain } from '../rules/address-without-domain';
import { invalidAddress } from '../rules/invalid-address';
import { reservedDomain } from '../rules/reserved-domain';
import { placeholderDomain } from '../rules/placeholder-domain';
import { invalidConstantsJson } from '../rules/invalid-constants-json';
import { invalidEnvName } from '../rules/invalid-env-name';
import { syntaxError } from '../rules/syntax-error';
import { envFileNotRead } from '../rules/env-file-not-read';
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
import { domainNotFound } from '../rules/online/domain-not-found';
import { spfMissingInclude } from '../rules/online/spf-missing-include';
import { spfInvalid } from '../rules/online/spf-invalid';
import { spfHardcodedMendixIps } from '../rules/online/spf-hardcoded-mendix-ips';
import { dmarcMissing } from '../rules/online/dmarc-missing';

/** The docs path for a rule id: the one convention. */
export function docsPath(id: string): string {
  return `docs/rules/${id}.md`;
}

export type Registered<R extends RuleHeader> = R & { docs: string };

function register<R extends RuleHeader>(list: R[]): readonly Registered<R>[] {
  for (const rule of list) (rule as Registered<R>).docs = docsPath(rule.id);
  return list as Registered<R>[];
}

export const rules = register<Rule>([
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
]);

export const onlineRules = register<OnlineRule>([domainNotFound, spfMissingInclude, spfInvalid, spfHardcodedMendixIps, dmarcMissing]);

/** Every rule, offline then network: what the README table, the CLI's catalog and the schema test list. */
export const allRules: readonly RuleMeta[] = [...rules, ...onlineRules];

const byId = new Map(rules.map((r) => [r.id, r]));

export function ruleById(id: string): Registered<Rule> | undefined {
  return byId.get(id);
}

export type { Rule, RuleMeta, RuleContext, FileRuleContext, Report } from '../ruleKit/rule';
