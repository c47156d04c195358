// Some providers want a fixed SMTP username (SendGrid `apikey`, SparkPost `SMTP_Injection`,
// Resend `resend`); Postmark wants the server token as both username and password.
import type { Rule } from '../ruleKit/rule';
import { literalValue, replaceValue } from '../ruleKit/support';
import { findProvider } from '../settings/providers';

export const providerUsername: Rule = {
  id: 'provider-username',
  defaultSeverity: 'error',
  description: "The username is not the one the provider requires (SendGrid `apikey`, SparkPost `SMTP_Injection`, Resend `resend`; Postmark: the token).",
  needsNetwork: false,
  check({ settings, report }) {
    const { roles } = settings;
    const host = literalValue(roles.host);
    const user = roles.username;
    const username = literalValue(user);
    if (host === undefined || !user || username === undefined) return;
    const provider = findProvider(host);
    if (!provider) return;
    const rule = provider.username;
    if (rule.kind === 'fixed' && username !== rule.value) {
      report({
        range: user.valueRange,
        message: `${provider.name} wants the username \`${rule.value}\`, not "${username}".`,
        fixes: [{ title: `Set the username to ${rule.value}`, edits: [replaceValue(user, rule.value)], safe: true }],
      });
    } else if (rule.kind === 'same-as-password') {
      const password = literalValue(roles.password);
      if (password === undefined || password === username) return;
      report({
        range: user.valueRange,
        message: `${provider.name} wants the server API token as both username and password, but they differ.`,
      });
    }
  },
};
