// Which assignment wins when one scope sets the same constant more than once (buildpack
// semantics, mendix-email.md §3). First per variable: `CONSTANTS` is one environment variable,
// so the last one of the scope replaces every earlier one whole (compose: `environment` beats
// `env_file`, a later env_file beats an earlier one; in one .env file the later line wins), and
// a key only an earlier CONSTANTS sets is not set at all. Then per constant: an `MX_` variable
// beats the constant in `CONSTANTS`, which beats the model default; the same key written twice
// in one channel → the last one wins.
import type { Assignment, AssignmentChannel, Scope } from '../core/types';
import { constantKey } from './roles';

const RANK: Record<AssignmentChannel, number> = {
  'mx-env': 3,
  'constants-json': 2,
  'constant-key': 2,
  'custom-configuration': 2,
  'model-default': 0,
};

export interface Precedence {
  /** one winning assignment per constant, in the order the winners appear in the file */
  effective: Assignment[];
  /**
   * every assignment that lost, with the one that beat it. A key of a replaced CONSTANTS value
   * is here only when something else sets that constant; otherwise it is in neither list.
   */
  overridden: { loser: Assignment; winner: Assignment }[];
}

/** Whether two CONSTANTS keys come from the same CONSTANTS variable (same file, same line in it). */
function sameVariable(a: Assignment, b: { fromFile?: string; constantsLine?: number }): boolean {
  return a.fromFile === b.fromFile && a.constantsLine === b.constantsLine;
}

/** The CONSTANTS variable the app gets: the scope's word for it, else the one of the last CONSTANTS key. */
function winningConstants(assignments: readonly Assignment[], stated: Scope['constantsVariable']): { fromFile?: string; constantsLine?: number } | undefined {
  if (stated) return { fromFile: stated.fromFile, constantsLine: stated.line };
  for (let i = assignments.length - 1; i >= 0; i--) if (assignments[i].channel === 'constants-json') return assignments[i];
  return undefined;
}

/** Linear in the number of assignments (one map look-up each). */
export function resolvePrecedence(assignments: readonly Assignment[], constantsVariable?: Scope['constantsVariable']): Precedence {
  const winning = winningConstants(assignments, constantsVariable);
  const replaced = (a: Assignment) => a.channel === 'constants-json' && !sameVariable(a, winning!);
  const winners = new Map<string, Assignment>();
  const keys = new Array<string>(assignments.length);
  let replacedCount = 0;
  for (let i = 0; i < assignments.length; i++) {
    const a = assignments[i];
    const key = (keys[i] = constantKey(a.name));
    if (replaced(a)) {
      replacedCount++;
      continue;
    }
    const current = winners.get(key);
    if (!current || RANK[a.channel] >= RANK[current.channel]) winners.set(key, a);
  }
  if (replacedCount === 0 && winners.size === assignments.length) return { effective: [...assignments], overridden: [] };
  const effective: Assignment[] = [];
  const overridden: { loser: Assignment; winner: Assignment }[] = [];
  for (let i = 0; i < assignments.length; i++) {
    const a = assignments[i];
    const winner = winners.get(keys[i]);
    // a key of a replaced CONSTANTS that nothing else sets: the app never sees it
    if (!winner) continue;
    if (winner === a) effective.push(a);
    else overridden.push({ loser: a, winner });
  }
  return { effective, overridden };
}
