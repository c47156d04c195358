// Where the V8 code cache lives, and whether its bytes can be trusted. The cache holds
// compiled bytecode that runs as this program, and V8 checks little more than the source's
// length: a cache compiled from a modified bundle of the same length runs the modification.
// So no byte that a workspace, a checkout or a CI cache could supply may be taken:
// - the folder is this user's alone (owner, not writable by others, not a link), and a
//   MENDIX_EMAIL_CODE_CACHE folder is never inside a git repository;
// - each cache file carries a seal written by this program right after it wrote the file: the
//   file's inode and change time (ctime, in nanoseconds). ctime cannot be set by anyone but the
//   kernel, so a file unpacked from a checkout, an archive or a CI cache never matches its seal,
//   even when the seal came along with it; such a file is not read, only replaced.
import { closeSync, constants, existsSync, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeFileSync, type BigIntStats, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join } from 'node:path';

/** `MENDIX_EMAIL_CODE_CACHE`: `off` turns the cache off; an absolute path puts it there. */
export const CODE_CACHE_ENV = 'MENDIX_EMAIL_CODE_CACHE';

export type FolderChoice = { folder: string } | { off: string };

/** The per-user cache folder of the platform, or the one the environment names. */
export function cacheFolderFor(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home: string = safeHome()): FolderChoice {
  const asked = env[CODE_CACHE_ENV]?.trim();
  if (asked) {
    if (/^(off|0|false|no)$/i.test(asked)) return { off: `turned off by ${CODE_CACHE_ENV}` };
    if (!isAbsolute(asked)) return { off: `${CODE_CACHE_ENV} is not an absolute path` };
    const repository = enclosingRepository(asked);
    if (repository) return { off: `${CODE_CACHE_ENV} names a folder inside the git repository ${repository}` };
    return { folder: asked };
  }
  if (platform === 'win32') return env.LOCALAPPDATA ? { folder: join(env.LOCALAPPDATA, 'mendix-email', 'Cache') } : { off: 'no LOCALAPPDATA folder' };
  if (!home) return { off: 'no home folder' };
  if (platform === 'darwin') return { folder: join(home, 'Library', 'Caches', 'mendix-email') };
  const xdg = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(home, '.cache');
  return { folder: join(xdg, 'mendix-email') };
}

/** The nearest folder at or above `folder` that holds `.git` (a checkout's bytes are not ours). */
function enclosingRepository(folder: string): string | undefined {
  for (let dir = folder; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
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
 * The cache file's bytes when it is a regular file of this user that nobody else can write and
 * its seal says this program wrote it here; undefined when there is none. `unsealed`: the file
 * is there but not ours (it is replaced by a fresh one). Opened without following links and
 * checked on the open handle, so the file cannot be swapped between the check and the read.
 */
export function readCacheFile(file: string): { data?: Buffer; refused?: string; unsealed?: string } {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch {
    return {};
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { refused: `${file} is not a regular file` };
    const refused = untrustedBecause(stats, file);
    if (refused) return { refused };
    const seal = readSeal(file);
    if (seal !== sealOf(fstatSync(fd, { bigint: true }))) return { unsealed: 'the cache file was not written here by this program (its seal does not match)' };
    return { data: readFileSync(fd) };
  } catch {
    return {};
  } finally {
    closeSync(fd);
  }
}

/** After the cache file was written (and renamed into place): record its inode, size and change time beside it. */
export function sealCacheFile(file: string): void {
  const stats = statSync(file, { bigint: true });
  const temp = join(dirname(file), `.${basename(file)}.seal.${process.pid}.tmp`);
  writeFileSync(temp, sealOf(stats), { mode: 0o600, flag: 'w' });
  renameSync(temp, `${file}.seal`);
}

function sealOf(stats: BigIntStats): string {
  return `mendix-email code cache seal 1\n${stats.dev}:${stats.ino}:${stats.size}:${stats.ctimeNs}\n`;
}

function readSeal(file: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(`${file}.seal`, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size > 4096 || untrustedBecause(stats, file)) return undefined;
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}
