// The glob matcher of `.mendix-email.json` with a linear-time promise: a config file comes
// from the repository, and a regex-based matcher (zeptomatch before) backtracks
// exponentially on `a*a*a*a*a*a*a*a*b/**` against a folder of 80 `a`s. Here a glob
// compiles to a small automaton (Thompson's construction) and a path is matched by walking
// the set of live states once over its characters: time ≤ path length × automaton size,
// whatever the glob. The automaton is bounded, so a pathological glob is refused (and
// reported on the config file) instead of run.
//
// Syntax (zeptomatch's): `*` any run within a segment, `**` any number of segments, `?` one
// character, `[a-z]` / `[!a-z]` classes, `{a,b}` alternatives, `{1..3}` / `{a..c}` ranges,
// `\` escapes, a leading `!` negates. `/` separates segments; only a class naming `/` matches it.

/** Longer than this is not a hand-written glob. */
export const MAX_GLOB_LENGTH = 1000;
/** Automaton states; a glob of MAX_GLOB_LENGTH plain characters needs about as many. */
const MAX_STATES = 4000;
/** How deep `{…}` may nest. */
const MAX_BRACE_DEPTH = 10;

export type GlobMatcher = (path: string) => boolean;
export type CompiledGlob = { match: GlobMatcher; refused?: undefined } | { refused: string; match?: undefined };

type Item =
  | { k: 'char'; c: string }
  | { k: 'one' } // `?`
  | { k: 'class'; test: (c: string) => boolean }
  | { k: 'star' } // `*`: a run of characters other than `/`
  | { k: 'anyRun' } // `**` inside a segment: any run, `/` included
  | { k: 'leadingSegments' } // `**/` at the start: nothing, or any run ending in `/`
  | { k: 'middleSegments' } // `/**/`: `/`, or `/` any run `/`
  | { k: 'trailingSegments' } // `/**` at the end: nothing, or `/` and any run
  | { k: 'alt'; options: Item[][] };

class Refused extends Error {}

/** Compiles once; `refused` says in words why a glob is not used. Never throws. */
export function compileGlob(glob: string): CompiledGlob {
  if (glob.length > MAX_GLOB_LENGTH) {
    return { refused: `The glob is ${glob.length} characters long; globs over ${MAX_GLOB_LENGTH} are not used.` };
  }
  let negated = false;
  let body = glob;
  while (body.startsWith('!')) {
    negated = !negated;
    body = body.slice(1);
  }
  try {
    const items = new GlobParser(body).parseTop();
    const automaton = new Automaton();
    const start = automaton.sequence(items, automaton.add({ t: 'match' }));
    return { match: (path) => automaton.matches(start, path) !== negated };
  } catch (error) {
    if (error instanceof Refused) return { refused: error.message };
    throw error;
  }
}

class GlobParser {
  private i = 0;
  constructor(private readonly text: string) {}

  parseTop(): Item[] {
    const items: Item[] = [];
    if (this.text.startsWith('**/')) {
      while (this.text.startsWith('**/', this.i)) this.i += 3;
      items.push({ k: 'leadingSegments' });
    }
    items.push(...this.parseUntil(0));
    return items;
  }

  /** Items up to the end (depth 0) or up to the `,` / `}` that ends a brace option. */
  private parseUntil(depth: number): Item[] {
    const items: Item[] = [];
    const t = this.text;
    while (this.i < t.length) {
      const c = t[this.i];
      if (depth > 0 && (c === ',' || c === '}')) break;
      if (depth === 0 && this.i === t.length - 3 && t.endsWith('/**')) {
        items.push({ k: 'trailingSegments' });
        this.i = t.length;
      } else if (t.startsWith('/**/', this.i)) {
        this.i += 4;
        while (t.startsWith('**/', this.i)) this.i += 3;
        items.push({ k: 'middleSegments' });
      } else if (c === '*') {
        items.push(this.star());
      } else if (c === '?') {
        items.push({ k: 'one' });
        this.i++;
      } else if (c === '[') {
        items.push(this.charClass() ?? this.literal());
      } else if (c === '{') {
        items.push(this.braces(depth) ?? this.literal());
      } else if (c === '\\' && this.i + 1 < t.length) {
        items.push({ k: 'char', c: t[this.i + 1] });
        this.i += 2;
      } else {
        items.push(this.literal());
      }
    }
    return items;
  }

