// What the code-cache loader (runBundle.ts) tells the bundle it runs. Kept apart from the
// loader so the bundles import these few lines, not the loader.

export interface CodeCacheOutcome {
  /** used: V8 took the cache; written: there was none (or V8 refused it) and one is being made; off: no cache */
  status: 'used' | 'written' | 'off';
  file?: string;
  /** why the cache is off, or why an existing one was not taken */
  why?: string;
}

/** Where the bundle finds the loader's CodeCacheOutcome: globalThis[CODE_CACHE_OUTCOME]. */
export const CODE_CACHE_OUTCOME = Symbol.for('mendix-email.codeCache');
/** Set on the bundle's `module` so it knows it is the program, as `require.main === module` would say. */
export const RUN_AS_MAIN = Symbol.for('mendix-email.runAsMain');

export function codeCacheOutcome(): CodeCacheOutcome | undefined {
  return (globalThis as Record<symbol, CodeCacheOutcome | undefined>)[CODE_CACHE_OUTCOME];
}

/** One line for a log: what the code cache did for this start. */
export function describeCodeCache(outcome: CodeCacheOutcome | undefined): string {
  if (!outcome) return 'Code cache: not used (the bundle was started directly).';
  if (outcome.status === 'used') return `Code cache: used ${outcome.file}.`;
  if (outcome.status === 'written') return `Code cache: none yet${outcome.why ? ` (${outcome.why})` : ''}; writing ${outcome.file}.`;
  return `Code cache: off${outcome.why ? ` (${outcome.why})` : ''}.`;
}
