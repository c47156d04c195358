// The globs of `.mendix-email.json` (`overrides`, `files`): relative to the config file's
// folder, `/` as separator, a glob without `/` matching a file name in any folder below.
// One matcher for both keys, so a glob means the same wherever it is written. zeptomatch
// (~8 KB in the bundle against picomatch's ~24) does `*`, `**`, `?`, `[…]`, `{a,b}` and `\`
// escapes, and lets `*` match a leading dot, which is all a config glob needs.
import * as path from 'node:path';
import zeptomatch from 'zeptomatch';

// Globs compile once per pattern for the life of the process, not once per check.
const matchers = new Map<string, (p: string) => boolean>();
function matcher(glob: string): (p: string) => boolean {
  let m = matchers.get(glob);
  if (!m) {
    // `./name` is anchored to the config's folder; a glob with no `/` matches a name in any folder
    const anchored = glob.startsWith('./');
    const pattern = anchored ? glob.slice(2) : glob;
    m = !anchored && !pattern.includes('/') ? (p) => zeptomatch(pattern, path.posix.basename(p)) : (p) => zeptomatch(pattern, p);
    matchers.set(glob, m);
  }
  return m;
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
