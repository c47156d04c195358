// Mendix Cloud in the editor: Sign In / Sign Out, the view of apps and environments, each
// environment's constants as a read-only document with the same diagnostics as a settings
// file, and fixes written back through the Deploy API after the user confirms.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CLOUD_SCHEME } from '../../../server/src/cloud/uri';
import { currentAccount, signIn, signOut } from './account';
import { CloudEnvironments, environmentDocumentUri, keyOf } from './environments';
import { CloudView, CLOUD_VIEW, messageOf, OPEN_ENVIRONMENT_COMMAND } from './view';
import { applyCloudFix, APPLY_FIX_COMMAND, type SerializedEdit } from './writeBack';

const SIGNED_IN_CONTEXT = 'mendixEmail.cloud.signedIn';

export function registerCloud(context: vscode.ExtensionContext, client: LanguageClient, output: vscode.LogOutputChannel): CloudEnvironments {
  const environments = new CloudEnvironments(client);
  const view = new CloudView(context, environments, output);
  const tree = vscode.window.createTreeView(CLOUD_VIEW, { treeDataProvider: view, showCollapseAll: true });
  const updateSignedIn = async () => vscode.commands.executeCommand('setContext', SIGNED_IN_CONTEXT, (await currentAccount(context)) !== undefined);
  void updateSignedIn();

  context.subscriptions.push(
    tree,
    vscode.workspace.registerTextDocumentContentProvider(CLOUD_SCHEME, environments),
    // fetched when the view is shown (and on Refresh), never polled
    tree.onDidChangeVisibility((e) => e.visible && view.refresh()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => view.refresh()),
    vscode.commands.registerCommand('mendixEmail.cloud.signIn', async () => {
      if (await signIn(context)) {
        await updateSignedIn();
        view.refresh();
      }
    }),
    vscode.commands.registerCommand('mendixEmail.cloud.signOut', async () => {
      await signOut(context);
      environments.forgetAll();
      await updateSignedIn();
      view.refresh();
    }),
    vscode.commands.registerCommand('mendixEmail.cloud.refresh', () => view.refresh()),
    vscode.commands.registerCommand(OPEN_ENVIRONMENT_COMMAND, async (appId: string, mode: string) => {
      const account = await currentAccount(context);
      if (!account || !vscode.workspace.isTrusted) return;
      const uri = environmentDocumentUri(appId, mode);
      try {
        // always the current values: the portal may have changed since the view listed them
        const entry = environments.get(keyOf(uri));
        if (entry) await environments.reload(account, keyOf(uri));
        else {
          const found = (await account.client.listEnvironments(appId)).find((e) => e.Mode === mode);
          if (!found) throw new Error(`Mendix Cloud: ${appId} has no environment ${mode}`);
          const app = (await account.client.listApps()).find((a) => a.AppId === appId);
          await environments.load(account, appId, app?.Name ?? appId, found);
        }
      } catch (error) {
        void vscode.window.showErrorMessage(`Mendix Email: ${messageOf(error)}`);
        return;
      }
      let document = await vscode.workspace.openTextDocument(uri);
      if (document.languageId !== 'yaml') document = await vscode.languages.setTextDocumentLanguage(document, 'yaml');
      await vscode.window.showTextDocument(document, { preview: false });
    }),
    vscode.commands.registerCommand(APPLY_FIX_COMMAND, (uri: string, edits: SerializedEdit[], title: string) =>
      applyCloudFix(context, client, environments, () => view.refresh(), uri, edits, title)),
  );
  return environments;
}
