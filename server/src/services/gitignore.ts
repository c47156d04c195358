// .gitignore semantics for the file walk: each .gitignore speaks about paths relative to its
// own folder, and a deeper file's rules beat a shallower one's (as git decides).
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { MAX_BYTES, readTextOrUndefined } from './readFile';

export interface IgnoreLayer {
  /** absolute folder the patterns are relative to */
  base: string;
  matcher: Ignore;
}

/** The folder that holds `.git` (a folder, or a file for worktrees), walking up; undefined outside a repository. */
export function findGitRoot(start: string): string | undefined {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The rules of `<dir>/.gitignore`, or undefined when the folder has none (or it is no regular file, too large, or outside `within`). */
export function readIgnoreLayer(dir: string, fileName = '.gitignore', within?: readonly string[]): IgnoreLayer | undefined {
  const text = readTextOrUndefined(join(dir, fileName), { maxBytes: MAX_BYTES.gitignore, within });
  return text === undefined ? undefined : { base: dir, matcher: ignore().add(text) };
}

/**
 * The layers that apply at `dir` from above it: the repository's `.git/info/exclude` and every
 * `.gitignore` from the repository root down to (not including) `dir`.
 */
export function ancestorLayers(dir: string, gitRoot: string | undefined, within?: readonly string[]): IgnoreLayer[] {
  if (!gitRoot) return [];
  const layers: IgnoreLayer[] = [];
  const exclude = readIgnoreLayer(join(gitRoot, '.git', 'info'), 'exclude', within);
  if (exclude) layers.push({ base: gitRoot, matcher: exclude.matcher });
  const rel = relative(gitRoot, dir);
  const parts = rel ? rel.split(sep) : [];
  let current = gitRoot;
  for (let i = 0; i <= parts.length - 1; i++) {
    const layer = readIgnoreLayer(current, '.gitignore', within);
    if (layer) layers.push(layer);
    current = join(current, parts[i]);
  }
  return layers;
}

/** Whether git would ignore `absolutePath`; deepest layer with an opinion wins. */
export function isIgnored(layers: readonly IgnoreLayer[], absolutePath: string, isDirectory: boolean): boolean {
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i];
    let rel = relative(layer.base, absolutePath);
    if (!rel || rel.startsWith('..')) continue;
    if (sep !== '/') rel = rel.split(sep).join('/');
    const result = layer.matcher.test(isDirectory ? `${rel}/` : rel);
    if (result.ignored) return true;
    if (result.unignored) return false;
  }
  return false;
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
