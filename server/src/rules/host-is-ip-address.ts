// An IP address as SMTP host: the server's TLS certificate names a host, not the address, so
// certificate checks fail (or get turned off), and the address can change under the app.
import type { Rule } from '../ruleKit/rule';
import { isIpLiteral, isLoopbackAddress, literalValue } from '../settings/values';

export const hostIsIpAddress: Rule = {
  id: 'host-is-ip-address',
  defaultSeverity: 'warning',
  description: 'The SMTP host is an IP address: TLS certificates name hosts, and addresses change.',
  needsNetwork: false,
  check({ settings, report }) {
    const hostAssignment = settings.roles.host;
    const host = literalValue(hostAssignment);
    if (!hostAssignment || host === undefined || !isIpLiteral(host) || isLoopbackAddress(host)) return;
    report({
      range: hostAssignment.valueRange,
      message: `The SMTP host ${host} is an IP address; the server's TLS certificate names a host, so use the host name your provider gives.`,
    });
  },
};
