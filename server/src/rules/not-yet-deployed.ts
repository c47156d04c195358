// On Mendix Cloud a constant's new value waits in the portal until the environment restarts
// (Deploy API: Value vs DeployedValue). Until then the running app sends mail with the old
// one; the other rules judge the new value, this one says that it is not live yet.
import type { Assignment } from '../core/types';
import type { MailSettings } from '../core/settings';
import type { Rule } from '../ruleKit/rule';
import { isMailishModule, splitConstantName } from '../settings/roles';

/** Every constant of the scope that has to do with mail: a role, an address, a mail module. */
function mailConstants(settings: MailSettings): Set<Assignment> {
  const out = new Set<Assignment>();
  for (const a of Object.values(settings.roles)) if (a) out.add(a);
  for (const list of Object.values(settings.alsoInRole)) for (const a of list ?? []) out.add(a);
  for (const a of settings.addresses) out.add(a);
  for (const a of settings.effective) if (isMailishModule(splitConstantName(a.name).module)) out.add(a);
  return out;
}

/** A value as a message shows it: short, one line. */
function shown(value: string): string {
  const line = value.replace(/\s+/g, ' ');
  const short = line.length > 60 ? `${line.slice(0, 59)}…` : line;
  return short === '' ? 'an empty value' : short;
}

export const notYetDeployed: Rule = {
  id: 'not-yet-deployed',
  defaultSeverity: 'info',
  description: 'A mail constant of a Mendix Cloud environment was changed but the running app still uses the old value until the next restart.',
  needsNetwork: false,
  check({ settings, report }) {
    for (const a of mailConstants(settings)) {
      if (a.deployedValue === undefined) continue;
      // a masked secret is never shown, not even its old value
      const secret = a.valueKind === 'secret-ref';
      const running = a.deployedValue === null ? `has no value for ${a.name} yet` : secret ? `still uses the previous ${a.name}` : `still uses ${shown(a.deployedValue)}`;
      const next = secret ? 'the new one' : shown(a.value);
      report({
        range: a.valueRange,
        message: `The running app ${running}; ${next} takes effect at the next restart of this environment.`,
      });
    }
  },
};
