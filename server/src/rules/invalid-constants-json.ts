// CONSTANTS (or customConfiguration / its MicroflowConstants) that is not valid JSON of the right
// shape: the reader records the problem with this rule's id (ruleKit/readerProblems.ts).
import type { Rule } from '../ruleKit/rule';
import { reportReaderProblems } from '../ruleKit/readerProblems';

export const invalidConstantsJson: Rule = {
  id: 'invalid-constants-json',
  defaultSeverity: 'error',
  description: 'CONSTANTS (or customConfiguration / its MicroflowConstants) is not valid JSON of the right shape; the app will not start.',
  needsNetwork: false,
  checkFile: reportReaderProblems('invalid-constants-json'),
};
