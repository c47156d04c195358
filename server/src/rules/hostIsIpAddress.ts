// An IP address as SMTP host: the server's TLS certificate names a host, not the address, so
// certificate checks fail (or get turned off), and the address can change under the app.
import { docsPath, type Rule } from './rule';
import { isLoopbackHost, literalValue } from './support';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const IPV6 = /^\[?[0-9a-f]*:[0-9a-f:.]*\]?$/i;

export function isIpLiteral(host: string): boolean {
  const h = host.trim();
  return IPV4.test(h) || (h.includes(':') && IPV6.test(h));
}

export const hostIsIpAddress: Rule = {
  id: 'host-is-ip-address',
  defaultSeverity: 'warning',
  description: 'The SMTP host is an IP address: TLS certificates name hosts, and addresses change.',
  docs: docsPath('host-is-ip-address'),
  needsNetwork: false,
  check({ settings, report }) {
    const hostAssignment = settings.roles.host;
    const host = literalValue(hostAssignment);
    if (!hostAssignment || host === undefined || !isIpLiteral(host) || isLoopbackHost(host)) return;
    report({
      range: hostAssignment.valueRange,
      message: `The SMTP host ${host} is an IP address; the server's TLS certificate names a host, so use the host name your provider gives.`,
    });
  },
};
