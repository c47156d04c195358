// A port must be a whole number from 1 to 65535, or the app cannot connect at all.
import { docsPath, type Rule } from './rule';
import { literalValue } from './support';

const DIGITS = /^\d+$/;

export const invalidPort: Rule = {
  id: 'invalid-port',
  defaultSeverity: 'error',
  description: 'The SMTP port is not a whole number from 1 to 65535.',
  docs: docsPath('invalid-port'),
  needsNetwork: false,
  check({ settings, report }) {
    const port = settings.roles.port;
    const value = literalValue(port);
    if (!port || value === undefined) return;
    if (DIGITS.test(value)) {
      const n = Number(value);
      if (n >= 1 && n <= 65535) return;
    }
    report({
      range: port.valueRange,
      message: `The SMTP port "${value}" is not a whole number from 1 to 65535; set the provider's port, usually 587.`,
    });
  },
};
