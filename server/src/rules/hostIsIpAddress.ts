// An IP address as SMTP host: the server's TLS certificate names a host, not the address, so
// certificate checks fail (or get turned off), and the address can change under the app.
import { isIP } from 'node:net';
import { docsPath, type Rule } from './rule';
import { isLoopbackHost, literalValue } from './support';

/** The address without brackets (`[2001:db8::1]`) and a trailing root dot, as written in a host field. */
function bareAddress(host: string): string {
  let h = host.trim();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  return h.endsWith('.') ? h.slice(0, -1) : h;
}

/** An IPv4 or IPv6 address, by Node's own parser (so `999.1.1.1` and `ad:25` are host names). */
export function isIpLiteral(host: string): boolean {
  return isIP(bareAddress(host)) !== 0;
}

/** Loopback also as an IPv4-mapped IPv6 address (`::ffff:127.0.0.1`). */
function isLoopbackAddress(host: string): boolean {
  const h = bareAddress(host);
  return isLoopbackHost(h) || isLoopbackHost(h.replace(/^::ffff:/i, ''));
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
    if (!hostAssignment || host === undefined || !isIpLiteral(host) || isLoopbackAddress(host)) return;
    report({
      range: hostAssignment.valueRange,
      message: `The SMTP host ${host} is an IP address; the server's TLS certificate names a host, so use the host name your provider gives.`,
    });
  },
};
