// Rules whose findings come from the readers (the file itself is malformed): the reader records
// a problem with the rule id; the rule turns those problems into findings.
import type { ReaderProblem } from '../core/types';
import type { FileRuleContext } from './rule';

export function reportReaderProblems(id: ReaderProblem['ruleId']) {
  return ({ read, report }: FileRuleContext): void => {
    for (const p of read.problems) if (p.ruleId === id) report({ range: p.range, message: p.message });
  };
}
