// The constants the app's model declares, from `model/metadata.json` and the generated
// `javasource/<module>/proxies/constants/Constants.java`: they feed `unknown-constant`,
// completion and hover, in the editor and in the CLI alike. Which app's declarations a file
// gets is decided in appRoots.ts (the nearest app root above it; the only app of the
// workspace; or none). Files are found by a bounded walk of each workspace folder (again
// after `rescan()`, e.g. when such a file is created or deleted) and re-read when their
// modification time changes. The walk runs in the background (a check never waits for it):
// the first check of a workspace sees no declarations, and `onChange` asks for re-checks once
// the walk has found some. It is repeated every half minute, so a new file is found without a
// file watcher (an editor that watches files has the server call `rescan()` at once).
import { statSync, type Dirent } from 'node:fs';
import { readTextOrUndefined } from './readFile';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConstantDeclaration } from '../core/types';
import { readSettingsFile } from '../sources/index';
import { appRootFor, appsOf, isAppMarker, isDeclarationFile, type WorkspaceApps } from './appRoots';

export { isDeclarationFile };

const SKIP_DIRS = new Set(['node_modules', '.git', '.svn', '.hg', '.tools', '.vscode-test', 'dist', 'out', 'target', 'build', '.gradle', '.mendix-cache', 'theme-cache', 'vendorlib', 'userlib']);
const MAX_DEPTH = 8;
const MAX_ENTRIES = 20_000;
const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** The files under `root` that make a folder an app root: declaration files and `*.mpr` (sorted). */
export async function findAppMarkers(root: string): Promise<string[]> {
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
      } else if (e.isFile() && isAppMarker(path)) found.push(path);
    }
  };
  await walk(root, 0);
  return found.sort();
}

/** The declaration files under `root` (sorted). */
export async function findDeclarationFiles(root: string): Promise<string[]> {
  return (await findAppMarkers(root)).filter(isDeclarationFile);
}

interface CachedFile {
  mtimeMs: number;
  size: number;
  declarations: ConstantDeclaration[];
}

const RESCAN_AFTER_MS = 30_000;

/** What a file gets when no app applies (one shared array: rules cache by identity). */
const NONE: ConstantDeclaration[] = [];

interface WorkspaceWalk {
  /** the app markers found (declaration files and *.mpr), sorted */
  list: string[];
  apps: WorkspaceApps;
  at: number;
  scanning?: Promise<void>;
}

export class WorkspaceDeclarations {
  private readonly walks = new Map<string, WorkspaceWalk>();
  private readonly cache = new Map<string, CachedFile>();
  private readonly combined = new Map<string, { parts: ConstantDeclaration[][]; all: ConstantDeclaration[] }>();

  constructor(
    /** called when a walk found a different set of files (re-check the open documents) */
    private readonly onChange: () => void = () => undefined,
    private readonly now: () => number = Date.now,
    /** how old a walk may get before the next request starts another (the CLI: never, one run sees one tree) */
    private readonly rescanAfterMs = RESCAN_AFTER_MS,
    /** Restricted Mode: the workspace folders (a declaration file linked from outside them is not read) */
    private readonly readableFolders: () => readonly string[] | undefined = () => undefined,
  ) {}

  /** Walk again on the next request (a declaration file was created or deleted). */
  rescan(): void {
    for (const walk of this.walks.values()) walk.at = -Infinity;
  }

  /** Resolves when no walk is running (the CLI before its first check; tests). */
  async idle(): Promise<void> {
    await Promise.all([...this.walks.values()].map((w) => w.scanning));
  }

  /** Starts the walk of a workspace folder if it is due (never waits for it). */
  prepare(workspaceRoot: string): void {
    this.walkOf(workspaceRoot);
  }

  /**
   * The declarations that apply to `filePath` in the workspace folder `workspaceRoot`, as
   * known now (appRoots.ts decides which app's): the same array while nothing changed (rules
   * cache by it).
   */
  declarationsFor(workspaceRoot: string, filePath: string): ConstantDeclaration[] {
    const walk = this.walkOf(workspaceRoot);
    const app = appRootFor(filePath, workspaceRoot, walk.apps);
    const files = app === undefined ? undefined : walk.apps.get(app);
    if (!files || files.length === 0) return NONE;
    const parts = files.map((file) => this.read(file));
    const key = `${workspaceRoot}\0${app}`;
    const previous = this.combined.get(key);
    if (previous && previous.parts.length === parts.length && previous.parts.every((p, i) => p === parts[i])) return previous.all;
    const all = parts.flat();
    this.combined.set(key, { parts, all });
    return all;
  }

  private walkOf(root: string): WorkspaceWalk {
    let walk = this.walks.get(root);
    if (!walk) {
      walk = { list: [], apps: new Map(), at: -Infinity };
      this.walks.set(root, walk);
    }
    if (!walk.scanning && (walk.at === -Infinity || this.now() - walk.at > this.rescanAfterMs)) this.scan(root, walk);
    return walk;
  }

  private scan(root: string, walk: WorkspaceWalk): void {
    walk.at = this.now();
    walk.scanning = findAppMarkers(root)
      .then((list) => {
        const changed = list.length !== walk.list.length || list.some((f, i) => f !== walk.list[i]);
        // a declaration file edited outside the editor: the next check reads it again, so ask for one
        const edited = !changed && list.some((f) => isDeclarationFile(f) && this.isStale(f));
        if (changed) {
          walk.list = list;
          walk.apps = appsOf(list);
        }
        if (changed || edited) this.onChange();
      })
      .catch(() => undefined)
      .finally(() => {
        walk.scanning = undefined;
      });
  }

  /** true for a file read before that changed since (one never read has no check depending on it). */
  private isStale(file: string): boolean {
    const cached = this.cache.get(file);
    if (!cached) return false;
    try {
      const stat = statSync(file);
      return cached.mtimeMs !== stat.mtimeMs || cached.size !== stat.size;
    } catch {
      return true;
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
    // the one reader: a regular file under the cap, inside the workspace in Restricted Mode
    const text = readTextOrUndefined(file, { maxBytes: MAX_FILE_BYTES, within: this.readableFolders() });
    if (text !== undefined) {
      try {
        declarations = readSettingsFile(file, text)?.declarations ?? [];
      } catch {
        declarations = [];
      }
    }
    this.cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, declarations });
    return declarations;
  }
}
