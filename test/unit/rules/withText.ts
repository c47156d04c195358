// The engine does not hand the checked text to the rules yet (server/src/engine/check.ts is
// not this suite's to change); the fixes that must see the syntax around an entry need it.
// This runs exactly what checkDocument runs for a file without env_file references (reader,
// then checkRead with every rule), with the text given to the rules as the engine will.
import type { CheckInput, CheckOptions, CheckResult } from '../../../server/src/core/settings';
import { checkRead } from '../../../server/src/engine/check';
import { rules } from '../../../server/src/rules/index';
import type { Rule } from '../../../server/src/rules/rule';
import { readSettingsFile } from '../../../server/src/sources/index';

export function rulesWithText(text: string, list: readonly Rule[] = rules): Rule[] {
  return list.map((rule) => ({
    ...rule,
    ...(rule.check ? { check: (c) => rule.check!({ ...c, text }) } : {}),
    ...(rule.checkFile ? { checkFile: (c) => rule.checkFile!({ ...c, text }) } : {}),
  }));
}

export function checkWithText(input: CheckInput, options: CheckOptions = {}): CheckResult | undefined {
  const read = readSettingsFile(input.path, input.text, input.languageId);
  if (!read) return undefined;
  return checkRead(read, input.path, options, rulesWithText(input.text));
}
