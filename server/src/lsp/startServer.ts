// Wires one LSP connection to the Mendix Email checks: open documents (incremental sync),
// per-resource settings, pushed diagnostics, quick fixes, `.mendix-email.json` changes,
// workspace trust and the `mendixEmail/fileInfo` request. Each part lives in its own file.
import { basename, dirname } from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  WatchKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeCacheOutcome, describeCodeCache } from '../boot/markers';
import { PROJECT_CONFIG_FILE, ProjectConfigCache } from '../config/projectConfig';
import { FILE_KINDS } from '../core/fileKinds';
import { ParseCache } from '../core/parseCache';
import { SettingsStore } from './clientSettings';
import { codeActionsFor, FIX_ALL_KIND, type EditSupport } from './codeActions';
import { ConfigProblems } from './configProblems';
import { OpenProjectConfigs } from './openProjectConfig';
import { disableForFileActions } from './disableForFileAction';
import { DiagnosticsService } from './diagnostics';
import { DocumentLog } from './documentLog';
import { fileInfoOf, type OnlineInfo } from './fileInfo';
import {
  DidChangeTrustNotification,
  FileInfoRequest,
  type DidChangeTrustParams,
  type FileInfo,
  type FileInfoParams,
  type InitializationOptions,
} from '../../../protocol/messages';
import { isProjectConfigPath, warmUp, type DocumentCheck } from './runCheck';
import { RuleDocs } from './toDiagnostic';
import { escapeControls } from '../core/visibleText';
import { declarationsProvider, editorCapabilities, extraCodeActions, gitTrackingProvider, registerEditorFeatures } from './editorFeatures';
import { ReferencedFileWatchers } from './referencedFileWatchers';
import { pathOfUri, WorkspaceFolders } from './workspace';
import { isAppMarker } from '../services/appRoots';
import { registerMailSettingsRequest } from './mailSettingsRequest';
import { OpenDocuments } from './documentUris';
import { registerCloudRequests } from './cloudEnvironments';
import { onlineChecks } from './lazy';

export const SERVER_NAME = 'mendix-email';

function isGitIndex(path: string): boolean {
  return basename(path) === 'index' && basename(dirname(path)) === '.git';
}

export interface ServerHandle {
  diagnostics: DiagnosticsService;
  documents: TextDocuments<TextDocument>;
  /** whether the workspace is trusted (network checks only then) */
  readonly trusted: boolean;
}

/** Log lines name paths and errors that may hold control characters: the output channel gets them escaped. */
function escapeLogLines(connection: Connection): void {
  const console = connection.console as unknown as Record<string, unknown>;
  for (const level of ['error', 'warn', 'info', 'log', 'debug']) {
    const write = console[level];
    if (typeof write === 'function') console[level] = (message: string) => write.call(connection.console, escapeControls(message));
  }
}

