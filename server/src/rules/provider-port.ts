// A port the provider does not listen on hangs or is refused (Postmark, SparkPost and
// Microsoft 365 have no implicit-TLS port 465). The ports come from the provider table.
import type { Fix } from '../core/types';
import type { Rule } from '../ruleKit/rule';
import { literalValue, portNumber, replaceValue } from '../ruleKit/support';
import { flagValue } from '../settings/values';
import { findProvider, providerPorts } from '../settings/providers';

export const providerPort: Rule = {
  id: 'provider-port',
  defaultSeverity: 'error',
  description: 'The port is one the provider does not offer (465 on Postmark, SparkPost or Microsoft 365, …).',
  needsNetwork: false,
  check({ settings, report }) {
    const { roles, scope } = settings;
    const host = literalValue(roles.host);
    const port = portNumber(roles.port);
    if (host === undefined || port === undefined || !roles.port) return;
    const provider = findProvider(host);
    if (!provider || providerPorts(provider).includes(port)) return;
    const offers = [
      provider.starttlsPorts.length ? `${provider.starttlsPorts.join(', ')} (STARTTLS)` : '',
      provider.implicitTlsPorts.length ? `${provider.implicitTlsPorts.join(', ')} (implicit TLS)` : 'no implicit-TLS port',
    ].filter(Boolean).join('; ');
    const submission = provider.submissionPort;
    const edits: Fix['edits'] = [replaceValue(roles.port, String(submission))];
    // the submission port speaks STARTTLS: SSL must be off there
    if (provider.starttlsPorts.includes(submission) && flagValue(roles.ssl, scope.kind) === true) edits.push(replaceValue(roles.ssl!, 'false'));
    if (provider.starttlsPorts.includes(submission) && flagValue(roles.tls, scope.kind) === false) edits.push(replaceValue(roles.tls!, 'true'));
    report({
      range: roles.port.valueRange,
      message: `${provider.name} does not offer port ${port}; it offers ${offers}. Use ${submission}.`,
      fixes: [{ title: `Use port ${submission}${edits.length > 1 ? ' with STARTTLS' : ''}`, edits, safe: false }],
    });
  },
};
