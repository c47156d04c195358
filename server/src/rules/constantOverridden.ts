// The same constant set twice in one scope: only one value reaches the app (an MX_ variable beats
// CONSTANTS, the later of two equal keys wins), and the other misleads whoever reads the file.
import type { Assignment, Fix } from '../core/types';
import { docsPath, type Rule } from './rule';

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

/** Removing a whole entry is only safe where it fills its own lines (a map key, an env line, a list item). */
function removeFix(a: Assignment): Fix[] | undefined {
  if (a.fromFile !== undefined || a.channel === 'constants-json' || a.channel === 'custom-configuration' || a.channel === 'model-default') return undefined;
  const r = a.entryRange;
  return [{ title: `Remove ${a.key} (its value is never used)`, edits: [{ range: { start: { line: r.start.line, character: 0 }, end: { line: r.end.line + 1, character: 0 } }, newText: '' }], safe: false }];
}

export const constantOverridden: Rule = {
  id: 'constant-overridden',
  defaultSeverity: 'info',
  description: 'The same constant is set twice in one scope; says which value wins.',
  docs: docsPath('constant-overridden'),
  needsNetwork: false,
  check({ settings, report }) {
    for (const { loser, winner } of settings.overridden) {
      // a value from an env_file is reported in that file's own check
      if (loser.fromFile !== undefined) continue;
      const why = winner.channel === 'mx-env' && loser.channel !== 'mx-env' ? ' (an MX_ variable beats CONSTANTS)' : '';
      report({
        range: loser.keyRange,
        message: `${loser.name} is also set by ${describe(winner)}, which wins${why}; this value (${loser.valueKind === 'literal' ? JSON.stringify(loser.value) : loser.valueKind}) is never used.`,
        fixes: removeFix(loser),
      });
    }
  },
};
