// Rules whose findings come from the readers (the file itself is malformed): the reader
// records a problem with the rule id; these rules turn those problems into findings.
import type { ReaderProblem } from '../core/types';
import { docsPath, type FileRuleContext, type Rule } from '../ruleKit/rule';

function reportProblems(id: ReaderProblem['ruleId']) {
  return ({ read, report }: FileRuleContext) => {
    for (const p of read.problems) if (p.ruleId === id) report({ range: p.range, message: p.message });
  };
}

export const syntaxError: Rule = {
  id: 'syntax-error',
  defaultSeverity: 'error',
  description: 'The file cannot be read (malformed YAML, JSON or .env); the rest is checked where possible.',
  docs: docsPath('syntax-error'),
  needsNetwork: false,
  checkFile: reportProblems('syntax-error'),
};

export const invalidConstantsJson: Rule = {
  id: 'invalid-constants-json',
  defaultSeverity: 'error',
  description: 'CONSTANTS (or customConfiguration / its MicroflowConstants) is not valid JSON of the right shape; the app will not start.',
  docs: docsPath('invalid-constants-json'),
  needsNetwork: false,
  checkFile: reportProblems('invalid-constants-json'),
};

export const envFileNotRead: Rule = {
  id: 'env-file-not-read',
  defaultSeverity: 'warning',
  description: 'A compose env_file was not read (a device, a FIFO, too large, or outside the workspace in Restricted Mode); its variables are not checked.',
  docs: docsPath('env-file-not-read'),
  needsNetwork: false,
  checkFile: reportProblems('env-file-not-read'),
};

export const invalidEnvName: Rule = {
  id: 'invalid-env-name',
  defaultSeverity: 'error',
  description: 'An MX_ variable cannot map to a constant (no module part, a dot in it, or empty).',
  docs: docsPath('invalid-env-name'),
  needsNetwork: false,
  checkFile: reportProblems('invalid-env-name'),
};
