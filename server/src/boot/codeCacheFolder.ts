// Where the V8 code cache lives, and whether that folder can be trusted. The cache holds
// compiled bytecode that runs as this program, so it is read only from a folder that this
// user alone can write: checked here, not assumed. A shared temp folder is never used.
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/** `MENDIX_EMAIL_CODE_CACHE`: `off` turns the cache off; an absolute path puts it there. */
export const CODE_CACHE_ENV = 'MENDIX_EMAIL_CODE_CACHE';

export type FolderChoice = { folder: string } | { off: string };

/** The per-user cache folder of the platform, or the one the environment names. */
export function cacheFolderFor(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home: string = safeHome()): FolderChoice {
  const asked = env[CODE_CACHE_ENV]?.trim();
  if (asked) {
    if (/^(off|0|false|no)$/i.test(asked)) return { off: `turned off by ${CODE_CACHE_ENV}` };
    if (!isAbsolute(asked)) return { off: `${CODE_CACHE_ENV} is not an absolute path` };
    return { folder: asked };
  }
  if (platform === 'win32') return env.LOCALAPPDATA ? { folder: join(env.LOCALAPPDATA, 'mendix-email', 'Cache') } : { off: 'no LOCALAPPDATA folder' };
  if (!home) return { off: 'no home folder' };
  if (platform === 'darwin') return { folder: join(home, 'Library', 'Caches', 'mendix-email') };
  const xdg = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(home, '.cache');
  return { folder: join(xdg, 'mendix-email') };
}

function safeHome(): string {
  try {
    return homedir();
  } catch {
    return '';
  }
}

/** Why files owned or writable by someone else must not be trusted (POSIX), or undefined when they may be. */
export function untrustedBecause(stats: Stats, what: string): string | undefined {
  if (process.platform === 'win32') return undefined; // %LOCALAPPDATA% is per-user by its ACL
  const uid = process.getuid?.();
  if (uid !== undefined && stats.uid !== uid) return `${what} belongs to another user`;
  if (stats.mode & 0o022) return `${what} is writable by other users`;
  return undefined;
}

/** Creates the folder (owner only) and checks it; returns why it cannot be used, if so. */
export function prepareFolder(folder: string): string | undefined {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stats = lstatSync(folder);
    if (stats.isSymbolicLink() || !stats.isDirectory()) return `${folder} is not a folder`;
    return untrustedBecause(stats, folder);
  } catch (error) {
    return `${folder}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
  }
}

/**
 * The cache file's bytes when it is a regular file of this user that nobody else can write;
 * undefined when there is none. Opened without following links and checked on the open
 * handle, so the file cannot be swapped between the check and the read.
 */
export function readCacheFile(file: string): { data?: Buffer; refused?: string } {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return {};
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { refused: `${file} is not a regular file` };
    const refused = untrustedBecause(stats, file);
    return refused ? { refused } : { data: readFileSync(fd) };
  } catch {
    return {};
  } finally {
    closeSync(fd);
  }
}
