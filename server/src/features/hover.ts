// Hover on a constant (its role, the value that wins and where it comes from, what it
// overrides, its declaration) and on a provider host (ports, username rule, notes).
import type { Assignment, ConstantDeclaration, FileKind, Position, Range } from '../core/types';
import type { CheckResult, MailSettings, Role } from '../core/settings';
import { isExternalHost, isIpLiteral, isLoopbackHost, literalValue, readFlag, readPort } from '../settings/values';
import { findProvider, type Provider } from '../settings/providers';
import { constantKey } from '../settings/roles';
import { isSecret, isSecretName } from '../settings/secrets';
import { contains } from './text';
import { ROLE_WORDS, roleOf, shownValue, whereWritten } from './describe';

export interface HoverResult {
  /** Markdown */
  contents: string;
  range: Range;
}

export function providerHover(provider: Provider, host: string): string {
  const ports = [
    provider.starttlsPorts.length ? `${provider.starttlsPorts.join(', ')} (STARTTLS)` : undefined,
    provider.implicitTlsPorts.length ? `${provider.implicitTlsPorts.join(', ')} (implicit TLS)` : 'no implicit-TLS port',
  ].filter(Boolean).join(' · ');
  const out = [
    `**${provider.name}** — \`${host}\``,
    '',
    `- Ports: ${ports}; use **${provider.submissionPort}**`,
    `- Username: ${provider.username.description}`,
    `- Password: ${provider.secret.description}`,
  ];
  for (const note of provider.notes) out.push(`- ${note}`);
  return out.join('\n');
}

function declarationOf(name: string, declarations: readonly ConstantDeclaration[]): ConstantDeclaration | undefined {
  const key = constantKey(name);
  return declarations.find((d) => constantKey(d.name) === key);
}

function constantHover(a: Assignment, settings: MailSettings, declarations: readonly ConstantDeclaration[], cloud: boolean): string {
  const winner = settings.overridden.find((o) => o.loser === a)?.winner ?? a;
  const role = roleOf(settings, winner.name);
  const isAddress = settings.addresses.includes(winner);
  const roleText = role ? ROLE_WORDS[role] : isAddress ? 'an email address (checked as a recipient)' : 'no mail role';
  const secret = isSecret(settings, a) || isSecret(settings, winner);
  const out = [`**${a.name}** — ${roleText}`, ''];
  if (winner !== a) {
    out.push(`This value is **not used**: ${shownValue(winner, secret)} from ${whereWritten(winner)} wins.`);
  } else {
    out.push(cloud ? `Value: ${shownValue(a, secret)} (what the portal holds; takes effect at the next restart)` : `Value: ${shownValue(a, secret)} from ${whereWritten(a)}`);
    if (cloud) out.push('', `DeployedValue: ${deployedWords(a, secret)} (what the running app uses)`);
    const losers = settings.overridden.filter((o) => o.winner === a).map((o) => o.loser);
    if (losers.length) out.push('', `Overrides: ${losers.map((l) => `${shownValue(l, secret)} from ${whereWritten(l)}`).join('; ')}`);
  }
  const reading = winner === a ? howItIsRead(role, a, settings.scope.kind) : undefined;
  if (reading) out.push('', reading);
  const host = role === 'host' ? literalValue(winner) : undefined;
  const provider = host !== undefined ? findProvider(host) : undefined;
  if (provider) out.push('', `Provider: ${provider.name}; ${provider.credentials}; port ${provider.submissionPort}.`);
  const declared = declarationOf(a.name, declarations);
  if (declared) {
    const parts = [declared.type ? `type ${declared.type}` : undefined, declared.defaultValue !== undefined && declared.defaultValue !== '' && !secret && !isSecretName(declared.name) ? `default \`${declared.defaultValue}\`` : undefined];
    const file = declared.file.split(/[\\/]/).pop();
    out.push('', `Declared in ${file}${parts.some(Boolean) ? `: ${parts.filter(Boolean).join(', ')}` : ''}`);
  }
  out.push('', `Scope: ${settings.scope.name} · target ${settings.target.target} (${settings.target.detail})`);
  return out.join('\n');
}

/**
 * What the value means, as values.ts reads it for the rules and the test send: a flag's
 * boolean (or that it is none), a port that is not one, the class of a host.
 */
function howItIsRead(role: Role | undefined, a: Assignment, kind: FileKind): string | undefined {
  if (role === 'ssl' || role === 'tls' || role === 'sending-enabled') {
    const flag = readFlag(a, kind);
    if (flag.state === 'valid') return `Read as **${flag.value}**.`;
    if (flag.state === 'invalid') return 'Not read as true or false: the Mendix runtime rejects it (invalid-boolean), and a test send stops on it.';
  }
  if (role === 'port' && readPort(a).state === 'invalid') return 'Not a port (a whole number from 1 to 65535): the app cannot connect (invalid-port), and a test send stops on it.';
  const host = role === 'host' ? literalValue(a) : undefined;
  if (host !== undefined) {
    if (isLoopbackHost(host)) return 'A mail server on the machine the app runs on.';
    if (isIpLiteral(host)) return isExternalHost(host) ? 'An IP address on the internet.' : 'An IP address inside the network.';
    if (!isExternalHost(host)) return 'A server inside the network (a service name or a private domain).';
  }
  return undefined;
}

/** A Mendix Cloud constant's DeployedValue: the rendered document carries it only where it differs from Value. */
function deployedWords(a: Assignment, secret: boolean): string {
  if (a.deployedValue === undefined) return `the same, ${shownValue(a, secret)}`;
  if (a.deployedValue === null) return '(none: the running app does not have this value yet)';
  // a secret's deployed value is masked in the document, like its Value
  if (secret || a.valueKind === 'secret-ref') return '(set, hidden)';
  return `\`${a.deployedValue}\``;
}

export function hoverAt(result: CheckResult, position: Position, declarations: readonly ConstantDeclaration[] = []): HoverResult | undefined {
  const allDeclarations = result.read.declarations.length ? [...result.read.declarations, ...declarations] : declarations;
  for (const settings of result.settings) {
    for (const a of settings.scope.assignments) {
      if (a.fromFile !== undefined) continue;
      const onKey = contains(a.keyRange, position);
      const onValue = contains(a.valueRange, position);
      if (!onKey && !onValue) continue;
      // on a provider host's value, the provider is what the user asks about
      const host = onValue ? literalValue(a) : undefined;
      const provider = host !== undefined ? findProvider(host) : undefined;
      if (provider) return { contents: providerHover(provider, host!), range: a.valueRange };
      return { contents: constantHover(a, settings, allDeclarations, result.read.kind === 'mendix-cloud'), range: onKey ? a.keyRange : a.valueRange };
    }
  }
  return undefined;
}
