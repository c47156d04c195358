// Credentials sent over a connection without TLS can be read on the way. Only a scope that sets
// both flags to false is judged: one that sets neither may configure TLS in the app's model.
import type { Rule } from '../ruleKit/rule';
import { hasValue, isLoopbackHost, literalValue, portNumber, replaceValue } from '../ruleKit/support';
import { flagValue } from '../settings/values';
import { IMPLICIT_TLS_PORTS } from '../settings/providers';

export const noTransportSecurity: Rule = {
  id: 'no-transport-security',
  defaultSeverity: 'warning',
  description: 'Credentials are sent without TLS: SSL and TLS (STARTTLS) are both off.',
  needsNetwork: false,
  check({ settings, report }) {
    const { roles, scope } = settings;
    if (!hasValue(roles.username) && !hasValue(roles.password)) return;
    if (!hasValue(roles.host)) return;
    const host = literalValue(roles.host);
    if (host !== undefined && isLoopbackHost(host)) return;
    if (flagValue(roles.ssl, scope.kind) !== false || flagValue(roles.tls, scope.kind) !== false) return;
    const port = portNumber(roles.port);
    // on an implicit-TLS port the fitting flag is SSL, not STARTTLS
    const fix =
      port !== undefined && IMPLICIT_TLS_PORTS.includes(port)
        ? { title: 'Turn SSL (implicit TLS) on', edits: [replaceValue(roles.ssl!, 'true')], safe: false }
        : { title: 'Turn STARTTLS (TLS) on', edits: [replaceValue(roles.tls!, 'true')], safe: false };
    report({
      range: roles.tls!.valueRange,
      message: `SSL and TLS are both off, so the password goes to ${host ?? 'the SMTP server'} unencrypted; turn STARTTLS (TLS) on with port 587, or SSL on with port 465.`,
      fixes: [fix],
    });
  },
};
