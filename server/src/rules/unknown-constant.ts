// With the model's declarations at hand (metadata.json, Constants.java), a constant that is not
// declared is a typo or left over: the runtime ignores it (m2ee-tools calls it obsolete).
import type { Assignment, ConstantDeclaration, Fix } from '../core/types';
import type { Rule } from '../ruleKit/rule';
import { constantKey } from '../settings/roles';
import { editDistance } from '../ruleKit/editDistance';
import { declaresDefaults } from '../ruleKit/support';

/** The declared name closest to `name` (by the buildpack's identity), when it is close enough to be a slip. */
export function closestDeclared(name: string, declared: readonly ConstantDeclaration[]): ConstantDeclaration | undefined {
  const key = constantKey(name);
  const max = Math.max(2, Math.floor(key.length / 4));
  let best: ConstantDeclaration | undefined;
  let bestDistance = max + 1;
  for (const d of declared) {
    const distance = editDistance(key, constantKey(d.name), Math.min(max, bestDistance - 1));
    if (distance < bestDistance) {
      best = d;
      bestDistance = distance;
    }
  }
  return best;
}

/** The key text that names `declared` the way this assignment is written. */
function keyFor(a: Assignment, declared: string): string {
  return a.channel === 'mx-env' ? `MX_${constantKey(declared)}` : declared;
}

// Declarations are the same for every scope and every re-check while the model is unchanged:
// index them once per array, and remember each suggestion, so typing stays cheap.
interface DeclarationIndex {
  keys: Set<string>;
  /** module (lower case) → its declarations: a slip is looked for in the same module first */
  byModule: Map<string, ConstantDeclaration[]>;
  source: string;
  suggestions: Map<string, ConstantDeclaration | null>;
}
// keyed by the declarations array the caller passed (the same array while nothing changed), gone with it
const indexCache = new WeakMap<readonly ConstantDeclaration[], DeclarationIndex>();
function indexOf(all: readonly ConstantDeclaration[]): DeclarationIndex {
  let index = indexCache.get(all);
  if (!index) {
    const byModule = new Map<string, ConstantDeclaration[]>();
    for (const d of all) {
      const module = d.name.split('.')[0].toLowerCase();
      const list = byModule.get(module);
      if (list) list.push(d);
      else byModule.set(module, [d]);
    }
    const files = [...new Set(all.map((d) => d.file.split(/[\\/]/).pop()))];
    const source = files.length > 2 ? `${files.slice(0, 2).join(', ')}, …` : files.join(' and ');
    index = { keys: new Set(all.map((d) => constantKey(d.name))), byModule, source, suggestions: new Map() };
    indexCache.set(all, index);
  }
  return index;
}

// Distance computations allowed per check for new suggestions (each is a small matrix).
const SUGGESTION_BUDGET = 5_000;

function suggestion(name: string, all: readonly ConstantDeclaration[], index: DeclarationIndex, budget: { left: number }): ConstantDeclaration | undefined {
  const known = index.suggestions.get(name);
  if (known !== undefined) return known ?? undefined;
  // an MX_ variable's module is ambiguous (MX_Email_Connector_X): then every declaration is a candidate
  const sameModule = index.byModule.get(name.split('.')[0].toLowerCase());
  const candidates = sameModule && sameModule.length < all.length ? sameModule : all;
  if (budget.left < candidates.length) return undefined;
  budget.left -= candidates.length;
  let found = closestDeclared(name, candidates);
  if (!found && candidates !== all && budget.left >= all.length) {
    budget.left -= all.length;
    found = closestDeclared(name, all);
  }
  index.suggestions.set(name, found ?? null);
  return found;
}

export const unknownConstant: Rule = {
  id: 'unknown-constant',
  defaultSeverity: 'warning',
  description: 'A constant is set that the model (metadata.json / Constants.java) does not declare; suggests the closest name.',
  needsNetwork: false,
  check({ settings, read, options, report }) {
    if (declaresDefaults(read.kind)) return;
    const extra = options.declarations ?? [];
    const all = read.declarations.length === 0 ? extra : extra.length === 0 ? read.declarations : [...read.declarations, ...extra];
    if (all.length === 0) return;
    const index = indexOf(all);
    const budget = { left: SUGGESTION_BUDGET };
    for (const a of settings.scope.assignments) {
      if (a.channel === 'model-default' || a.fromFile !== undefined || index.keys.has(constantKey(a.name))) continue;
      const closest = suggestion(a.name, all, index, budget);
      const fixes: Fix[] | undefined = closest
        ? [{ title: `Rename to ${keyFor(a, closest.name)}`, edits: [{ range: a.keyRange, newText: keyFor(a, closest.name) }], safe: false }]
        : undefined;
      report({
        range: a.keyRange,
        message: `${a.name} is not declared in the model (${index.source}), so the app ignores it${closest ? `; did you mean ${closest.name}?` : '; remove it or check the name.'}`,
        fixes,
      });
    }
  },
};
