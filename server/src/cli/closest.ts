// "Did you mean …?" for a mistyped rule id or option: the candidate within a typo's reach.
import { editDistance } from '../ruleKit/editDistance';

/** The candidate closest to `word` by edit distance, if one is close enough to be a typo of it. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(word, candidate, Infinity);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
