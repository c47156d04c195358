// Answers "does git track this file, or would it?" for password-in-plain-text, for the editor
// and the CLI alike. The .gitignore layers say whether git would commit a file; only for an
// ignored file does git itself have to be asked whether it already tracks it (added before it
// was ignored). That question never blocks a check: answers are kept per repository and asked
// in the background (runGit.ts: async, deadline, no fsmonitor/hooks/pager), and where git may
// not run (Restricted Mode) or did not answer, an ignored file "may be committed".
import { dirname, relative, sep } from 'node:path';
import { ancestorLayers, findGitRoot, isIgnored, readIgnoreLayer, type IgnoreLayer } from './gitignore';
import { isInsideWorkspace } from './readFile';
import { runGit } from './runGit';

/** true: tracked, or not ignored (would be committed); false: ignored and not tracked; 'unknown': ignored, and whether git already tracks it is not known. */
export type GitTracked = boolean | 'unknown';

export interface GitTrackingOptions {
  /** false in Restricted Mode: then git is never started (no child process at all) */
  mayRunGit(): boolean;
  /** Restricted Mode: the workspace folders; .gitignore files outside them are not read */
  readableFolders?(): readonly string[] | undefined;
  /** an answer arrived that changes what an earlier call said about a file of this repository */
  changed?(repository: string): void;
  /** git failed or missed its deadline for this repository (the answer is then 'unknown') */
  failed?(repository: string, reason: string): void;
  timeoutMs?: number;
  /** answers (and .gitignore layers) older than this are asked again, in the background */
  refreshAfterMs?: number;
  now?(): number;
}

export const GIT_TIMEOUT_MS = 5_000;

interface RepositoryAnswer {
  /** paths git tracks, relative with `/`; undefined until git first answered */
  tracked?: Set<string>;
  /** why the last question failed */
  failure?: string;
  askedAt: number;
  running?: Promise<void>;
  /** ignored files a caller asked about: the ones whose answer an update can change */
  asked: Set<string>;
}

export class GitTracking {
  private readonly roots = new Map<string, string | undefined>();
  private layers = new Map<string, IgnoreLayer[]>();
  private layersRead = 0;
  private readonly repositories = new Map<string, RepositoryAnswer>();
  private readonly now: () => number;

  constructor(private readonly options: GitTrackingOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * Never waits: an ignored file whose repository git has not answered for yet counts as not
   * tracked until the answer arrives (then `changed` says so); undefined outside a repository.
   */
  isTracked(file: string): GitTracked | undefined {
    const folder = dirname(file);
    const root = this.rootOf(folder);
    if (root === undefined) return undefined;
    const within = this.options.readableFolders?.();
    // Restricted Mode in a folder below the repository's root: the .gitignore files above it are not read
    if (within && !isInsideWorkspace(root, within)) return 'unknown';
    if (!isIgnored(this.layersAt(folder, root), file, false)) return true;
    if (!this.options.mayRunGit()) return 'unknown';
    const answer = this.repository(root);
    const rel = relative(root, file).split(sep).join('/');
    answer.asked.add(rel);
    if (!answer.tracked && !answer.running && answer.failure === undefined) this.ask(root, answer);
    else if (this.stale(answer.askedAt) && !answer.running) this.ask(root, answer);
    if (answer.tracked) return answer.tracked.has(rel);
    return answer.failure !== undefined ? 'unknown' : false;
  }

  /** For a one-shot run (the CLI): asks git, and waits, for every repository that holds an ignored file of `files`. */
  async prepare(files: readonly string[]): Promise<void> {
    if (!this.options.mayRunGit()) return;
    const waits: Promise<void>[] = [];
    for (const file of files) {
      const folder = dirname(file);
      const root = this.rootOf(folder);
      if (root === undefined || !isIgnored(this.layersAt(folder, root), file, false)) continue;
      const answer = this.repository(root);
      if (!answer.tracked && !answer.running && answer.failure === undefined) this.ask(root, answer);
      if (answer.running) waits.push(answer.running);
    }
    await Promise.all(waits);
  }

  /** A .gitignore or a repository's index changed: read the layers again, and ask git again in the background. */
  forget(): void {
    this.layers = new Map();
    this.roots.clear();
    for (const answer of this.repositories.values()) answer.askedAt = -Infinity;
  }

  private repository(root: string): RepositoryAnswer {
    let answer = this.repositories.get(root);
    if (!answer) {
      answer = { askedAt: this.now(), asked: new Set() };
      this.repositories.set(root, answer);
    }
    return answer;
  }

  private stale(since: number): boolean {
    return this.options.refreshAfterMs !== undefined && this.now() - since > this.options.refreshAfterMs;
  }

  private ask(root: string, answer: RepositoryAnswer): void {
    answer.askedAt = this.now();
    const before = answer.tracked;
    const failedBefore = answer.failure !== undefined;
    answer.running = runGit(['ls-files', '-z'], { repository: root, timeoutMs: this.options.timeoutMs ?? GIT_TIMEOUT_MS }).then((outcome) => {
      answer.running = undefined;
      if (outcome.ok) {
        answer.tracked = new Set(outcome.stdout.split('\0').filter(Boolean));
        answer.failure = undefined;
      } else {
        answer.failure = outcome.reason;
        this.options.failed?.(root, outcome.reason);
      }
      const differs = [...answer.asked].some((rel) => {
        const was = failedBefore ? 'unknown' : (before?.has(rel) ?? false);
        const is = answer.failure !== undefined ? 'unknown' : answer.tracked!.has(rel);
        return was !== is;
      });
      if (differs) this.options.changed?.(root);
    });
  }

  private rootOf(folder: string): string | undefined {
    if (!this.roots.has(folder)) this.roots.set(folder, findGitRoot(folder));
    return this.roots.get(folder);
  }

  private layersAt(folder: string, root: string): IgnoreLayer[] {
    if (this.stale(this.layersRead)) {
      this.layers = new Map();
      this.roots.clear();
    }
    if (this.layers.size === 0) this.layersRead = this.now();
    let layers = this.layers.get(folder);
    if (!layers) {
      const within = this.options.readableFolders?.();
      const own = readIgnoreLayer(folder, '.gitignore', within);
      const above = ancestorLayers(folder, root, within);
      layers = own ? [...above, own] : above;
      this.layers.set(folder, layers);
    }
    return layers;
  }
}
