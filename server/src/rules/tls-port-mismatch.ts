// The SSL flag (implicit TLS, TLS from the first byte) must fit the port: 465/2465 speak TLS at
// once, 25/587/2525/2587 start plain and upgrade with STARTTLS (providers.md, "Port rule").
// Implicit TLS on 587 fails with "wrong version number"; plain on 465 hangs until a timeout.
import type { Assignment, Fix } from '../core/types';
import type { Rule } from '../ruleKit/rule';
import { portNumber, replaceValue } from '../ruleKit/support';
import { flagValue } from '../settings/values';
import { IMPLICIT_TLS_PORTS, STARTTLS_PORTS } from '../settings/providers';

function setFlags(title: string, changes: [Assignment | undefined, boolean][]): Fix {
  const edits = changes.filter(([a]) => a !== undefined).map(([a, v]) => replaceValue(a!, String(v)));
  return { title, edits, safe: false };
}

export const tlsPortMismatch: Rule = {
  id: 'tls-port-mismatch',
  defaultSeverity: 'error',
  description: 'The SSL / TLS flags do not fit the port (implicit TLS on 587, plain on 465, or both flags on).',
  needsNetwork: false,
  check({ settings, report }) {
    const { roles, scope } = settings;
    const ssl = flagValue(roles.ssl, scope.kind);
    const tls = flagValue(roles.tls, scope.kind);
    const port = portNumber(roles.port);
    const implicitPort = port !== undefined && IMPLICIT_TLS_PORTS.includes(port);
    const starttlsPort = port !== undefined && STARTTLS_PORTS.includes(port);
    const tlsIfSetFalse = tls === false ? roles.tls : undefined;
    const tlsIfSetTrue = tls === true ? roles.tls : undefined;

    if (ssl === true && tls === true) {
      const fixes: Fix[] = [];
      if (!implicitPort) fixes.push(setFlags('Turn SSL off (STARTTLS on this port)', [[roles.ssl, false]]));
      if (!starttlsPort) fixes.push(setFlags('Turn TLS (STARTTLS) off (implicit TLS on this port)', [[roles.tls, false]]));
      report({
        range: roles.ssl!.valueRange,
        message: `Both SSL (implicit TLS) and TLS (STARTTLS) are on; they exclude each other: ${port === undefined ? 'use SSL with port 465, or TLS with 587' : implicitPort ? `port ${port} wants SSL only` : `port ${port} wants TLS (STARTTLS) only`}.`,
        fixes,
      });
      return;
    }
    if (ssl === true && starttlsPort) {
      report({
        range: roles.ssl!.valueRange,
        message: `SSL (implicit TLS) is on but port ${port} speaks plain SMTP upgraded with STARTTLS, so the connection fails ("wrong version number"); turn SSL off and TLS on, or use port 465.`,
        // STARTTLS is turned on only where the scope has a TLS flag that says false
        fixes: [setFlags(tlsIfSetFalse ? 'Turn SSL off and STARTTLS on' : 'Turn SSL off', [[roles.ssl, false], [tlsIfSetFalse, true]])],
      });
      return;
    }
    if (ssl === false && implicitPort) {
      report({
        range: roles.ssl!.valueRange,
        message: `SSL (implicit TLS) is off but port ${port} expects TLS from the first byte, so the connection hangs until it times out; turn SSL on, or use port 587 with STARTTLS.`,
        fixes: [setFlags('Turn SSL on', [[roles.ssl, true], [tlsIfSetTrue, false]])],
      });
    }
  },
};
