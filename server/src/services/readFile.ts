// The one reader for every file opened by reference (docs/security.md, "What is read"): env
// files, project config files, declarations, .gitignore layers, certificates, the CLI's input
// files. A path written in a workspace file can name anything: /dev/zero, a FIFO, a 2 GB
// sparse file, ../../etc/passwd. So: regular files only (judged on the opened descriptor, opened
// non-blocking so a FIFO cannot hang the open), a size cap before reading, and in Restricted
// Mode only files whose real path lies inside a workspace folder. Refusals say why, in words.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { decodeText, encodingOf, type TextEncodingName } from '../core/decodeText';

/** Caps per kind of file, checked before a byte is read. */
export const MAX_BYTES = {
  /** files we check, .mendix-email.json, metadata.json / Constants.java (a large app's metadata.json runs to a few MB) */
  settingsFile: 10 * 1024 * 1024,
  /** a compose file's env_file */
  envFile: 2 * 1024 * 1024,
  /** a .gitignore or .git/info/exclude */
  gitignore: 1024 * 1024,
  /** a PEM certificate (--ca, mendixEmail.smtp.trustedCertificates) */
  certificate: 1024 * 1024,
} as const;

export interface ReadLimits {
  maxBytes: number;
  /** Restricted Mode: the workspace folders; a file whose real path is outside all of them is not read */
  within?: readonly string[];
}

export type FileRead =
  | {
      text: string;
      /** what the bytes were decoded from (core/decodeText.ts): a file written back keeps it */
      encoding: TextEncodingName;
    }
  | {
      /** why the file was not read, as the end of "… was not read: <reason>" */
      notRead: string;
      /** the file does not exist (callers that skip missing files stay quiet) */
      missing?: boolean;
    };

export const OUTSIDE_WORKSPACE = 'it is outside the workspace folders and the workspace is not trusted (Restricted Mode)';

/** The file's text (core/decodeText.ts: by its byte order mark, else UTF-8), or why it was not read; never throws, never blocks on a FIFO, never reads past the cap. */
export function readRegularFile(path: string, limits: ReadLimits): FileRead {
  let real: string | undefined;
  if (limits.within) {
    try {
      real = realpathSync(path);
    } catch (error) {
      return failure(error);
    }
    if (!insideFolders(real, limits.within)) return { notRead: OUTSIDE_WORKSPACE };
  }
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return failure(error);
  }
  try {
    const stats = fstatSync(fd);
    const kind = notRegular(stats);
    if (kind) return { notRead: `it is ${kind}, not a regular file` };
    // the file opened is the one whose real path was judged (not a symlink swapped in meanwhile)
    if (real !== undefined && !sameFile(stats, real)) return { notRead: OUTSIDE_WORKSPACE };
    if (stats.size > limits.maxBytes) return { notRead: `it is ${describeSize(stats.size)}, over the ${describeSize(limits.maxBytes)} limit` };
    const bytes = readUpTo(fd, limits.maxBytes);
    if (bytes === undefined) return { notRead: `it grew past the ${describeSize(limits.maxBytes)} limit while being read` };
    // the byte order mark names the encoding (UTF-16 files were "not a text file" read as UTF-8) and is dropped
    return { text: decodeText(bytes), encoding: encodingOf(bytes) };
  } catch (error) {
    return failure(error);
  } finally {
    closeSync(fd);
  }
}

/** The text, or undefined for any refusal (callers that have nothing to say about one). */
export function readTextOrUndefined(path: string, limits: ReadLimits): string | undefined {
  const read = readRegularFile(path, limits);
  return 'text' in read ? read.text : undefined;
}

/** Whether `path` (absolute) lies inside one of `folders`, comparing real paths (a symlink out of the workspace is outside). */
export function isInsideWorkspace(path: string, folders: readonly string[]): boolean {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    // a file that does not exist yet: judge the path as written
    real = path;
  }
  return insideFolders(real, folders);
}

function insideFolders(real: string, folders: readonly string[]): boolean {
  return folders.some((folder) => {
    let root = folder;
    try {
      root = realpathSync(folder);
    } catch {
      // a folder that is gone holds nothing
      return false;
    }
    const rel = relative(root, real);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  });
}

function readUpTo(fd: number, maxBytes: number): Buffer | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, maxBytes + 1 - total));
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    total += n;
    if (total > maxBytes) return undefined;
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
  }
  return Buffer.concat(chunks, total);
}

function notRegular(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}

function sameFile(opened: Stats, realPath: string): boolean {
  try {
    const now = statSync(realPath);
    return now.dev === opened.dev && now.ino === opened.ino;
  } catch {
    return false;
  }
}

function failure(error: unknown): FileRead {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { notRead: 'it does not exist', missing: true };
    case 'EACCES':
    case 'EPERM':
      return { notRead: 'permission denied' };
    case 'EISDIR':
      return { notRead: 'it is a folder, not a regular file' };
    case 'ELOOP':
      return { notRead: 'its symbolic links loop' };
    case 'EAGAIN':
      return { notRead: 'it is not a regular file (reading it would block)' };
    default:
      return { notRead: `it could not be read (${code ?? (error as Error).message})` };
  }
}

export function describeSize(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** A file to check (a CLI input, a test send's settings file): its text (decoded, the BOM dropped), or why it was not read. */
export function readSettingsText(path: string, within?: readonly string[]): string | { error: string } {
  const read = readRegularFile(path, { maxBytes: MAX_BYTES.settingsFile, within });
  if ('notRead' in read) return { error: read.missing ? 'no such file or folder' : `not read: ${read.notRead}` };
  return read.text;
}

/** An env_file (or other referenced file) for CheckOptions.readReferencedFile: undefined when missing, else the text or why not. */
export function readReferenced(path: string, within?: readonly string[]): string | { notRead: string } | undefined {
  const read = readRegularFile(path, { maxBytes: MAX_BYTES.envFile, within });
  if ('text' in read) return read.text;
  return read.missing ? undefined : { notRead: read.notRead };
}

/** A PEM certificate file (--ca, mendixEmail.smtp.trustedCertificates), capped at MAX_BYTES.certificate. */
export function readCertificate(path: string): FileRead {
  return readRegularFile(path, { maxBytes: MAX_BYTES.certificate });
}
