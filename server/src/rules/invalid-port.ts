// A port must be a whole number from 1 to 65535, or the app cannot connect at all.
import type { Rule } from '../ruleKit/rule';
import { readPort } from '../settings/values';

export const invalidPort: Rule = {
  id: 'invalid-port',
  defaultSeverity: 'error',
  description: 'The SMTP port is not a whole number from 1 to 65535.',
  needsNetwork: false,
  check({ settings, report }) {
    const port = settings.roles.port;
    const reading = readPort(port);
    if (!port || reading.state !== 'invalid') return;
    report({
      range: port.valueRange,
      message: `The SMTP port "${reading.written}" is not a whole number from 1 to 65535; set the provider's port, usually 587.`,
    });
  },
};
