// Only Mendix Cloud v3 had a mail server on localhost:25; elsewhere localhost is the app itself.
import type { Target } from '../core/types';
import type { Rule } from '../ruleKit/rule';
import { isLoopbackHost, literalValue } from '../ruleKit/support';
import { targetInWords } from '../settings/target';

const NO_LOCAL_MAIL_SERVER: ReadonlySet<Target> = new Set(['mendix-cloud', 'free-app', 'cloud-foundry', 'private-cloud', 'docker']);

export const mendixMailServerUnavailable: Rule = {
  id: 'mendix-mail-server-unavailable',
  defaultSeverity: 'error',
  description: 'SMTP host is localhost where no mail server runs (only the retired Mendix Cloud v3 had one).',
  needsNetwork: false,
  check({ settings, report }) {
    const t = settings.target.target;
    if (!NO_LOCAL_MAIL_SERVER.has(t)) return;
    const host = settings.roles.host;
    const value = literalValue(host);
    if (!host || value === undefined || !isLoopbackHost(value)) return;
    const why =
      t === 'mendix-cloud' || t === 'free-app'
        ? `${targetInWords(t)} has no mail server on ${value} (only the retired Cloud v3 had one)`
        : `on ${targetInWords(t)} ${value} is the app's own container, where no mail server runs`;
    report({ range: host.valueRange, message: `${capitalize(why)}; set the host of an external SMTP provider.` });
  },
};

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
