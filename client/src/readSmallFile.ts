// The client's side of the one reader (server/src/services/readFile.ts): a file named by a
// workspace (a config, an env_file holding the password) is read only when it is a regular
// file under the cap, so a FIFO or /dev/zero cannot hang or fill the extension host.
import * as vscode from 'vscode';

/** The text of a regular file of at most `maxBytes`; throws FileSystemError.FileNotFound when missing, an Error saying why otherwise. */
export async function readSmallFile(uri: vscode.Uri, maxBytes: number): Promise<string> {
  const stat = await vscode.workspace.fs.stat(uri);
  // a symbolic link to a file is File | SymbolicLink; a FIFO or device is Unknown
  if ((stat.type & vscode.FileType.File) === 0) throw new Error(`${uri.fsPath} is not a regular file`);
  if (stat.size > maxBytes) throw new Error(`${uri.fsPath} is over ${Math.round(maxBytes / 1024 / 1024)} MB`);
  const bytes = await vscode.workspace.fs.readFile(uri);
  if (bytes.length > maxBytes) throw new Error(`${uri.fsPath} is over ${Math.round(maxBytes / 1024 / 1024)} MB`);
  return new TextDecoder().decode(bytes);
}
