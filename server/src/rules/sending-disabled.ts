// EmailTemplate.SendingEnabled = false is meant for test environments; left in production, mail
// silently disappears (mendix-email.md §2, §4.10).
import type { Rule } from '../ruleKit/rule';
import { replaceValue } from '../ruleKit/support';
import { flagValue } from '../settings/values';
import type { MailSettings } from '../core/settings';

/** Why this scope is production, in words, or undefined when it is not (known to be). */
function productionBecause(settings: MailSettings): string | undefined {
  const dtap = settings.scope.dtapMode?.value.trim().toUpperCase();
  if (dtap === 'P') return 'DTAP mode P';
  // the file says which environment this is (a test or acceptance one, D/T mode in config.json):
  // that beats a guess from the target
  if (dtap) return undefined;
  const t = settings.target.target;
  if (t === 'mendix-cloud' || t === 'mendix-cloud-v3') return `the target is Mendix Cloud (${settings.target.detail})`;
  return undefined;
}

export const sendingDisabled: Rule = {
  id: 'sending-disabled',
  defaultSeverity: 'warning',
  description: 'EmailTemplate.SendingEnabled is false in a production scope: no mail is sent at all.',
  needsNetwork: false,
  check({ settings, report }) {
    const a = settings.roles['sending-enabled'];
    if (!a || flagValue(a, settings.scope.kind) !== false) return;
    const because = productionBecause(settings);
    if (!because) return;
    report({
      range: a.valueRange,
      message: `EmailTemplate.SendingEnabled is false in production (${because}), so the app sends no mail at all; set it to true.`,
      fixes: [{ title: 'Set EmailTemplate.SendingEnabled to true', edits: [replaceValue(a, 'true')], safe: false }],
    });
  },
};
