// A compose env_file that was not read (a device, a FIFO, too large, or outside the workspace in
// Restricted Mode): the reader records the problem with this rule's id (ruleKit/readerProblems.ts).
import type { Rule } from '../ruleKit/rule';
import { reportReaderProblems } from '../ruleKit/readerProblems';

export const envFileNotRead: Rule = {
  id: 'env-file-not-read',
  defaultSeverity: 'warning',
  description: 'A compose env_file was not read (a device, a FIFO, too large, or outside the workspace in Restricted Mode); its variables are not checked.',
  needsNetwork: false,
  checkFile: reportReaderProblems('env-file-not-read'),
};
