// The constants the app's model declares, from `model/metadata.json` and the generated
// `javasource/<module>/proxies/constants/Constants.java` anywhere in the workspace: they feed
// `unknown-constant`, completion and hover. Files are found by a bounded walk of each workspace
// folder (again after `rescan()`, e.g. when such a file is created or deleted) and re-read when
// their modification time changes. The walk is repeated at most every few seconds, so a
// new file is found without a file watcher.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ConstantDeclaration } from '../core/types';
import { readSettingsFile } from '../sources/index';

const SKIP_DIRS = new Set(['node_modules', '.git', '.svn', '.hg', '.tools', '.vscode-test', 'dist', 'out', 'target', 'build', '.gradle', '.mendix-cache', 'theme-cache', 'vendorlib', 'userlib']);
const MAX_DEPTH = 8;
const MAX_ENTRIES = 20_000;
const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** true for the files that declare constants. */
export function isDeclarationFile(path: string): boolean {
  const name = basename(path);
  if (name === 'metadata.json') return basename(dirname(path)) === 'model';
  if (name === 'Constants.java') return basename(dirname(path)) === 'constants' && basename(dirname(dirname(path))) === 'proxies';
  return false;
}

export function findDeclarationFiles(root: string): string[] {
  const found: string[] = [];
  let visited = 0;
  const walk = (folder: string, depth: number) => {
    if (depth > MAX_DEPTH || visited > MAX_ENTRIES) return;
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (++visited > MAX_ENTRIES) return;
      const path = join(folder, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(path, depth + 1);
      } else if (e.isFile() && isDeclarationFile(path)) found.push(path);
    }
  };
  walk(root, 0);
  return found.sort();
}

interface CachedFile {
  mtimeMs: number;
  size: number;
  declarations: ConstantDeclaration[];
}

const RESCAN_AFTER_MS = 5_000;

export class WorkspaceDeclarations {
  private readonly files = new Map<string, { list: string[]; at: number }>();
  private readonly cache = new Map<string, CachedFile>();
  private readonly combined = new Map<string, { parts: ConstantDeclaration[][]; all: ConstantDeclaration[] }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Forget the file lists (a declaration file was created or deleted). */
  rescan(): void {
    this.files.clear();
  }

  /** Every declaration found under a workspace folder: the same array while nothing changed (rules cache by it). */
  declarationsFor(root: string): ConstantDeclaration[] {
    let entry = this.files.get(root);
    if (!entry || this.now() - entry.at > RESCAN_AFTER_MS) {
      entry = { list: findDeclarationFiles(root), at: this.now() };
      this.files.set(root, entry);
    }
    const parts = entry.list.map((file) => this.read(file));
    const previous = this.combined.get(root);
    if (previous && previous.parts.length === parts.length && previous.parts.every((p, i) => p === parts[i])) return previous.all;
    const all = parts.flat();
    this.combined.set(root, { parts, all });
    return all;
  }

  private read(file: string): ConstantDeclaration[] {
    let stat;
    try {
      stat = statSync(file);
    } catch {
      this.cache.delete(file);
      return [];
    }
    const cached = this.cache.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.declarations;
    let declarations: ConstantDeclaration[] = [];
    if (stat.size <= MAX_FILE_BYTES) {
      try {
        declarations = readSettingsFile(file, readFileSync(file, 'utf8'))?.declarations ?? [];
      } catch {
        declarations = [];
      }
    }
    this.cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, declarations });
    return declarations;
  }
}
