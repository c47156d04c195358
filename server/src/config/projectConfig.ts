// Finds and loads the `.mendix-email.json` that applies to a settings file: the nearest one
// from the file's folder up to the workspace root. The editor asks on every check (every
// keystroke), so a ProjectConfigCache remembers both the search and the parsed file: a
// folder's answer is trusted for FRESH_MS, a parsed file for as long as its mtime and size
// stay the same. The cache belongs to whoever owns the lifetime (the language server one per
// session, told of config changes through invalidate(), so a change shows at once rather than
// after FRESH_MS); loadProjectConfigFor() is a one-off look that keeps nothing.
import { statSync } from 'node:fs';
import { readRegularFile } from '../services/readFile';
import { dirname, join, parse, relative, resolve, isAbsolute } from 'node:path';
import type { LoadedProjectConfig } from '../core/settings';
import { parseProjectConfig } from './parseProjectConfig';
import { PROJECT_CONFIG } from '../core/fileKinds';

export const PROJECT_CONFIG_FILE = PROJECT_CONFIG.name;

/** How long the answer "which config file applies to this folder" is reused without looking again. */
const FRESH_MS = 1000;
/** A config file larger than this is not a hand-written config; it is reported, not parsed. */
const MAX_CONFIG_BYTES = 1024 * 1024;

interface FolderAnswer {
  file: string | undefined;
  at: number;
}
interface ParsedFile {
  mtimeMs: number;
  size: number;
  checkedAt: number;
  loaded: LoadedProjectConfig;
}

export class ProjectConfigCache {
  private readonly folders = new Map<string, FolderAnswer>();
  private readonly parsed = new Map<string, ParsedFile>();

  /** `now`: the clock that decides FRESH_MS (tests pass their own) */
  constructor(private readonly now: () => number = Date.now) {}

  /**
   * The project config for a file, or undefined when no `.mendix-email.json` is found between
   * the file's folder and `workspaceRoot` (both included). Without a root, or for a file
   * outside it, the search goes up to the file system's root. `within` (Restricted Mode: the
   * workspace folders): a config file whose real path lies outside them is not read.
   */
  for(filePath: string, workspaceRoot?: string, within?: readonly string[]): LoadedProjectConfig | undefined {
    const folder = dirname(resolve(filePath));
    const root = workspaceRoot ? resolve(workspaceRoot) : undefined;
    const key = `${folder}\0${root ?? ''}`;
    const now = this.now();
    let answer = this.folders.get(key);
    if (!answer || now - answer.at > FRESH_MS) {
      answer = { file: findConfigFile(folder, root), at: now };
      this.folders.set(key, answer);
    }
    if (!answer.file) return undefined;
    const loaded = this.loadConfigFile(answer.file, now, within);
    if (!loaded) this.folders.delete(key); // it vanished between the search and the read
    return loaded;
  }

  /** Forget cached answers: all of them, or those that involve one config file (a change, creation or deletion). */
  invalidate(changedFile?: string): void {
    if (!changedFile) {
      this.folders.clear();
      this.parsed.clear();
      return;
    }
    const file = resolve(changedFile);
    this.parsed.delete(file);
    const folder = dirname(file);
    // a new or deleted file changes the answer for its folder and every folder below it
    for (const key of this.folders.keys()) {
      const asked = key.slice(0, key.indexOf('\0'));
      if (isInside(asked, folder)) this.folders.delete(key);
    }
  }

  private loadConfigFile(file: string, now: number, within: readonly string[] | undefined): LoadedProjectConfig | undefined {
    const cached = this.parsed.get(file);
    if (cached && now - cached.checkedAt <= FRESH_MS) return cached.loaded;
    let stat;
    try {
      stat = statSync(file);
    } catch {
      this.parsed.delete(file);
      return undefined;
    }
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
      cached.checkedAt = now;
      return cached.loaded;
    }
    const loaded = readConfig(file, stat.size, within);
    this.parsed.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, checkedAt: now, loaded });
    return loaded;
  }
}

/** A one-off look (the CLI, a test send): the same answer as ProjectConfigCache.for, nothing kept. */
export function loadProjectConfigFor(filePath: string, workspaceRoot?: string, within?: readonly string[]): LoadedProjectConfig | undefined {
  return new ProjectConfigCache().for(filePath, workspaceRoot, within);
}

/** The nearest config file, looking from `folder` up to `root` (or the file system root). */
export function findConfigFile(folder: string, root?: string, lookup: ConfigLookup = {}): string | undefined {
  const stopAt = root && isInside(folder, root) ? root : undefined;
  const has = lookup.isFile ?? ((dir: string, name: string) => isFile(join(dir, name)));
  const visited: string[] = [];
  let answer: string | undefined;
  let current = folder;
  for (;;) {
    const known = lookup.memo?.get(current);
    if (known !== undefined) {
      answer = known ?? undefined;
      break;
    }
    visited.push(current);
    if (has(current, PROJECT_CONFIG_FILE)) {
      answer = join(current, PROJECT_CONFIG_FILE);
      break;
    }
    if (stopAt !== undefined && current === stopAt) break;
    const parent = dirname(current);
    if (parent === current || current === parse(current).root) break;
    current = parent;
  }
  for (const dir of visited) lookup.memo?.set(dir, answer ?? null);
  return answer;
}

/**
 * How findConfigFile looks (the CLI passes its folder listing and a memo kept for the run, so a
 * thousand files in a thousand folders cost one look per folder, not one per level).
 */
export interface ConfigLookup {
  isFile?: (folder: string, name: string) => boolean;
  /** folder → the config that applies there (null: none); only for walks without a root */
  memo?: Map<string, string | null>;
}

function readConfig(file: string, size: number, within: readonly string[] | undefined): LoadedProjectConfig {
  if (size > MAX_CONFIG_BYTES) {
    return { config: {}, file, problems: [{ message: `.mendix-email.json is ${Math.round(size / 1024)} KB; a config file over 1 MB is not read.` }] };
  }
  // the one reader: a regular file only (a FIFO named .mendix-email.json cannot hang the check), capped
  const read = readRegularFile(file, { maxBytes: MAX_CONFIG_BYTES, within });
  if ('notRead' in read) return { config: {}, file, problems: [{ message: `.mendix-email.json was not read: ${read.notRead}.` }] };
  return parseProjectConfig(read.text, file);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
