// A small LSP client for tests and benchmarks: spawns the bundled server
// (`node dist/server.js --stdio`) and drives it over a real JSON-RPC connection on the
// child's stdio. It answers what the server asks (workspace/configuration,
// client/registerCapability), records what the server sends (diagnostics, log messages),
// and lets a test wait for an event with a bounded deadline instead of sleeping.
//
//   const client = await LspClient.start({ root: folder, settings: { defaultTarget: 'docker' } });
//   const published = await client.open(join(folder, 'm2ee.yaml'), text);
//   await client.change(published.uri, [{ range, text: '587' }]);
//   await client.stop();
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type InitializeResult,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
  type FileEvent,
  type Registration,
  type ClientCapabilities,
} from 'vscode-languageserver-protocol/node';

export const ROOT = join(__dirname, '..', '..');
/** The bundled server; MENDIX_EMAIL_SERVER_JS points the tests at another build. */
export const SERVER_JS = process.env.MENDIX_EMAIL_SERVER_JS ?? join(ROOT, 'dist', 'server.js');

export interface LspClientOptions {
  /** workspace folder (absolute path); none: no workspace */
  root?: string;
  /**
   * the `mendixEmail` settings section the client answers workspace/configuration with; per URI with a function.
   * `online` is false unless a test sets it (tests never ask DNS outside 127.0.0.1; the DNS tests set
   * `online: true` with `dns.servers` pointing at their local server).
   */
  settings?: Record<string, unknown> | ((scopeUri: string | undefined) => Record<string, unknown> | null);
  initializationOptions?: Record<string, unknown>;
  /** replaces the default client capabilities (which announce configuration, watched files, versioned diagnostics) */
  capabilities?: ClientCapabilities;
  /** the command to run; default `node dist/server.js --stdio` */
  command?: { file: string; args: string[] };
  /** default 10 s: how long any wait may take */
  timeoutMs?: number;
  /** added to the server's environment */
  env?: Record<string, string>;
}

/** Settings sent in initializationOptions (for editors without workspace/configuration) default to offline too. */
function withOfflineDefault(options: Record<string, unknown>): Record<string, unknown> {
  const settings = (options.settings ?? {}) as Record<string, unknown>;
  return { ...options, settings: { online: false, ...settings } };
}

interface Waiter {
  uri: string;
  accept: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
}

export class LspClient {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcess;
  initializeResult: InitializeResult | undefined;
  /** the latest diagnostics per URI */
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** every publish in order (for counting re-checks) */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  readonly registrations: Registration[] = [];
  configurationRequests = 0;
  stderr = '';
  exitCode: number | null | undefined;
  settings: LspClientOptions['settings'];
  private readonly versions = new Map<string, number>();
  private waiters: Waiter[] = [];
  private readonly exited: Promise<number | null>;
  readonly timeoutMs: number;

