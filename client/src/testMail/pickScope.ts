// Which scope's mail settings to test: the one named by the code lens, the one under the
// cursor, the only one, or the one the user picks.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { MailSettingsRequest, type MailScope, type MailSettingsParams, type MailSettingsResult } from '../../../protocol/mailSettings';

export interface Target {
  uri: vscode.Uri;
  scope: MailScope;
}

/**
 * Command arguments: none (active editor), a Uri, or `{ uri, scope }` from a code lens;
 * `to` skips the recipient prompt (still checked), for tests and other extensions.
 */
export type TestMailArgs = undefined | vscode.Uri | string | { uri: string | vscode.Uri; scope?: string; to?: string };

export async function pickScope(client: LanguageClient, args: TestMailArgs, scopeArg?: string): Promise<Target | undefined> {
  const editor = vscode.window.activeTextEditor;
  let uri: vscode.Uri | undefined;
  let wanted = scopeArg;
  if (args instanceof vscode.Uri) uri = args;
  else if (typeof args === 'string') uri = vscode.Uri.parse(args);
  else if (args && typeof args === 'object' && 'uri' in args) {
    uri = typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : args.uri;
    wanted = args.scope ?? wanted;
  }
  uri ??= editor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage('Mendix Email: open a Mendix settings file (m2ee.yaml, manifest.yml, docker-compose.yml, .env, …) first.');
    return undefined;
  }
  const position = editor && editor.document.uri.toString() === uri.toString() ? editor.selection.active : undefined;
  const params: MailSettingsParams = { uri: uri.toString(), ...(position ? { position: { line: position.line, character: position.character } } : {}) };
  let answer: MailSettingsResult;
  try {
    answer = await client.sendRequest<MailSettingsResult>(MailSettingsRequest, params);
  } catch (error) {
    void vscode.window.showErrorMessage(`Mendix Email: the language server did not answer (${error instanceof Error ? error.message : String(error)}).`);
    return undefined;
  }
  if (!answer.supported) {
    void vscode.window.showInformationMessage('Mendix Email: this is not a Mendix settings file the extension understands.');
    return undefined;
  }
  if (answer.scopes.length === 0) {
    void vscode.window.showInformationMessage('Mendix Email: this file sets no SMTP settings (host, port, username, password, from). If your constants have other names, map them to roles in .mendix-email.json.');
    return undefined;
  }
  const byName = wanted ? answer.scopes.find((s) => s.name === wanted) : undefined;
  const chosen = byName ?? answer.scopes.find((s) => s.atCursor) ?? (answer.scopes.length === 1 ? answer.scopes[0] : undefined);
  if (chosen) return { uri, scope: chosen };
  const item = await vscode.window.showQuickPick(
    answer.scopes.map((s) => ({ label: s.name, description: `${s.settings.host || '(no host)'}:${s.settings.port}`, detail: s.settings.from, scope: s })),
    { title: 'Which mail settings?', placeHolder: 'This file has mail settings in several places' },
  );
  return item ? { uri, scope: item.scope } : undefined;
}
