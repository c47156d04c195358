// Starts the language server (dist/server.js, next to this bundle) over IPC and connects it
// to VS Code. Diagnostics are pushed by the server (see server/src/lsp/diagnostics.ts), so
// no diagnosticPullOptions here. Tracing follows `mendixEmail.trace.server` (the client id
// is `mendixEmail`), into the same "Mendix Email" log channel.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ConfigurationMiddleware, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { documentSelector } from './documentSelector';
import type { SyncedDocuments } from './syncedDocuments';
import { cloudCodeActions } from './cloud/codeActions';
import type { InitializationOptions } from '../../protocol/messages';

export const CLIENT_ID = 'mendixEmail';
export const CLIENT_NAME = 'Mendix Email';

/**
 * Node flags for the server process. A young generation of 4 MB (V8's default grows to 16 MB
 * per semi-space) keeps the server's peak memory with 1,000 open files at ~135 MB instead of
 * ~160 MB at no measurable cost in speed: nearly everything a check allocates dies young.
 * bench/lsp.mjs starts the server with the same flags (a unit test keeps them equal).
 */
export const SERVER_EXEC_ARGV = ['--max-semi-space-size=4'];

/**
 * VS Code answers `workspace/configuration` with a setting's default when the user set
 * nothing; the server would then say "from setting mendixEmail.defaultTarget" for a target
 * nobody chose. The default target is sent only when some settings layer sets it.
 */
const onlyWhatTheUserSet: NonNullable<ConfigurationMiddleware['configuration']> = async (params, token, next) => {
  const answers: unknown = await next(params, token);
  if (!Array.isArray(answers)) return answers as ReturnType<typeof next>;
  return answers.map((answer: unknown, i) => {
    const item = params.items[i];
    if (item?.section !== 'mendixEmail' || !answer || typeof answer !== 'object') return answer;
    const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
    const set = vscode.workspace.getConfiguration('mendixEmail', scope).inspect('defaultTarget');
    const chosen = set && [set.globalValue, set.workspaceValue, set.workspaceFolderValue].some((v) => v !== undefined);
    if (chosen) return answer;
    const { defaultTarget: _unset, ...rest } = answer as Record<string, unknown>;
    return rest;
  });
};

/**
 * The server keeps its V8 code cache (server/src/boot/) in this extension's own storage
 * folder, which VS Code makes per user; a folder set in the environment wins.
 */
function codeCacheEnv(context: vscode.ExtensionContext): Record<string, string> | undefined {
  if (process.env.MENDIX_EMAIL_CODE_CACHE || context.globalStorageUri.scheme !== 'file') return undefined;
  return { MENDIX_EMAIL_CODE_CACHE: path.join(context.globalStorageUri.fsPath, 'code-cache') };
}

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, synced: SyncedDocuments): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const env = codeCacheEnv(context);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_EXEC_ARGV, env } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6029'], env } },
  };
  const initializationOptions: InitializationOptions = { trusted: vscode.workspace.isTrusted };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel: output,
    traceOutputChannel: output,
    initializationOptions,
    // the server registers its own file watcher (**/.mendix-email.json) and configuration section
    progressOnInitialization: false,
    middleware: {
      ...synced.middleware,
      // in a Mendix Cloud environment's document a fix is written back through the Deploy API (cloud/codeActions.ts)
      provideCodeActions: (document, range, context, token, next) =>
        synced.middleware.provideCodeActions!(document, range, context, token, (d, r, c, t) => cloudCodeActions(d, r, c, t, next)),
      workspace: { configuration: onlyWhatTheUserSet },
    },
  };
  const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  synced.attach(client);
  return client;
}
