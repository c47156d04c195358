// Starts the language server (dist/server.js, next to this bundle) over IPC and connects it
// to VS Code. Diagnostics are pushed by the server (see server/src/lsp/diagnostics.ts), so
// no diagnosticPullOptions here. Tracing follows `mendixEmail.trace.server` (the client id
// is `mendixEmail`), into the same "Mendix Email" log channel.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { documentSelector } from './documentSelector';
import type { InitializationOptions } from '../../server/src/lsp/protocol';

export const CLIENT_ID = 'mendixEmail';
export const CLIENT_NAME = 'Mendix Email';

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6029'] } },
  };
  const initializationOptions: InitializationOptions = { trusted: vscode.workspace.isTrusted };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel: output,
    traceOutputChannel: output,
    initializationOptions,
    // the server registers its own file watcher (**/.mendix-email.json) and configuration section
    progressOnInitialization: false,
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
