// Which assignment wins when one scope sets the same constant more than once (buildpack
// semantics, mendix-email.md §3): an `MX_` variable beats the constant in `CONSTANTS`, which
// beats the model default; the same key written twice in one channel → the last one wins.
import type { Assignment, AssignmentChannel } from '../core/types';
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
  /** every assignment that lost, with the one that beat it */
  overridden: { loser: Assignment; winner: Assignment }[];
}

/** Linear in the number of assignments (one map look-up each). */
export function resolvePrecedence(assignments: readonly Assignment[]): Precedence {
  const winners = new Map<string, Assignment>();
  const keys = new Array<string>(assignments.length);
  for (let i = 0; i < assignments.length; i++) {
    const a = assignments[i];
    const key = (keys[i] = constantKey(a.name));
    const current = winners.get(key);
    if (!current || RANK[a.channel] >= RANK[current.channel]) winners.set(key, a);
  }
  if (winners.size === assignments.length) return { effective: [...assignments], overridden: [] };
  const effective: Assignment[] = [];
  const overridden: { loser: Assignment; winner: Assignment }[] = [];
  for (let i = 0; i < assignments.length; i++) {
    const a = assignments[i];
    const winner = winners.get(keys[i])!;
    if (winner === a) effective.push(a);
    else overridden.push({ loser: a, winner });
  }
  return { effective, overridden };
}
