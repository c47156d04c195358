// SSL, TLS and EmailTemplate.SendingEnabled are Boolean constants: a value the runtime cannot
// read as true/false stops the app from starting or silently means false.
import type { Fix } from '../core/types';
import type { Role } from '../core/settings';
import type { Rule } from '../ruleKit/rule';
import { replaceValue } from '../ruleKit/support';
import { intendedFlag, readFlag } from '../settings/values';

const FLAG_ROLES: { role: Role; words: string }[] = [
  { role: 'ssl', words: 'SSL (implicit TLS) flag' },
  { role: 'tls', words: 'TLS (STARTTLS) flag' },
  { role: 'sending-enabled', words: 'switch that turns all sending on or off' },
];

export const invalidBoolean: Rule = {
  id: 'invalid-boolean',
  defaultSeverity: 'error',
  description: 'An SSL / TLS / sending-enabled value is not a boolean the runtime accepts.',
  needsNetwork: false,
  check({ settings, report }) {
    // every flag constant, a second one in the same role too (the runtime reads each)
    const flags = FLAG_ROLES.flatMap(({ role, words }) => [settings.roles[role], ...(settings.alsoInRole[role] ?? [])].map((a) => ({ a, words })));
    for (const { a, words } of flags) {
      const reading = readFlag(a, settings.scope.kind);
      if (!a || reading.state !== 'invalid') continue;
      const value = reading.written;
      const meant = intendedFlag(value);
      const choices = meant === undefined ? [true, false] : [meant];
      const fixes: Fix[] = choices.map((v) => ({ title: `Set ${a.name} to ${v}`, edits: [replaceValue(a, String(v))], safe: meant !== undefined }));
      report({
        range: a.valueRange,
        message: `${a.name} is the ${words} and must be true or false, not "${value}".`,
        fixes,
      });
    }
  },
};
