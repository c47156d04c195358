// A secret of the wrong kind fails at AUTH with a vague 535 (mendix-email.md §4): the AWS secret
// key instead of SES SMTP credentials, a Brevo API key instead of an SMTP key, a SendGrid key
// without `SG.`, a Gmail account password instead of an app password. Shapes from the table.
import type { Rule } from '../ruleKit/rule';
import { literalValue } from '../ruleKit/support';
import { findProvider, type Provider } from '../settings/providers';

/** What is wrong with the secret's shape for this provider, or undefined. */
export function secretShapeProblem(provider: Provider, secret: string): string | undefined {
  const shape = provider.secret;
  for (const wrong of shape.wrong ?? []) {
    if (wrong.prefix !== undefined && secret.startsWith(wrong.prefix)) return `it looks like ${wrong.meaning}`;
    if (wrong.length !== undefined && secret.length === wrong.length) return `it has ${wrong.length} characters, like ${wrong.meaning}`;
  }
  // a provider that lists the wrong shapes is judged by those alone (older keys may lack a prefix)
  if (shape.prefix !== undefined && !shape.wrong?.length && !secret.startsWith(shape.prefix)) {
    return `it does not start with \`${shape.prefix}\``;
  }
  if (shape.appPasswordLetters !== undefined) {
    const letters = secret.replace(/ /g, '');
    if (!new RegExp(`^[A-Za-z]{${shape.appPasswordLetters}}$`).test(letters)) {
      return `it is not a ${shape.appPasswordLetters}-letter app password`;
    }
  }
  return undefined;
}

export const providerCredentialShape: Rule = {
  id: 'provider-credential-shape',
  defaultSeverity: 'warning',
  description: 'The password has the wrong shape for the provider (AWS secret key for SES, Brevo API key, SendGrid key without SG., Gmail account password).',
  needsNetwork: false,
  check({ settings, report }) {
    const { roles } = settings;
    const host = literalValue(roles.host);
    const secret = literalValue(roles.password);
    if (host === undefined || secret === undefined || !roles.password) return;
    const provider = findProvider(host);
    if (!provider) return;
    const problem = secretShapeProblem(provider, secret);
    if (!problem) return;
    // never repeat the secret in the message
    report({
      range: roles.password.valueRange,
      message: `The password does not look like what ${provider.name} wants: ${problem}; it wants ${provider.secret.description}.`,
    });
  },
};
