// The globs of `.mendix-email.json` (`overrides`, `files`): relative to the config file's
// folder, `/` as separator, a glob without `/` matching a file name in any folder below.
// One matcher for both keys, so a glob means the same wherever it is written: globMatch's,
// whose time is linear in the path (a config file comes from the repository, so its globs
// are input, not code). `*` matches a leading dot.
import * as path from 'node:path';
import { compileGlob, type CompiledGlob } from './globMatch';

/**
 * Compiled globs are kept for the process's life: module-level memos, yet no hidden state — a
 * glob compiles to the same matcher whichever file, workspace or session asks (compileGlob is
 * pure), nothing ever needs them reset, and they are capped (a config being typed makes a new
 * glob on each keystroke; a config holds a few dozen).
 */
const MAX_CACHED = 2_000;
const compiled = new Map<string, CompiledGlob>();
function compiledGlob(pattern: string): CompiledGlob {
  let c = compiled.get(pattern);
  if (!c) {
    c = compileGlob(pattern);
    if (compiled.size >= MAX_CACHED) compiled.clear();
    compiled.set(pattern, c);
  }
  return c;
}

const matchers = new Map<string, (p: string) => boolean>();
function matcher(glob: string): (p: string) => boolean {
  let m = matchers.get(glob);
  if (!m) {
    // `./name` is anchored to the config's folder; a glob with no `/` matches a name in any folder
    const anchored = glob.startsWith('./');
    const pattern = anchored ? glob.slice(2) : glob;
    // a refused glob was reported when the config was read; here it matches nothing
    const match = compiledGlob(pattern).match ?? (() => false);
    m = !anchored && !pattern.includes('/') ? (p) => match(path.posix.basename(p)) : match;
    if (matchers.size >= MAX_CACHED) matchers.clear();
    matchers.set(glob, m);
  }
  return m;
}

/** Why a glob of `overrides` / `files` is not used, in words; undefined when it is fine. */
export function globRefusal(glob: string): string | undefined {
  return compiledGlob(glob.startsWith('./') ? glob.slice(2) : glob).refused;
}

/** The path of `filePath` relative to the folder of the config file, with `/`; undefined when outside. */
export function relativeToConfig(filePath: string, configFile: string): string | undefined {
  const rel = path.relative(path.dirname(configFile), filePath);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/** The globs of `entries` that match `filePath`, in the order they are written (so the last one wins). */
export function matchingGlobs<T>(entries: Record<string, T> | undefined, filePath: string, configFile: string): { glob: string; value: T }[] {
  if (!entries) return [];
  const rel = relativeToConfig(filePath, configFile);
  if (rel === undefined) return [];
  const hits: { glob: string; value: T }[] = [];
  for (const glob in entries) {
    if (matcher(glob)(rel)) hits.push({ glob, value: entries[glob] });
  }
  return hits;
}

/**
 * A glob that matches exactly this one file: its relative path with glob characters escaped,
 * and `./` before a bare name (a glob without `/` would match that name in every folder).
 */
export function globForFile(filePath: string, configFile: string): string | undefined {
  const rel = relativeToConfig(filePath, configFile);
  if (rel === undefined) return undefined;
  const escaped = rel.replace(/[\\*?[\]{}()!+@]/g, '\\$&');
  return escaped.includes('/') ? escaped : `./${escaped}`;
}
