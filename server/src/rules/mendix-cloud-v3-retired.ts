// Mendix Cloud v3 was retired in 2021 (mendix-email.md §1); its shared mail server also capped
// sending at 1000 messages a day. An info, on every scope with mail settings.
import type { Rule } from '../ruleKit/rule';
import { isLoopbackHost, literalValue, missingAnchor } from '../ruleKit/support';
import { MENDIX_MAIL_SERVERS } from '../settings/providers';

export const mendixCloudV3Retired: Rule = {
  id: 'mendix-cloud-v3-retired',
  defaultSeverity: 'info',
  description: 'The target is Mendix Cloud v3, retired in 2021 (its mail server also allowed only 1000 messages a day).',
  needsNetwork: false,
  check({ settings, report }) {
    if (settings.target.target !== 'mendix-cloud-v3') return;
    if (Object.keys(settings.roles).length === 0) return;
    const host = literalValue(settings.roles.host);
    const usesMendixServer = host !== undefined && isLoopbackHost(host);
    const limit = usesMendixServer
      ? ` Its mail server (${host}) allowed only ${MENDIX_MAIL_SERVERS.dailyLimit} messages a day and is gone on later Mendix Cloud versions: configure an external SMTP provider.`
      : ' On Mendix Cloud v4 and later there is no local mail server and port 25 is rate-limited.';
    report({
      range: missingAnchor(settings),
      message: `The target is Mendix Cloud v3 (${settings.target.detail}), which was retired in 2021; move to the current Mendix Cloud.${limit}`,
    });
  },
};
