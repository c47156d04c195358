// Microsoft 365 disables SMTP AUTH per tenant by default and is retiring basic authentication
// for client submission (535 5.7.139, 550 5.7.30); OAuth through the Email Connector is the way.
import type { Rule } from '../ruleKit/rule';
import { hasValue, literalValue } from '../ruleKit/support';
import { findProvider } from '../settings/providers';

export const microsoft365BasicAuth: Rule = {
  id: 'microsoft-365-basic-auth',
  defaultSeverity: 'warning',
  description: 'Microsoft 365 / Outlook with username and password: basic auth for SMTP is disabled by default and being retired.',
  needsNetwork: false,
  check({ settings, report }) {
    const { roles } = settings;
    const host = literalValue(roles.host);
    if (host === undefined || !roles.host) return;
    const provider = findProvider(host);
    if (!provider?.basicAuthDeprecated) return;
    if (!hasValue(roles.username) || !hasValue(roles.password)) return;
    report({
      range: roles.host.valueRange,
      message: `${provider.name} with a username and password uses basic authentication, which is disabled per tenant by default and being retired (535 5.7.139, 550 5.7.30); use OAuth through the Email Connector.`,
    });
  },
};
