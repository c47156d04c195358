// The same constant set twice in one scope: only one value reaches the app (an MX_ variable beats
// CONSTANTS, the later of two equal keys wins), and the other misleads whoever reads the file.
import type { Assignment, Fix } from '../core/types';
import { LineIndex } from '../sources/index';
import { assignmentKey } from '../ruleKit/editCheck';
import { entryOffsets, removalSpan } from '../ruleKit/entryRemoval';
import type { Rule, RuleContext } from '../ruleKit/rule';
import { isSecret } from '../settings/secrets';

function describe(a: Assignment): string {
  const where = a.fromFile !== undefined ? ` from ${a.fromFile}` : ` on line ${a.keyRange.start.line + 1}`;
  switch (a.channel) {
    case 'mx-env': return `the variable ${a.key}${where}`;
    case 'constants-json': return `${a.name} in CONSTANTS${where}`;
    case 'custom-configuration': return `${a.name} in customConfiguration${where}`;
    case 'model-default': return `the model default of ${a.name}`;
    default: return `${a.key}${where}`;
  }
}

/**
 * Removes exactly the losing entry (with its separator comma, or its whole line when it is
 * alone there), in any syntax: YAML block or flow maps, env lists, .env lines, JSON. Offered
 * only when the edited text reads back with no new problem and only that assignment gone
 * (its `verify` promise), so it is safe for "fix all": the value that wins does not change.
 */
function removeFix(ctx: RuleContext, a: Assignment, lines: () => LineIndex): Fix[] | undefined {
  const { text, read, settings } = ctx;
  if (text === undefined || a.fromFile !== undefined || a.channel === 'model-default') return undefined;
  const scopeIndex = read.scopes.indexOf(settings.scope);
  if (scopeIndex < 0) return undefined;
  const [start, end] = entryOffsets(a, lines());
  const span = removalSpan(text, start, end, a.quoted);
  if (!span) return undefined;
  const edit = { range: lines().range(span[0], span[1]), newText: '' };
  // read back before it is offered (engine/offeredFixes.ts): only that assignment gone
  return [{ title: `Remove ${a.key} (its value is never used)`, edits: [edit], safe: true, verify: { removed: [assignmentKey(scopeIndex, a)], added: [] } }];
}


export const constantOverridden: Rule = {
  id: 'constant-overridden',
  defaultSeverity: 'info',
  description: 'The same constant is set twice in one scope; says which value wins.',
  needsNetwork: false,
  check(ctx) {
    const { settings, report } = ctx;
    let lineIndex: LineIndex | undefined;
    const lines = () => (lineIndex ??= new LineIndex(ctx.text ?? ''));
    for (const { loser, winner } of settings.overridden) {
      // a value from an env_file is reported in that file's own check
      if (loser.fromFile !== undefined) continue;
      const why = winner.channel === 'mx-env' && loser.channel !== 'mx-env' ? ' (an MX_ variable beats CONSTANTS)' : '';
      // a password is never repeated in a message
      const secret = isSecret(settings, winner) || isSecret(settings, loser);
      const value = loser.valueKind !== 'literal' ? loser.valueKind : secret ? 'a password, not shown' : JSON.stringify(loser.value);
      report({
        range: loser.keyRange,
        message: `${loser.name} is also set by ${describe(winner)}, which wins${why}; this value (${value}) is never used.`,
        fixes: removeFix(ctx, loser, lines),
      });
    }
  },
};
