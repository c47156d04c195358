// Diagnostics are pushed (textDocument/publishDiagnostics), not pulled. Why: push works in
// every editor that speaks LSP over --stdio (Neovim, Helix, Zed…; not all of them pull),
// and the server decides when a re-check is due — after an edit, but also when a
// .mendix-email.json, a referenced .env file, the settings or the workspace trust change,
// and (later) when DNS answers arrive after the offline findings were shown.
// The "debounce" is adaptive: a check that is fast runs on the next turn of the event loop
// (edits that arrive together are checked once, at their latest version); a document whose
// last re-check after an edit was slow waits about as long as that took, so typing in a huge file
// does not queue one check per keystroke.
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core/types';
import type { SettingsStore } from './clientSettings';
import { runCheck, type CheckEnvironment, type DocumentCheck } from './runCheck';
import { DIAGNOSTIC_SOURCE, toDiagnostic, type RuleDocs } from './toDiagnostic';
import type { DocumentLog } from './documentLog';
import { configProblemDiagnostics, type ConfigProblems } from './configProblems';

/**
 * Full check results (scopes, assignments, ranges: ~100 KB for a 200-line file) are kept for
 * this many recently checked documents; older ones keep only what they published, and are
 * checked again when a request needs their result. 1,000 open files stay well under 150 MB.
 */
const KEEP_RESULTS = 50;

/** A check faster than this is re-run on the next turn; a slower one sets the wait before the next. */
const FAST_CHECK_MS = 50;
const MAX_WAIT_MS = 300;

/**
 * Network checks (DNS) plug in here: called after the offline findings were published, only
 * when online checks are allowed for the document. It answers with the document's findings,
 * offline and DNS merged under the policy (lsp/onlineChecks.ts), published if the document has
 * not changed meanwhile; undefined: the DNS rules found nothing, what was published stands.
 */
export type OnlineCheck = (check: DocumentCheck, signal: AbortSignal) => Promise<Finding[] | undefined>;

interface Pending {
  force: boolean;
}

