// Watches the files the checks read besides the document, whatever their name: compose takes
// `env_file: config/mail.vars` as well as `mail.env`. The static watchers (startServer.ts) cover
// the usual .env names; for any other file a watcher is registered (client/registerCapability
// for workspace/didChangeWatchedFiles) the first time a check reads it, and the change event
// reaches DiagnosticsService.scheduleReaders like any other.
// Why not one `**/*` watcher filtered here: the editor would then send every change in the
// workspace (build output, node_modules, a git checkout) over the connection, to be thrown away.
// A watcher per referenced file costs one registration when it is first read; the editor
// matches it against the file events it has anyway. Watchers are never taken back: a session
// meets a handful of referenced files, and a stale one only sends an event nobody reads.
import { basename, dirname } from 'node:path';
import { uriOfPath } from './documentUris';
import { FILE_KINDS } from '../core/fileKinds';
import { compileGlob } from '../config/globMatch';
import { DidChangeWatchedFilesNotification, type Connection, type FileSystemWatcher } from 'vscode-languageserver/node';

// the files the static .env watcher (startServer.ts: the dotenv kind's globs) already covers
const USUAL_ENV_FILE = FILE_KINDS.dotenv.editorGlobs.map((glob) => compileGlob(glob).match!);

/**
 * A file name as a glob that matches it: glob characters become `?` (any one character), so
 * `mail[1].vars` matches itself and perhaps a sibling, which scheduleReaders then ignores
 * (it compares exact paths).
 */
function globOfName(name: string): string {
  return name.replace(/[*?[\]{}\\!]/g, '?');
}

export interface ReferencedFileWatchersOptions {
  /** the client takes `{ baseUri, pattern }` watchers (LSP 3.17 relativePatternSupport): exact, also outside the workspace */
  relativePatterns: boolean;
  /** whether a path lies in a workspace folder (where the static watchers look) */
  insideWorkspace(path: string): boolean;
}

export class ReferencedFileWatchers {
  /** the patterns registered so far (or waiting to be) */
  private readonly known = new Set<string>();
  private pending: FileSystemWatcher[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly options: ReferencedFileWatchersOptions,
  ) {}

  /** A check read `path`: watch it from now on. */
  read(path: string): void {
    const name = basename(path);
    const relative = this.options.relativePatterns;
    if (USUAL_ENV_FILE.some((match) => match(path.replace(/\\/g, '/'))) && (!relative || this.options.insideWorkspace(path))) return;
    // without relative patterns: every file of that name in the workspace (one watcher for all
    // `mail.vars` files), the server keeps only the events of paths a check read
    const watcher: FileSystemWatcher = relative
      ? { globPattern: { baseUri: uriOfPath(dirname(path)), pattern: globOfName(name) } }
      : { globPattern: `**/${globOfName(name)}` };
    const key = JSON.stringify(watcher.globPattern);
    if (this.known.has(key)) return;
    this.known.add(key);
    // the paths one check reads go out in one registration, after the check
    if (this.pending.length === 0) setImmediate(() => this.flush());
    this.pending.push(watcher);
  }

  private flush(): void {
    const watchers = this.pending;
    this.pending = [];
    void this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => {
      // the client refused: those files are re-read on the document's next check only; let a later read try again
      for (const w of watchers) this.known.delete(JSON.stringify(w.globPattern));
    });
  }
}
