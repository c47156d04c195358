// An MX_ variable that cannot map to a constant: the reader records the problem with this rule's
// id (ruleKit/readerProblems.ts).
import type { Rule } from '../ruleKit/rule';
import { reportReaderProblems } from '../ruleKit/readerProblems';

export const invalidEnvName: Rule = {
  id: 'invalid-env-name',
  defaultSeverity: 'error',
  description: 'An MX_ variable cannot map to a constant (no module part, a dot in it, or empty).',
  needsNetwork: false,
  checkFile: reportReaderProblems('invalid-env-name'),
};