  private literal(): Item {
    return { k: 'char', c: this.text[this.i++] };
  }

  /** `*`, or `**` that spans segments when it stands between separators (zeptomatch's normalisation). */
  private star(): Item {
    const t = this.text;
    const from = this.i;
    while (t[this.i] === '*') this.i++;
    if (this.i - from < 2) return { k: 'star' };
    if (this.i - from > 2) return { k: 'star' }; // `***` is `*`
    const before = from === 0 ? '' : t[from - 1];
    const after = this.i >= t.length ? '' : t[this.i];
    const leftOpen = before === '' || '/{[(!'.includes(before);
    const rightOpen = after === '' || '*/)]}'.includes(after);
    return leftOpen && rightOpen ? { k: 'anyRun' } : { k: 'star' };
  }

  /** `[…]`, or undefined when it never closes (then `[` is a plain character). */
  private charClass(): Item | undefined {
    const t = this.text;
    let j = this.i + 1;
    let negated = false;
    if (t[j] === '!' || t[j] === '^') {
      negated = true;
      j++;
    }
    const singles = new Set<string>();
    const ranges: [string, string][] = [];
    while (j < t.length && t[j] !== ']') {
      if (t[j] === '\\' && j + 1 < t.length) {
        singles.add(t[j + 1]);
        j += 2;
      } else if (t[j + 1] === '-' && j + 2 < t.length && /[a-z0-9]/i.test(t[j]) && /[a-z0-9]/i.test(t[j + 2]) && sameKind(t[j], t[j + 2])) {
        ranges.push([t[j], t[j + 2]]);
        j += 3;
      } else {
        singles.add(t[j]);
        j++;
      }
    }
    if (j >= t.length) return undefined;
    this.i = j + 1;
    const inClass = (c: string) => singles.has(c) || ranges.some(([low, high]) => c >= low && c <= high);
    return { k: 'class', test: negated ? (c) => c !== '/' && !inClass(c) : inClass };
  }

  /** `{a,b}` or `{1..5}` / `{a..e}`, or undefined when it never closes (then `{` is a plain character). */
  private braces(depth: number): Item | undefined {
    const range = /^\{(?:(\d+)\.\.(\d+)|([a-z]+)\.\.([a-z]+)|([A-Z]+)\.\.([A-Z]+))\}/.exec(this.text.slice(this.i, this.i + 50));
    if (range) {
      this.i += range[0].length;
      const words = range[1] !== undefined ? numberRange(range[1], range[2]) : letterRange(range[3] ?? range[5], range[4] ?? range[6]);
      return { k: 'alt', options: words.map((w) => [...w].map((c): Item => ({ k: 'char', c }))) };
    }
    if (depth >= MAX_BRACE_DEPTH) throw new Refused(`The glob nests {…} more than ${MAX_BRACE_DEPTH} deep.`);
    const start = this.i;
    this.i++;
    const options: Item[][] = [];
    for (;;) {
      options.push(this.parseUntil(depth + 1));
      if (this.i >= this.text.length) {
        this.i = start; // never closed: a plain `{`
        return undefined;
      }
      if (this.text[this.i++] === '}') return { k: 'alt', options };
    }
  }
}

function sameKind(a: string, b: string): boolean {
  const kind = (c: string) => (/[0-9]/.test(c) ? 0 : /[a-z]/.test(c) ? 1 : 2);
  return kind(a) === kind(b);
}

const MAX_RANGE = 1000;

function numberRange(from: string, to: string): string[] {
  const [low, high] = [Number(from), Number(to)].sort((a, b) => a - b);
  if (high - low >= MAX_RANGE) throw new Refused(`The range {${from}..${to}} has over ${MAX_RANGE} values.`);
  const width = Math.min(from.length, to.length);
  const words: string[] = [];
  for (let n = low; n <= high; n++) words.push(String(n).padStart(width, '0'));
  return words;
}