export class DiagnosticsService {
  private readonly last = new Map<string, DocumentCheck>();
  /** documents whose full result is kept, least recently checked first */
  private readonly recent = new Set<string>();
  private readonly pending = new Map<string, Pending>();
  private readonly timers = new Map<string, () => void>();
  private readonly running = new Set<string>();
  private readonly online = new Map<string, AbortController>();
  /** how long the last check after an edit took, per document */
  private readonly editCheckMs = new Map<string, number>();
  /** documents whose next check follows an edit */
  private readonly edited = new Set<string>();
  private onlineCheck: OnlineCheck | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly env: CheckEnvironment,
    private readonly ruleDocs: RuleDocs,
    private readonly log: DocumentLog,
    private readonly configProblems: ConfigProblems,
    /** whether network checks may run for a check (trust, settings, project config) */
    private readonly onlineAllowed: (check: DocumentCheck) => boolean,
  ) {}

  setOnlineCheck(check: OnlineCheck | undefined): void {
    this.onlineCheck = check;
  }

  /** The latest finished check of an open document, if its result is still kept (else use checkNow). */
  lastCheck(uri: string): DocumentCheck | undefined {
    const last = this.last.get(uri);
    return last?.released ? undefined : last;
  }

  /** Checks now (or returns the check of the current version): for requests that need an answer. */
  async checkNow(uri: string): Promise<DocumentCheck | undefined> {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const last = this.last.get(uri);
    if (last && !last.released && last.version === document.version && !this.pending.get(uri)?.force) return last;
    await this.checkAndPublish(uri, true);
    return this.last.get(uri);
  }

  /** `afterEdit`: the document changed (may wait if its checks are slow); `force`: re-check even if the version is the same. */
  schedule(uri: string, { force = false, afterEdit = false } = {}): void {
    const entry = this.pending.get(uri) ?? { force: false };
    entry.force ||= force;
    // the change event that comes with opening a document is not an edit (nothing checked yet)
    if (afterEdit && this.last.has(uri)) this.edited.add(uri);
    this.pending.set(uri, entry);
    if (this.running.has(uri)) return; // runs again when the current check ends
    this.timers.get(uri)?.();
    // the wait follows how long re-checks after edits take (a one-line edit of a big file is
    // re-read cheaply), not how long the first full read took: typing after opening gets
    // its diagnostics at once, and only a file whose edits are slow to check waits
    const wait = afterEdit ? Math.min(MAX_WAIT_MS, this.editCheckMs.get(uri) ?? 0) : 0;
    if (wait < FAST_CHECK_MS) {
      const handle = setImmediate(() => void this.run(uri));
      this.timers.set(uri, () => clearImmediate(handle));
    } else {
      const handle = setTimeout(() => void this.run(uri), wait);
      this.timers.set(uri, () => clearTimeout(handle));
    }
  }

  /** Re-check every open document (settings, trust or a config file changed). */
  scheduleAll(): void {
    for (const document of this.documents.all()) this.schedule(document.uri, { force: true });
  }

  /** Re-check the open documents that read `path` (a compose file's env_file). */
  scheduleReaders(path: string): void {
    for (const check of this.last.values()) {
      if (check.referencedFiles.includes(path)) this.schedule(check.uri, { force: true });
    }
  }

  closed(uri: string): void {
    this.timers.get(uri)?.();
    this.timers.delete(uri);
    this.pending.delete(uri);
    this.edited.delete(uri);
    this.editCheckMs.delete(uri);
    this.online.get(uri)?.abort();
    this.online.delete(uri);
    const last = this.last.get(uri);
    this.last.delete(uri);
    this.recent.delete(uri);
    this.log.forget(uri);
    this.settings.forget(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    // a closed .mendix-email.json goes back to showing its saved problems (or none)
    if (last?.configFileProblems) this.configProblems.documentClosed(last.path);
  }

  private async run(uri: string): Promise<void> {
    this.timers.delete(uri);
    const entry = this.pending.get(uri);
    if (!entry) return;
    this.pending.delete(uri);
    this.running.add(uri);
    const afterEdit = this.edited.delete(uri);
    try {
      await this.checkAndPublish(uri, entry.force);
      const ms = this.last.get(uri)?.ms;
      if (afterEdit && ms !== undefined) this.editCheckMs.set(uri, ms);
    } finally {
      this.running.delete(uri);
      if (this.pending.has(uri)) this.schedule(uri);
    }
  }

  private async checkAndPublish(uri: string, force: boolean): Promise<void> {
    const settings = await this.settings.for(uri);
    const document = this.documents.get(uri); // the latest version, after the wait for settings
    if (!document) return;
    const last = this.last.get(uri);
    if (!force && last && !last.released && last.version === document.version) return;

    let check: DocumentCheck;
    let diagnostics: Diagnostic[];
    try {
      check = runCheck(document, settings, this.env);
      diagnostics = this.diagnosticsOf(check, []);
    } catch (error) {
      // a bug in a reader or rule must not take the server down, nor hide that the file was not checked
      this.connection.console.error(`Checking ${uri} failed: ${describeError(error)}`);
      check = { uri, version: document.version, path: '', settings, result: undefined, referencedFiles: [], ms: 0 };
      diagnostics = [internalErrorDiagnostic()];
    }
    this.remember(check);
    this.log.checked(check);
    if (check.projectConfig) this.configProblems.loaded(check.projectConfig);
    if (check.configFileProblems) this.configProblems.documentChecked(check.path);
    void this.connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    this.startOnlineCheck(check);
    // The document's line table is built on its first edit (applying the change needs it):
    // for 2,000 lines that is a few ms of the first keystroke. Build it now, once the
    // diagnostics are out and nothing else is waiting (a change that comes first builds it).
    setImmediate(() => this.documents.get(uri)?.positionAt(0));
  }

  private diagnosticsOf(check: DocumentCheck, extra: Finding[]): Diagnostic[] {
    if (check.configFileProblems) return configProblemDiagnostics(check.configFileProblems);
    const findings = [...(check.result?.findings ?? []), ...extra];
    return findings.map((f) => toDiagnostic(f, this.ruleDocs));
  }

  /** Keeps the check; drops the result of the least recently checked beyond KEEP_RESULTS. */
  private remember(check: DocumentCheck): void {
    this.last.set(check.uri, check);
    this.recent.delete(check.uri);
    this.recent.add(check.uri);
    while (this.recent.size > KEEP_RESULTS) {
      const oldest = this.recent.values().next().value as string;
      this.recent.delete(oldest);
      const old = this.last.get(oldest);
      // the same object stays (an online check in flight compares identity); only its result goes
      if (old?.result) {
        old.result = undefined;
        old.released = true;
      }
    }
  }

  private startOnlineCheck(check: DocumentCheck): void {
    this.online.get(check.uri)?.abort();
    this.online.delete(check.uri);
    if (!this.onlineCheck || !check.result || !this.onlineAllowed(check)) return;
    const controller = new AbortController();
    this.online.set(check.uri, controller);
    this.onlineCheck(check, controller.signal).then(
      (findings) => {
        if (controller.signal.aborted || this.last.get(check.uri) !== check || !findings) return;
        void this.connection.sendDiagnostics({ uri: check.uri, version: check.version, diagnostics: findings.map((f) => toDiagnostic(f, this.ruleDocs)) });
      },
      (error) => this.connection.console.warn(`Online checks of ${check.uri} failed: ${describeError(error)}`),
    );
  }
}

function internalErrorDiagnostic(): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    code: 'internal-error',
    message: 'Mendix Email could not check this file because of an internal error; the output channel "Mendix Email" has the details.',
  };
}

/** The error's kind and where it happened, never its message: messages can quote file content (a password). */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 8);
  return [error.name, ...frames].join('\n');
}
