// The last parse of each recently read file, kept so that the next read of the same file after
// a one-line edit parses one line instead of the whole file (sources/yamlReparse.ts). Whoever
// owns a lifetime owns a cache and passes it in (CheckOptions.parses): the language server one
// per session, the CLI one per run. A read without a cache keeps nothing, and a read through
// notKept() (a fix read back before it is offered) keeps nothing either, so neither can push
// the parse of a file being edited out of the cache.

/** A parse kept for the next read of the same file. */
export interface KeptParse<Parsed> {
  text: string;
  parsed: Parsed;
}

export interface ParseCacheLimits {
  /** how many files' parses are kept at most; 0 keeps none */
  files: number;
  /** at most this many characters of text over all kept files; a longer file is not kept */
  textBudget: number;
}

/**
 * The 4 most recently read files, at most 3 M characters of text together: a parsed YAML
 * document takes ~10 bytes of memory per character of text, so at most ~30 MB.
 */
export const DEFAULT_PARSE_CACHE_LIMITS: ParseCacheLimits = { files: 4, textBudget: 3 * 1024 * 1024 };

const KEEPS_NOTHING: ParseCacheLimits = { files: 0, textBudget: 0 };

/**
 * The kept parses, by a key the reader chooses (the file's path), least recently read first.
 * What is kept under a key is the parse of the one reader that keeps parses (YAML's), so
 * `Parsed` is that reader's type; the cache itself never looks inside.
 */
export class ParseCache<Parsed = unknown> {
  /** How the reads through this cache were answered (tests check that the short way is really taken). */
  readonly counts: { reused: number; full: number };
  private readonly kept = new Map<string, KeptParse<Parsed>>();
  /** Parses handed out again: their nodes are the ones a reader saw before (sources/yamlConstants.ts). */
  private readonly handedOut = new WeakSet<object>();

  constructor(
    readonly limits: ParseCacheLimits = DEFAULT_PARSE_CACHE_LIMITS,
    counts?: { reused: number; full: number },
  ) {
    this.counts = counts ?? { reused: 0, full: 0 };
  }

  /**
   * A view for reads that must not be kept (a fix read back before it is offered): it keeps
   * nothing, so it can push out nothing, and its reads count in this cache's counts.
   */
  notKept(): ParseCache<Parsed> {
    return new ParseCache<Parsed>(KEEPS_NOTHING, this.counts);
  }

  /** The kept parse of `key`, taken out (keep() puts the new one back as the most recent). */
  take(key: string): KeptParse<Parsed> | undefined {
    const previous = this.kept.get(key);
    this.kept.delete(key);
    return previous;
  }

  /** Keeps a parse as the most recent; the least recently read go first when over the limits. */
  keep(key: string, parse: KeptParse<Parsed>): void {
    const { files, textBudget } = this.limits;
    if (files <= 0 || parse.text.length > textBudget) return;
    this.kept.delete(key);
    this.kept.set(key, parse);
    let total = 0;
    for (const p of this.kept.values()) total += p.text.length;
    // a Map keeps insertion order: the oldest first
    for (const [oldest, p] of this.kept) {
      if (this.kept.size <= files && total <= textBudget) break;
      this.kept.delete(oldest);
      total -= p.text.length;
    }
  }

  /** Marks a parsed object as handed out again (the same text, or one line parsed again). */
  handOutAgain(parsed: object): void {
    this.handedOut.add(parsed);
  }

  /** Whether this object was handed out again by this cache, its nodes outside an edited line unchanged. */
  wasHandedOutAgain(parsed: object): boolean {
    return this.handedOut.has(parsed);
  }

  /** Forgets every kept parse (memory; a session that wants a clean start). */
  clear(): void {
    this.kept.clear();
  }
}
