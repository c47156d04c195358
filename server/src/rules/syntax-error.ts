// The file cannot be read (malformed YAML, JSON or .env): the reader records the problem with
// this rule's id, and this rule turns it into a finding (ruleKit/readerProblems.ts).
import type { Rule } from '../ruleKit/rule';
import { reportReaderProblems } from '../ruleKit/readerProblems';

export const syntaxError: Rule = {
  id: 'syntax-error',
  defaultSeverity: 'error',
  description: 'The file cannot be read (malformed YAML, JSON or .env); the rest is checked where possible.',
  needsNetwork: false,
  checkFile: reportReaderProblems('syntax-error'),
};
