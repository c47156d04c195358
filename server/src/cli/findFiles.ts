// Finds the files to check under the paths a user gives: walks folders, skips node_modules
// and .git, respects .gitignore, and keeps only names a settings file can have (a cheap test
// first, so a big repository is not read file by file; the readers decide on the content).
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { ancestorLayers, findGitRoot, isIgnored, readIgnoreLayer, type IgnoreLayer } from '../services/gitignore';
import { mightBeSettingsFile } from './fileNames';
import type { FolderContents } from './folders';

export interface FileProblem {
  /** absolute path */
  path: string;
  message: string;
}

export interface FoundFiles {
  /** absolute paths, sorted, each once */
  files: string[];
  /** paths given on the command line (absolute) that were files: checked even when ignored */
  explicit: Set<string>;
  /** paths that could not be read or do not exist: exit code 2 */
  problems: FileProblem[];
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export function findFiles(paths: readonly string[], cwd: string, folders?: FolderContents): FoundFiles {
  const files = new Set<string>();
  const explicit = new Set<string>();
  const problems: FileProblem[] = [];

  for (const given of paths) {
    const path = resolve(cwd, given);
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      problems.push({ path, message: describeFsError(error, 'no such file or folder') });
      continue;
    }
    if (stats.isDirectory()) {
      const gitRoot = findGitRoot(path);
      walk(path, ancestorLayers(path, gitRoot), files, problems, folders);
    } else {
      // A file named on the command line is checked even if .gitignore lists it (as ESLint does).
      files.add(path);
      explicit.add(path);
    }
  }
  return { files: [...files].sort(), explicit, problems };
}

function walk(root: string, rootLayers: IgnoreLayer[], files: Set<string>, problems: FileProblem[], folders?: FolderContents): void {
  const stack: { dir: string; layers: IgnoreLayer[] }[] = [{ dir: root, layers: rootLayers }];
  while (stack.length) {
    const { dir, layers: parentLayers } = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ path: dir, message: describeFsError(error, 'cannot read folder') });
      continue;
    }
    folders?.record(dir, entries);
    const own = entries.some((e) => e.name === '.gitignore') ? readIgnoreLayer(dir) : undefined;
    const layers = own ? [...parentLayers, own] : parentLayers;

    for (const entry of entries) {
      const path = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        if (!mightBeSettingsFile(entry.name)) continue; // linked folders are not followed (no loops)
        try {
          const target = statSync(path);
          isFile = target.isFile();
          isDir = false;
        } catch {
          // A dangling link with a settings file's name: reading it will report the problem.
          isFile = true;
        }
      }
      if (isDir) {
        if (SKIPPED_FOLDERS.has(entry.name) || isIgnored(layers, path, true)) continue;
        stack.push({ dir: path, layers });
      } else if (isFile && mightBeSettingsFile(entry.name) && !isIgnored(layers, path, false)) {
        files.add(path);
      }
    }
  }
}

export function describeFsError(error: unknown, fallback: string): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return code ? `${fallback} (${code})` : fallback;
  }
}