export function startServer(connection: Connection): ServerHandle {
  escapeLogLines(connection);
  const documents = new TextDocuments(TextDocument);
  // looked up by path (env_files, the project config): found whatever spelling the editor's URI has
  const openDocuments = new OpenDocuments(documents);
  const folders = new WorkspaceFolders();
  const settings = new SettingsStore(connection);
  const log = new DocumentLog(connection);
  // what this session remembers between checks; another session (another window) has its own
  const projectConfigs = new ProjectConfigCache();
  const configProblems = new ConfigProblems(connection, projectConfigs);
  let trusted = true;
  const ruleDocs = new RuleDocs();
  let canWatchFiles = false;
  let canRegisterConfiguration = false;

  // set once the client may be asked to register watchers (initialized)
  let referencedWatchers: ReferencedFileWatchers | undefined;
  let relativePatterns = false;
  // Restricted Mode reads nothing outside the workspace folders (services/readFile.ts)
  const readableFolders = (): readonly string[] | undefined => (trusted ? undefined : folders.all());
  const env = {
    folders,
    parses: new ParseCache(),
    projectConfigs,
    openConfigs: new OpenProjectConfigs(),
    readableFolders,
    openText: (path: string) => openDocuments.byPath(path)?.getText(),
    declarations: declarationsProvider(folders, () => diagnostics.scheduleAll(), readableFolders),
    isTrackedByGit: gitTrackingProvider({
      mayRunGit: () => trusted,
      readableFolders,
      changed: () => diagnostics.scheduleAll(),
      failed: (repository, reason) => connection.console.warn(`git tracking in ${repository}: ${reason}; ignored files with a password count as "may be committed".`),
    }),
    // from the first read on, a change of that file on disk re-checks the document
    referencedFileRead: (path: string) => referencedWatchers?.read(path),
  };
  const onlineAllowed = (check: DocumentCheck) => trusted && check.settings.online && check.projectConfig?.config.online !== false;
  let couldNotCheckFor: (uri: string) => { name: string; type: string; reason: string }[] = () => [];
  const onlineInfo = (check: DocumentCheck | undefined): OnlineInfo => {
    if (!check) return {};
    if (!trusted) return { online: 'untrusted' };
    if (!onlineAllowed(check)) return { online: 'off' };
    const unchecked = couldNotCheckFor(check.uri);
    return unchecked.length ? { online: 'on', couldNotCheck: unchecked } : { online: 'on' };
  };
  let editSupport: EditSupport = { documentChanges: false, createFiles: false };
  const diagnostics = new DiagnosticsService(connection, documents, settings, env, ruleDocs, log, configProblems, onlineAllowed);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    trusted = options.trusted !== false;
    if (typeof options.ruleDocsBase === 'string') ruleDocs.useBase(options.ruleDocsBase);
    folders.set(params.workspaceFolders, params.rootUri, params.rootPath);
    const workspace = params.capabilities.workspace;
    settings.start(workspace?.configuration === true, options.settings);
    canWatchFiles = workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    relativePatterns = workspace?.didChangeWatchedFiles?.relativePatternSupport === true;
    canRegisterConfiguration = workspace?.didChangeConfiguration?.dynamicRegistration === true;
    editSupport = {
      documentChanges: workspace?.workspaceEdit?.documentChanges === true,
      createFiles: workspace?.workspaceEdit?.resourceOperations?.includes('create') === true,
    };
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...editorCapabilities,
      },
      serverInfo: { name: SERVER_NAME },
    };
  });

  connection.onInitialized(() => {
    if (canRegisterConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'mendixEmail' });
    if (canWatchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        // the config file; .env files because compose files read them (env_file; an env_file of
        // another name gets its own watcher when a check reads it); the files that make an app
        // and declare its constants (services/appRoots.ts)
        watchers: [
          { globPattern: `**/${PROJECT_CONFIG_FILE}` },
          ...FILE_KINDS.dotenv.editorGlobs.map((globPattern) => ({ globPattern })),
          ...FILE_KINDS['metadata-json'].editorGlobs.map((globPattern) => ({ globPattern })),
          // whether git would commit a file with a password (password-in-plain-text)
          { globPattern: '**/.gitignore' },
          { globPattern: '**/.git/index' },
          ...FILE_KINDS['constants-java'].editorGlobs.map((globPattern) => ({ globPattern })),
          // created or deleted only: Studio Pro writes the project file on every save
          { globPattern: '**/*.mpr', kind: WatchKind.Create | WatchKind.Delete },
        ],
      });
      referencedWatchers = new ReferencedFileWatchers(connection, { relativePatterns, insideWorkspace: (path) => folders.rootOf(path) !== undefined });
    }
    // DNS rules run after the offline diagnostics are out, only where onlineAllowed says so; loaded
    // here rather than at start-up (initialize is answered by now, no document is open yet)
    couldNotCheckFor = onlineChecks().wireOnlineChecks(connection, diagnostics).couldNotCheckFor;
    connection.console.info(`Mendix Email language server started (workspace ${trusted ? 'trusted' : 'not trusted: no network checks'}).`);
    connection.console.info(describeCodeCache(codeCacheOutcome()));
    // load the checks while the editor is still busy starting up (a didOpen that comes first loads them itself)
    setImmediate(warmUp);
  });

  connection.onNotification('workspace/didChangeWorkspaceFolders', (params) => {
    folders.add(params.event.added, params.event.removed);
    projectConfigs.invalidate();
    diagnostics.scheduleAll();
  });

  documents.onDidOpen((e) => diagnostics.schedule(e.document.uri, { force: true }));
  documents.onDidChangeContent((e) => {
    const path = pathOfUri(e.document.uri);
    // the open files follow the unsaved text of an open .mendix-email.json (openProjectConfig.ts)
    if (isProjectConfigPath(path)) diagnostics.scheduleAll();
    diagnostics.schedule(e.document.uri, { afterEdit: true });
    // a compose file that reads this .env as env_file sees the unsaved text too
    diagnostics.scheduleReaders(path);
  });
  documents.onDidSave((e) => {
    const path = pathOfUri(e.document.uri);
    // editors without file watching still get a saved config applied
    if (isProjectConfigPath(path)) configChanged(path, false);
  });
  documents.onDidClose((e) => {
    const path = pathOfUri(e.document.uri);
    diagnostics.closed(e.document.uri);
    // files that read this one go back to its saved text, and so do those a closed config applies to
    diagnostics.scheduleReaders(path);
    if (isProjectConfigPath(path)) diagnostics.scheduleAll();
  });

  connection.onDidChangeConfiguration((params) => {
    settings.changed(params.settings);
    diagnostics.scheduleAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    let configs = 0;
    let appFiles = 0;
    let gitignores = 0;
    for (const change of params.changes) {
      const path = pathOfUri(change.uri);
      if (basename(path) === '.gitignore' || isGitIndex(path)) {
        gitignores++;
      } else if (isProjectConfigPath(path)) {
        configs++;
        projectConfigs.invalidate(path);
        configProblems.changedOnDisk(path, change.type === FileChangeType.Deleted);
      } else if (isAppMarker(path)) {
        appFiles++;
      } else {
        diagnostics.scheduleReaders(path);
      }
    }
    if (appFiles) {
      env.declarations.rescan();
      // each check reads a changed declaration file again; a new or deleted one is seen by the walk this starts
      if (!configs) diagnostics.scheduleAll();
    }
    if (gitignores) env.isTrackedByGit.forget();
    if (configs) {
      connection.console.info(`${PROJECT_CONFIG_FILE} changed: checking the open files again.`);
      diagnostics.scheduleAll();
    } else if (gitignores && !appFiles) {
      diagnostics.scheduleAll();
    }
  });

  function configChanged(path: string, deleted: boolean): void {
    projectConfigs.invalidate(path);
    configProblems.changedOnDisk(path, deleted);
    diagnostics.scheduleAll();
  }

  connection.onNotification(DidChangeTrustNotification, (params: DidChangeTrustParams) => {
    const now = params?.trusted === true;
    if (now === trusted) return;
    trusted = now;
    connection.console.info(`Workspace ${trusted ? 'trusted: network checks allowed' : 'not trusted: no network checks'}.`);
    // what was "may be committed" can now be asked of git (and the other way round); files
    // outside the workspace are read (or no longer read)
    env.isTrackedByGit.forget();
    projectConfigs.invalidate();
    env.declarations.rescan();
    diagnostics.scheduleAll();
  });

  connection.onRequest(FileInfoRequest, async (params: FileInfoParams): Promise<FileInfo> => {
    const uri = typeof params?.uri === 'string' ? params.uri : '';
    const check = await diagnostics.checkNow(uri);
    return fileInfoOf(uri, check, onlineInfo(check), folders);
  });

  connection.onCodeAction(async (params) => {
    // checkNow: the kept result of the current version, or a fresh check when it was released
    const check = await diagnostics.checkNow(params.textDocument.uri);
    const text = documents.get(params.textDocument.uri)?.getText();
    return [
      ...codeActionsFor(params, check, ruleDocs, editSupport, text),
      // before "Show documentation" (in extraCodeActions), where "Disable … for this line" would be
      ...disableForFileActions(params, check, text, { support: editSupport, folders, openDocument: (path) => openDocuments.byPath(path) }),
      ...extraCodeActions(params, text, check),
    ];
  });
  registerEditorFeatures(connection, documents, diagnostics, env.declarations);
  // Send Test Mail / Verify Connection ask which mail settings each scope has (no literal password crosses over)
  registerMailSettingsRequest(
    connection,
    async (uri) => (await diagnostics.checkNow(uri))?.result,
    (uri) => documents.get(uri)?.getText(),
  );

  registerCloudRequests(connection, settings, env);

  documents.listen(connection);
  return {
    diagnostics,
    documents,
    get trusted() {
      return trusted;
    },
  };
}
