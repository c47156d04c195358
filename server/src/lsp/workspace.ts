// Where a document lives: its file system path (the name decides the reader) and the
// workspace folder it belongs to (the project config search stops there).
import { basename, relative, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkspaceFolder } from 'vscode-languageserver/node';

/** The path of a document: its file path for `file:` URIs; a `mendix-cloud:` URI as it is; for others (untitled:, vscode-remote:) a made-up path with the same name. */
export function pathOfUri(uri: string): string {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      // fall through: a malformed file URI still has a name
    }
  }
  // a Mendix Cloud environment's document (cloud/uri.ts): its URI is its name, and says how to read it
  if (uri.toLowerCase().startsWith('mendix-cloud:')) return uri;
  let name = uri;
  try {
    name = decodeURIComponent(new URL(uri).pathname);
  } catch {
    // keep the raw text
  }
  return resolve('/', '__not-a-file__', basename(name) || 'untitled');
}

export class WorkspaceFolders {
  private folders: string[] = [];

  set(folders: readonly WorkspaceFolder[] | null | undefined, rootUri?: string | null, rootPath?: string | null): void {
    const uris = folders?.length ? folders.map((f) => f.uri) : rootUri ? [rootUri] : [];
    const paths = uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    if (paths.length === 0 && rootPath) paths.push(rootPath);
    this.folders = paths.map((p) => resolve(p));
  }

  add(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    const gone = new Set(removed.filter((f) => f.uri.startsWith('file:')).map((f) => resolve(fileURLToPath(f.uri))));
    this.folders = this.folders.filter((f) => !gone.has(f));
    for (const f of added) if (f.uri.startsWith('file:')) this.folders.push(resolve(fileURLToPath(f.uri)));
  }

  /** Every workspace folder (absolute paths). */
  all(): readonly string[] {
    return this.folders;
  }

  /** The innermost workspace folder holding `path`, if any. */
  rootOf(path: string): string | undefined {
    let best: string | undefined;
    for (const folder of this.folders) {
      const rel = relative(folder, path);
      const inside = rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
      if (inside && (!best || folder.length > best.length)) best = folder;
    }
    return best;
  }
}
