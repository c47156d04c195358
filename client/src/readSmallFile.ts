// The client's doorway to the one reader (server/src/services/readFile.ts, run here as it is in
// the server): a file named by a workspace (a config, an env_file holding the password) is read
// only when it is a regular file under the cap, judged on the opened descriptor, so a FIFO or
// /dev/zero cannot hang or fill the extension host; its bytes are decoded by their byte order
// mark as the server decodes them, so the server's ranges point at the same characters here.
// (The extension runs where the workspace's files are: extensionKind workspace, no virtual workspaces.)
import { readRegularFile, type FileRead } from '../../server/src/services/readFile';

/** A file's text, and the encoding it was decoded from (to write it back in). */
export type SmallFile = Extract<FileRead, { text: string }>;

/** Why a file was not read, in words (`<path> was not read: it is a named pipe (FIFO), not a regular file`). */
export class FileNotRead extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
    /** the file does not exist (a caller may start a new one) */
    readonly missing: boolean,
  ) {
    super(`${path} was not read: ${reason}`);
    this.name = 'FileNotRead';
  }
}

/** The text of a regular file of at most `maxBytes`; throws FileNotRead saying why not. */
export function readSmallFile(path: string, maxBytes: number): SmallFile {
  const read = readRegularFile(path, { maxBytes });
  if ('notRead' in read) throw new FileNotRead(path, read.notRead, read.missing === true);
  return read;
}
