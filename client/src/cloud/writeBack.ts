// A quick fix in an environment's document is not an edit of the (read-only) document: it
// becomes a change of the constant in Mendix Cloud, posted through the Deploy API only after
// the user confirms in a modal that names the app and environment (a production environment
// asks twice). Exactly the changed constants are posted; the document is fetched again after.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CloudChangesRequest, type CloudChangesParams, type CloudChangesResult } from '../../../protocol/messages';
import { currentAccount } from './account';
import { keyOf, type CloudEnvironments } from './environments';
import { messageOf } from './view';

export const APPLY_FIX_COMMAND = 'mendixEmail.cloud.applyFix';

export interface SerializedEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

/** The text after the edits (non-overlapping, as a code action's edits are). */
function applyEdits(document: vscode.TextDocument, edits: SerializedEdit[]): string {
  const text = document.getText();
  const at = (p: SerializedEdit['range']['start']) => document.offsetAt(new vscode.Position(p.line, p.character));
  const sorted = [...edits].sort((a, b) => at(b.range.start) - at(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, at(e.range.start)) + e.newText + out.slice(at(e.range.end));
  return out;
}

export async function applyCloudFix(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  environments: CloudEnvironments,
  onWritten: () => void,
  uriText: string,
  edits: SerializedEdit[],
  title: string,
): Promise<boolean> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Mendix Email: changing a Mendix Cloud environment needs a trusted workspace. Nothing was changed.');
    return false;
  }
  const uri = vscode.Uri.parse(uriText);
  const entry = environments.get(keyOf(uri));
  const account = await currentAccount(context);
  if (!entry || !account) {
    void vscode.window.showErrorMessage('Mendix Email: this environment is not loaded or you are signed out; open it again from the Mendix Cloud view. Nothing was changed.');
    return false;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const params: CloudChangesParams = { uri: keyOf(uri), before: document.getText(), after: applyEdits(document, edits) };
  const { changes, refused } = await client.sendRequest<CloudChangesResult>(CloudChangesRequest, params);
  if (!changes.length) {
    void vscode.window.showWarningMessage(`Mendix Email: "${title}" cannot be applied to Mendix Cloud: ${refused.join('; ') || 'it changes no constant'}. Nothing was changed.`);
    return false;
  }
  const where = `${entry.appName} (${entry.appId}), environment ${entry.environment.Mode}`;
  const what = changes.map((c) => `${c.name}: ${c.from} → ${c.to}`).join('\n');
  const change = 'Change in Mendix Cloud';
  const first = await vscode.window.showWarningMessage(
    `Change ${changes.length === 1 ? 'this constant' : 'these constants'} of ${where}?`,
    { modal: true, detail: `${what}\n\nMendix Cloud applies the change at the environment's next restart; the running app keeps its current values until then.${refused.length ? `\n\nNot changed: ${refused.join('; ')}.` : ''}` },
    change,
  );
  if (first !== change) return false;
  if (entry.environment.Production) {
    const really = 'Change Production';
    const second = await vscode.window.showWarningMessage(
      `${entry.environment.Mode} is a PRODUCTION environment of ${entry.appName}. Change it?`,
      { modal: true, detail: `${what}\n\nTakes effect at the next restart of production.` },
      really,
    );
    if (second !== really) return false;
  }
  try {
    for (const c of changes) await account.client.setConstant(entry.appId, entry.environment.Mode, c.name, c.to);
  } catch (error) {
    void vscode.window.showErrorMessage(`Mendix Email: ${messageOf(error)}`);
    await environments.reload(account, keyOf(uri)).catch(() => undefined);
    onWritten();
    return false;
  }
  await environments.reload(account, keyOf(uri)).catch((error) => vscode.window.showErrorMessage(`Mendix Email: changed, but reading it back failed: ${messageOf(error)}`));
  onWritten();
  void vscode.window.showInformationMessage(`Mendix Email: changed ${changes.map((c) => c.name).join(', ')} in ${where}; it takes effect at the next restart.`);
  return true;
}
