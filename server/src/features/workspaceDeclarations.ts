// The constants the app's model declares, from `model/metadata.json` and the generated
// `javasource/<module>/proxies/constants/Constants.java` anywhere in the workspace: they feed
// `unknown-constant`, completion and hover. Files are found by a bounded walk of each workspace
// folder (again after `rescan()`, e.g. when such a file is created or deleted) and re-read when
// their modification time changes. The walk runs in the background (a check never waits for
// it): the first check of a workspace sees no declarations, and `onChange` asks for re-checks
// once the walk has found some. It is repeated every half minute, so a new file is found
// without a file watcher.
import { readFileSync, statSync, type Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
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

export async function findDeclarationFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  let visited = 0;
  const walk = async (folder: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH || visited > MAX_ENTRIES) return;
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (++visited > MAX_ENTRIES) return;
      const path = join(folder, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) await walk(path, depth + 1);
      } else if (e.isFile() && isDeclarationFile(path)) found.push(path);
    }
  };
  await walk(root, 0);
  return found.sort();
}

interface CachedFile {
  mtimeMs: number;
  size: number;
  declarations: ConstantDeclaration[];
}

const RESCAN_AFTER_MS = 30_000;

interface FileList {
  list: string[];
  at: number;
  scanning?: Promise<void>;
}

export class WorkspaceDeclarations {
  private readonly files = new Map<string, FileList>();
  private readonly cache = new Map<string, CachedFile>();
  private readonly combined = new Map<string, { parts: ConstantDeclaration[][]; all: ConstantDeclaration[] }>();

  constructor(
    /** called when a walk found a different set of files (re-check the open documents) */
    private readonly onChange: () => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** Walk again on the next request (a declaration file was created or deleted). */
  rescan(): void {
    for (const entry of this.files.values()) entry.at = -Infinity;
  }

  /** Resolves when no walk is running (for tests). */
  async idle(): Promise<void> {
    await Promise.all([...this.files.values()].map((e) => e.scanning));
  }

  /** Every declaration known under a workspace folder now: the same array while nothing changed (rules cache by it). */
  declarationsFor(root: string): ConstantDeclaration[] {
    let entry = this.files.get(root);
    if (!entry) {
      entry = { list: [], at: -Infinity };
      this.files.set(root, entry);
    }
    if (!entry.scanning && this.now() - entry.at > RESCAN_AFTER_MS) this.scan(root, entry);
    const parts = entry.list.map((file) => this.read(file));
    const previous = this.combined.get(root);
    if (previous && previous.parts.length === parts.length && previous.parts.every((p, i) => p === parts[i])) return previous.all;
    const all = parts.flat();
    this.combined.set(root, { parts, all });
    return all;
  }

  private scan(root: string, entry: FileList): void {
    entry.at = this.now();
    entry.scanning = findDeclarationFiles(root)
      .then((list) => {
        const changed = list.length !== entry.list.length || list.some((f, i) => f !== entry.list[i]);
        // a file edited outside the editor: the next check reads it again, so ask for one
        const edited = !changed && list.some((f) => this.isStale(f));
        entry.list = list;
        if (changed || edited) this.onChange();
      })
      .catch(() => undefined)
      .finally(() => {
        entry.scanning = undefined;
      });
  }

  private isStale(file: string): boolean {
    const cached = this.cache.get(file);
    try {
      const stat = statSync(file);
      return !cached || cached.mtimeMs !== stat.mtimeMs || cached.size !== stat.size;
    } catch {
      return cached !== undefined;
    }
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