function letterRange(from: string, to: string): string[] {
  const value = (s: string) => [...s.toLowerCase()].reduce((v, c) => v * 26 + c.charCodeAt(0) - 96, 0);
  const word = (v: number, upper: boolean) => {
    let s = '';
    for (; v > 0; v = Math.floor((v - 1) / 26)) s = String.fromCharCode(97 + ((v - 1) % 26)) + s;
    return upper ? s.toUpperCase() : s;
  };
  const [low, high] = [value(from), value(to)].sort((a, b) => a - b);
  if (high - low >= MAX_RANGE) throw new Refused(`The range {${from}..${to}} has over ${MAX_RANGE} values.`);
  const words: string[] = [];
  for (let v = low; v <= high; v++) words.push(word(v, from === from.toUpperCase()));
  return words;
}

type State =
  | { t: 'char'; c: string; next: number }
  | { t: 'test'; test: (c: string) => boolean; next: number }
  | { t: 'split'; a: number; b: number }
  | { t: 'match' };

const notSlash = (c: string) => c !== '/';
const anything = () => true;

/** Thompson's construction, built back to front: each part is compiled knowing the state that follows it. */
class Automaton {
  private readonly states: State[] = [];

  add(state: State): number {
    if (this.states.length >= MAX_STATES) throw new Refused(`The glob is too complex (over ${MAX_STATES} states).`);
    this.states.push(state);
    return this.states.length - 1;
  }

  sequence(items: Item[], next: number): number {
    for (let i = items.length - 1; i >= 0; i--) next = this.item(items[i], next);
    return next;
  }

  /** A loop over characters that pass `test`, then `next`. */
  private run(test: (c: string) => boolean, next: number): number {
    const loop = this.add({ t: 'split', a: -1, b: next });
    const step = this.add({ t: 'test', test, next: loop });
    (this.states[loop] as { a: number }).a = step;
    return loop;
  }

  private item(item: Item, next: number): number {
    switch (item.k) {
      case 'char': return this.add({ t: 'char', c: item.c, next });
      case 'one': return this.add({ t: 'test', test: notSlash, next });
      case 'class': return this.add({ t: 'test', test: item.test, next });
      case 'star': return this.run(notSlash, next);
      case 'anyRun': return this.run(anything, next);
      case 'leadingSegments': {
        const runThenSlash = this.run(anything, this.add({ t: 'char', c: '/', next }));
        return this.add({ t: 'split', a: next, b: runThenSlash });
      }
      case 'middleSegments': {
        const closingSlash = this.add({ t: 'char', c: '/', next });
        const atLeastOne = this.add({ t: 'test', test: anything, next: this.run(anything, closingSlash) });
        const afterSlash = this.add({ t: 'split', a: next, b: atLeastOne });
        return this.add({ t: 'char', c: '/', next: afterSlash });
      }
      case 'trailingSegments': {
        const slashRun = this.add({ t: 'char', c: '/', next: this.run(anything, next) });
        return this.add({ t: 'split', a: next, b: slashRun });
      }
      case 'alt': {
        if (item.options.length === 0) return this.add({ t: 'test', test: () => false, next });
        let start = this.sequence(item.options[item.options.length - 1], next);
        for (let i = item.options.length - 2; i >= 0; i--) start = this.add({ t: 'split', a: this.sequence(item.options[i], next), b: start });
        return start;
      }
    }
  }

  /** Walks the set of live states over the path once (a trailing `/` is allowed, as zeptomatch did). */
  matches(start: number, text: string): boolean {
    const seen = new Int32Array(this.states.length).fill(-1);
    let current: number[] = [];
    let next: number[] = [];
    let generation = 0;
    const addState = (list: number[], s: number) => {
      // epsilon closure with an explicit stack: no recursion, so no stack overflow on a long alternation
      const stack = [s];
      while (stack.length) {
        const id = stack.pop()!;
        if (seen[id] === generation) continue;
        seen[id] = generation;
        const state = this.states[id];
        if (state.t === 'split') stack.push(state.b, state.a);
        else list.push(id);
      }
    };
    const accepts = (list: number[]) => list.some((id) => this.states[id].t === 'match');
    addState(current, start);
    for (let k = 0; k < text.length; k++) {
      const c = text[k];
      if (k === text.length - 1 && c === '/' && accepts(current)) return true;
      generation++;
      next = [];
      for (const id of current) {
        const state = this.states[id];
        if ((state.t === 'char' && state.c === c) || (state.t === 'test' && state.test(c))) addState(next, state.next);
      }
      current = next;
      if (current.length === 0) return false;
    }
    return accepts(current);
  }
}
