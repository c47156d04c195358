// The fixture machineries see the findings as the editor offers them: checkDocument (which
// hands the checked text to the rules), then only the fixes whose promise holds when the fixed
// text is read back (engine/offeredFixes.ts, what the code actions do).
import type { CheckInput, CheckOptions, CheckResult } from '../../../server/src/core/settings';
import { checkDocument } from '../../../server/src/engine/check';
import { withOfferedFixes } from '../../../server/src/engine/offeredFixes';

export function checkWithText(input: CheckInput, options: CheckOptions = {}): CheckResult | undefined {
  const result = checkDocument(input, options);
  if (!result) return undefined;
  return { ...result, findings: withOfferedFixes(result.findings, { path: input.path, text: input.text, read: result.read }) };
}
