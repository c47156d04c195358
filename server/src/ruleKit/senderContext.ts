// What the SPF/DMARC rules need to know about a scope: the sender's domain (where it sits
// in the file) and whose servers send the mail, with the SPF include that servers needs.
import { domainToASCII } from 'node:url';
import type { Range, Severity } from '../core/types';
import type { MailSettings } from '../core/settings';
import { mailboxProblem, reservedDomainReason } from '../settings/addresses';
import { findProvider, MENDIX_MAIL_SERVERS } from '../settings/providers';
import { judgedAddresses, type JudgedAddress } from './addressItems';
import { isExternalHost, isLoopbackHost, literalValue } from './support';

export interface Sender {
  /** the from address as judged by the offline rules */
  address: JudgedAddress;
  /** the domain in ASCII (IDNA), lower case */
  domain: string;
  range: Range;
}

/** A domain worth asking DNS about: valid, not reserved (the offline rules speak for those), ASCII form. */
export function askableDomain(domain: string | undefined): string | undefined {
  if (!domain || domain.startsWith('[')) return undefined;
  if (reservedDomainReason(domain) !== undefined) return undefined;
  if (mailboxProblem(`x@${domain}`) !== undefined) return undefined;
  const ascii = domainToASCII(domain.replace(/\.$/, '').toLowerCase());
  return ascii || undefined;
}

/** The addresses of the scope whose domain DNS can be asked about. */
export function askableAddresses(settings: MailSettings): { address: JudgedAddress; domain: string }[] {
  const out: { address: JudgedAddress; domain: string }[] = [];
  for (const address of judgedAddresses(settings)) {
    if (mailboxProblem(address.item.text) !== undefined) continue;
    const domain = askableDomain(address.domain);
    if (domain) out.push({ address, domain });
  }
  return out;
}

export function senderOf(settings: MailSettings): Sender | undefined {
  const from = askableAddresses(settings).find((a) => a.address.isSender);
  return from && { address: from.address, domain: from.domain, range: from.address.range };
}

/** The SMTP host, when it is a name on the internet (not loopback, not an IP, not a container name). */
export function askableHost(settings: MailSettings): { host: string; range: Range } | undefined {
  const assignment = settings.roles.host;
  const host = literalValue(assignment);
  if (!assignment || !host || !isExternalHost(host) || /^[\d.]+$/.test(host) || host.includes(':')) return undefined;
  const ascii = askableDomain(host);
  return ascii ? { host: ascii, range: assignment.valueRange } : undefined;
}

export interface SendingServers {
  /** "SendGrid", "the Mendix mail servers (Cloud v3)" */
  name: string;
  /** the SPF include domains that cover them (first = the one to suggest) */
  includes: readonly string[];
  mendix: boolean;
  /**
   * warning when the sender's domain is the envelope sender for sure (Mendix mail servers,
   * Gmail, Microsoft 365); hint when the provider may bounce with its own return-path
   * domain, where the From domain's SPF is not what receivers check.
   */
  severity: Severity;
}

// Providers that send with the authenticated mailbox as envelope sender.
const MAILBOX_PROVIDERS = new Set(['gmail', 'microsoft-365']);

export function sendingServers(settings: MailSettings): SendingServers | undefined {
  const host = literalValue(settings.roles.host);
  if (!host) return undefined;
  if (isLoopbackHost(host)) {
    if (settings.target.target !== 'mendix-cloud-v3') return undefined;
    return { name: MENDIX_MAIL_SERVERS.name, includes: [MENDIX_MAIL_SERVERS.spfInclude], mendix: true, severity: 'warning' };
  }
  const provider = findProvider(host);
  if (!provider || provider.spfIncludes.length === 0) return undefined;
  return {
    name: provider.name,
    includes: provider.spfIncludes,
    mendix: false,
    severity: MAILBOX_PROVIDERS.has(provider.id) ? 'warning' : 'hint',
  };
}