  private constructor(readonly options: LspClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.settings = options.settings;
    const command = options.command ?? { file: process.execPath, args: [SERVER_JS, '--stdio'] };
    this.child = spawn(command.file, command.args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    this.child.stderr!.on('data', (chunk) => (this.stderr += String(chunk)));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve((this.exitCode = code))));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      this.published.push(p);
      const ready = this.waiters.filter((w) => w.uri === p.uri && w.accept(p));
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      for (const w of ready) w.resolve(p);
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    this.connection.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) => {
      this.configurationRequests++;
      return p.items.map((item) => (item.section === 'mendixEmail' ? this.settingsFor(item.scopeUri) : null));
    });
    this.connection.onRequest('client/registerCapability', (p: { registrations: Registration[] }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onError(() => undefined);
    this.connection.listen();
  }

  static async start(options: LspClientOptions = {}): Promise<LspClient> {
    const client = new LspClient(options);
    await client.initialize();
    return client;
  }

  private settingsFor(scopeUri: string | undefined): Record<string, unknown> | null {
    const s = this.settings;
    const given = typeof s === 'function' ? s(scopeUri) : s;
    return { online: false, ...(given ?? {}) };
  }

  async initialize(): Promise<InitializeResult> {
    const root = this.options.root;
    const rootUri = root ? pathToFileURL(root).href : null;
    const capabilities: ClientCapabilities = this.options.capabilities ?? {
      workspace: {
        configuration: true,
        workspaceFolders: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
      },
      textDocument: {
        synchronization: { didSave: true, dynamicRegistration: false },
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, relatedInformation: false },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
      },
    };
    this.initializeResult = await this.within(
      this.connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri,
        workspaceFolders: root ? [{ uri: rootUri!, name: 'test' }] : null,
        capabilities,
        initializationOptions: withOfflineDefault(this.options.initializationOptions ?? { trusted: true }),
      }) as Promise<InitializeResult>,
      'initialize',
    );
    await this.connection.sendNotification('initialized', {});
    return this.initializeResult;
  }

  uriOf(pathOrUri: string): string {
    return /^[a-z][a-z0-9+.-]*:/i.test(pathOrUri) && !/^[a-z]:[\\/]/i.test(pathOrUri) ? pathOrUri : pathToFileURL(pathOrUri).href;
  }

  /** Waits for a publish for `uri` that `accept` likes (default: any); rejects after the deadline. */
  waitForDiagnostics(pathOrUri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, what = 'diagnostics'): Promise<PublishDiagnosticsParams> {
    const uri = this.uriOf(pathOrUri);
    return this.within(new Promise((resolve) => this.waiters.push({ uri, accept, resolve })), `${what} for ${uri}`);
  }

  /** Opens a document; resolves with the diagnostics published for this version. */
  async open(pathOrUri: string, text: string, languageId = 'yaml'): Promise<PublishDiagnosticsParams> {
    const uri = this.uriOf(pathOrUri);
    this.versions.set(uri, 1);
    const published = this.waitForDiagnostics(uri, (p) => p.version === undefined || p.version === null || p.version >= 1, 'didOpen diagnostics');
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return published;
  }

  /** Sends one didChange (incremental changes, or `{text}` for the whole document); resolves with the fresh diagnostics. */
  async change(pathOrUri: string, changes: TextDocumentContentChangeEvent[]): Promise<PublishDiagnosticsParams> {
    const uri = this.uriOf(pathOrUri);
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const published = this.waitForDiagnostics(uri, (p) => p.version === undefined || p.version === null || p.version >= version, 'didChange diagnostics');
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return published;
  }

  async save(pathOrUri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didSave', { textDocument: { uri: this.uriOf(pathOrUri) } });
  }

  /** Closes a document; resolves when its diagnostics are cleared. */
  async close(pathOrUri: string): Promise<void> {
    const uri = this.uriOf(pathOrUri);
    const cleared = this.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, 'cleared diagnostics');
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await cleared;
  }

  async changeConfiguration(settings: LspClientOptions['settings'], sent: unknown = null): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: sent });
  }

  async changeWatchedFiles(changes: { path: string; type: 1 | 2 | 3 }[]): Promise<void> {
    const events: FileEvent[] = changes.map((c) => ({ uri: this.uriOf(c.path), type: c.type }));
    await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: events });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.within(this.connection.sendRequest(method, params) as Promise<R>, method);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** Waits until `condition` holds, checking after each message the server sends and on a short poll. */
  async until(condition: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + this.timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** shutdown + exit; resolves with the process's exit code. Kills the process if it does not exit in time. */
  async stop(): Promise<number | null> {
    if (this.exitCode === undefined) {
      try {
        await this.within(this.connection.sendRequest('shutdown') as Promise<unknown>, 'shutdown');
        await this.connection.sendNotification('exit');
      } catch {
        // the server is gone or stuck: the kill below ends it
      }
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), this.timeoutMs);
    const code = await this.exited;
    clearTimeout(timer);
    this.connection.dispose();
    return code;
  }

  private within<T>(promise: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${this.timeoutMs} ms waiting for ${what}${this.stderr ? `\nserver stderr:\n${this.stderr}` : ''}`)), this.timeoutMs);
    });
    // a server that dies fails the wait at once, with its stderr, instead of at the deadline
    const died = this.exited.then((code) => {
      throw new Error(`the server exited (code ${code}) while waiting for ${what}${this.stderr ? `\nserver stderr:\n${this.stderr}` : ''}`);
    });
    died.catch(() => undefined);
    return Promise.race([promise, timeout, died]).finally(() => clearTimeout(timer));
  }
}
