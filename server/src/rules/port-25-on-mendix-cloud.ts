// Port 25 is open on Mendix Cloud but heavily rate-limited (mendix-email.md §1); use 587.
import type { Fix } from '../core/types';
import type { Rule } from '../ruleKit/rule';
import { flagText, isLoopbackHost, literalValue, portNumber, replaceValue } from '../ruleKit/support';
import { targetInWords } from '../settings/target';

export const port25OnMendixCloud: Rule = {
  id: 'port-25-on-mendix-cloud',
  defaultSeverity: 'error',
  description: 'Port 25 on Mendix Cloud or the Free App: rate-limited by the platform; use 587 with STARTTLS.',
  needsNetwork: false,
  check({ settings, report }) {
    const { target, roles } = settings;
    if (target.target !== 'mendix-cloud' && target.target !== 'free-app') return;
    const port = roles.port;
    if (portNumber(port) !== 25 || !port) return;
    // localhost:25 is the v3 mail server: mendix-mail-server-unavailable says the real problem
    const host = literalValue(roles.host);
    if (host !== undefined && isLoopbackHost(host)) return;
    const edits: Fix['edits'] = [replaceValue(port, '587')];
    if (roles.tls && flagText(roles.tls) !== undefined && flagText(roles.tls) !== 'true') edits.push(replaceValue(roles.tls, 'true'));
    if (roles.ssl && flagText(roles.ssl) !== undefined && flagText(roles.ssl) !== 'false') edits.push(replaceValue(roles.ssl, 'false'));
    const title = edits.length > 1 ? 'Use port 587 with STARTTLS (TLS on, SSL off)' : 'Use port 587';
    report({
      range: port.valueRange,
      message: `Port 25 is heavily rate-limited on ${targetInWords(target.target)} and this cannot be changed; use the submission port 587 with STARTTLS.`,
      fixes: [{ title, edits, safe: false }],
    });
  },
};
