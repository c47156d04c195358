// The fixture machineries run exactly what the editor and the CLI run: checkDocument, which
// hands the checked text to the rules (fixes that rewrite syntax need it).
import type { CheckInput, CheckOptions, CheckResult } from '../../../server/src/core/settings';
import { checkDocument } from '../../../server/src/engine/check';

export function checkWithText(input: CheckInput, options: CheckOptions = {}): CheckResult | undefined {
  return checkDocument(input, options);
}
