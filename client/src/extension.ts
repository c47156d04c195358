// The VS Code side of Mendix Email: starts the language server, shows the current file's
// target, and registers the commands. Everything that knows Mendix and mail is in the server.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient, CLIENT_NAME } from './languageClient';
import { registerTargetStatus, SHOW_TARGET_COMMAND } from './targetStatus';
import { showTarget } from './targetPicker';
import { forwardWorkspaceTrust } from './trust';
import { registerTestMailCommands } from './testMail/index';
import { registerDotenvHighlighting } from './dotenvHighlighting';
import { registerRuleDocs } from './ruleDocs';
import { registerCheckTasks } from './checkTask/index';
import { SyncedDocuments } from './syncedDocuments';
import { registerCloud } from './cloud/index';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(output);
  const synced = new SyncedDocuments();
  context.subscriptions.push(synced);
  const languageClient = createLanguageClient(context, output, synced);
  client = languageClient;

  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_TARGET_COMMAND, () => showTarget(languageClient)),
    vscode.commands.registerCommand('mendixEmail.restartServer', async () => {
      output.info('Restarting the language server.');
      await languageClient.restart();
    }),
    vscode.commands.registerCommand('mendixEmail.showOutput', () => output.show(true)),
    registerRuleDocs(context),
    forwardWorkspaceTrust(languageClient),
    // before the client starts, so a .env that is moved to our language is opened once
    registerDotenvHighlighting(context, output),
    registerCheckTasks(context),
  );
  const cloudEnvironments = registerCloud(context, languageClient, output);
  registerTestMailCommands(context, languageClient, output, cloudEnvironments);

  try {
    await languageClient.start();
  } catch (error) {
    output.error(`The Mendix Email language server did not start: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  context.subscriptions.push(registerTargetStatus(languageClient));
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  await running?.stop();
}
