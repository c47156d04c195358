// Hover on a constant (its role, the value that wins and where it comes from, what it
// overrides, its declaration) and on a provider host (ports, username rule, notes).
import type { Assignment, ConstantDeclaration, Position, Range } from '../core/types';
import type { CheckResult, MailSettings } from '../core/settings';
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
  if (role === 'host' && winner.valueKind === 'literal') {
    const provider = findProvider(winner.value);
    if (provider) out.push('', `Provider: ${provider.name}; ${provider.credentials}; port ${provider.submissionPort}.`);
  }
  const declared = declarationOf(a.name, declarations);
  if (declared) {
    const parts = [declared.type ? `type ${declared.type}` : undefined, declared.defaultValue !== undefined && declared.defaultValue !== '' && !secret && !isSecretName(declared.name) ? `default \`${declared.defaultValue}\`` : undefined];
    const file = declared.file.split(/[\\/]/).pop();
    out.push('', `Declared in ${file}${parts.some(Boolean) ? `: ${parts.filter(Boolean).join(', ')}` : ''}`);
  }
  out.push('', `Scope: ${settings.scope.name} · target ${settings.target.target} (${settings.target.detail})`);
  return out.join('\n');
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
      const provider = onValue && a.valueKind === 'literal' ? findProvider(a.value) : undefined;
      if (provider) return { contents: providerHover(provider, a.value.trim()), range: a.valueRange };
      return { contents: constantHover(a, settings, allDeclarations, result.read.kind === 'mendix-cloud'), range: onKey ? a.keyRange : a.valueRange };
    }
  }
  return undefined;
}
