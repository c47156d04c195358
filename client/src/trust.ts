// The server must know whether the workspace is trusted: network (DNS) checks run only then.
// VS Code can grant trust while the extension runs (revoking it reloads the window), so the
// initial state goes in initializationOptions and a grant is sent as a notification.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DidChangeTrustNotification, type DidChangeTrustParams } from '../../protocol/messages';

export function forwardWorkspaceTrust(client: LanguageClient): vscode.Disposable {
  return vscode.workspace.onDidGrantWorkspaceTrust(() => {
    const params: DidChangeTrustParams = { trusted: true };
    void client.sendNotification(DidChangeTrustNotification, params);
  });
}
