// A canary secret written into every secret of a settings file (settings/secrets.ts decides
// what is secret): a test then asserts that no output of any feature contains it.
import { checkDocument } from '../../server/src/engine/check';
import { isSecret } from '../../server/src/settings/secrets';
import type { Assignment } from '../../server/src/core/types';

export const CANARY = 'Zq9LEAKCANARY7xP';

function offsetOf(text: string, position: { line: number; character: number }): number {
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let line = 0; line < position.line; line++) {
    const m = re.exec(text);
    if (!m) return text.length;
    start = m.index + m[0].length;
  }
  return start + position.character;
}

/** The text with each literal secret's value replaced by CANARY; `count` how many. */
export function withCanarySecrets(path: string, text: string): { text: string; count: number } {
  const result = checkDocument({ path, text });
  if (!result) return { text, count: 0 };
  const secrets = new Set<Assignment>();
  for (const settings of result.settings) {
    for (const a of [...settings.scope.assignments]) {
      if (a.fromFile === undefined && a.valueKind === 'literal' && a.value !== '' && isSecret(settings, a)) secrets.add(a);
    }
  }
  // from the end, so earlier offsets stay valid; only values written on one line as they read
  const spans = [...secrets]
    .map((a) => [offsetOf(text, a.valueRange.start), offsetOf(text, a.valueRange.end), a] as const)
    .filter(([start, end, a]) => a.valueRange.start.line === a.valueRange.end.line && text.slice(start, end) === a.value)
    .sort((x, y) => y[0] - x[0]);
  let out = text;
  let last = Infinity;
  let count = 0;
  for (const [start, end] of spans) {
    if (end > last) continue;
    out = out.slice(0, start) + CANARY + out.slice(end);
    last = start;
    count++;
  }
  return { text: out, count };
}
