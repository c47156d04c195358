// An external SMTP server wants a username and a password; say which ones a known provider wants.
import type { Rule } from '../ruleKit/rule';
import { declaresDefaults, hasValue, isExternalHost, literalValue, missingAnchor, secretsComeFromElsewhere } from '../ruleKit/support';
import { findProvider } from '../settings/providers';
import type { Assignment } from '../core/types';

export const missingCredentials: Rule = {
  id: 'missing-credentials',
  defaultSeverity: 'error',
  description: 'External SMTP host without a username or password.',
  needsNetwork: false,
  check({ settings, report }) {
    const { roles, scope } = settings;
    // model defaults leave secrets empty on purpose: each environment sets its own
    if (declaresDefaults(scope.kind)) return;
    const host = literalValue(roles.host);
    if (host === undefined || !isExternalHost(host)) return;
    const provider = findProvider(host);
    if (provider?.authOptionalHosts?.includes(host.toLowerCase())) return;
    // where secrets usually come from outside the file (or from a compose env_file), only a
    // constant written here and empty is judged
    const unknownElsewhere = secretsComeFromElsewhere(scope.kind) || (scope.envFiles?.length ?? 0) > 0;
    const missing: { what: string; a: Assignment | undefined }[] = [];
    for (const [what, a] of [['username', roles.username], ['password', roles.password]] as const) {
      if (hasValue(a)) continue;
      if (!a && unknownElsewhere) continue;
      missing.push({ what, a });
    }
    if (missing.length === 0) return;
    const notSet = missing.filter((m) => !m.a).map((m) => m.what);
    const empty = missing.filter((m) => m.a).map((m) => m.what);
    const what = [
      notSet.length ? `the ${notSet.join(' and ')} ${notSet.length > 1 ? 'are' : 'is'} not set` : '',
      empty.length ? `the ${empty.join(' and ')} ${empty.length > 1 ? 'are' : 'is'} empty` : '',
    ].filter(Boolean).join(' and ');
    const how = provider ? `; ${provider.credentials}` : `; set ${missing.length > 1 ? 'both' : 'it'} for the SMTP server`;
    // an empty constant is shown where it is; a constant that is not there at all, on the scope
    const firstEmpty = missing.find((m) => m.a !== undefined)?.a;
    report({
      range: firstEmpty ? firstEmpty.valueRange : missingAnchor(settings),
      message: `The SMTP host ${host} needs credentials but ${what}${how}.`,
    });
  },
};
