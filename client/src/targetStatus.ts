// The language status item ("{}" in the status bar) for settings files: the current file's
// target and where it came from. It asks the server (mendixEmail/fileInfo) whenever the
// active editor changes or the server published new diagnostics for it (a directive typed,
// a config file changed). Click: explain or change the target.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FileInfoRequest, type FileInfo, type FileInfoParams } from '../../protocol/messages';
import { statusSelector } from './documentSelector';

export const SHOW_TARGET_COMMAND = 'mendixEmail.showTarget';

export function requestFileInfo(client: LanguageClient, uri: vscode.Uri): Promise<FileInfo> {
  const params: FileInfoParams = { uri: client.code2ProtocolConverter.asUri(uri) };
  return client.sendRequest<FileInfo>(FileInfoRequest, params);
}

export function targetStatusText(info: FileInfo): { text: string; detail: string; severity: vscode.LanguageStatusSeverity } {
  if (!info.supported || !info.target) {
    return { text: 'Mendix Email', detail: 'not a Mendix settings file', severity: vscode.LanguageStatusSeverity.Information };
  }
  const problems = info.configProblems ?? 0;
  const notes = [`from ${info.targetDetail}`];
  if (problems > 0) notes.push(`.mendix-email.json has ${problems} problem${problems === 1 ? '' : 's'}`);
  if (info.online === 'untrusted') notes.push('DNS checks off (Restricted Mode)');
  else if (info.online === 'off') notes.push('DNS checks off');
  const unchecked = info.couldNotCheck?.length ?? 0;
  if (unchecked > 0) notes.push(`DNS could not check ${[...new Set(info.couldNotCheck!.map((c) => c.name))].join(', ')}`);
  return {
    text: `$(mail) ${info.target}`,
    detail: notes.join(' · '),
    severity: problems > 0 || unchecked > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information,
  };
}

export function registerTargetStatus(client: LanguageClient): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('mendixEmail.target', statusSelector);
  item.name = 'Mendix Email target';
  item.text = 'Mendix Email';
  item.command = { title: 'Explain / change', command: SHOW_TARGET_COMMAND, tooltip: 'Explain or change the target of this file' };
  let asked = 0;
  let timer: NodeJS.Timeout | undefined;

  const refresh = async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.uri.scheme !== 'file' || !client.isRunning()) return;
    const ask = ++asked;
    item.busy = true;
    try {
      const info = await requestFileInfo(client, editor.document.uri);
      if (ask !== asked) return; // a newer request is on its way
      const shown = targetStatusText(info);
      item.text = shown.text;
      item.detail = shown.detail;
      item.severity = shown.severity;
    } catch {
      // the server is restarting; the next event asks again
    } finally {
      if (ask === asked) item.busy = false;
    }
  };
  const refreshSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 100);
  };

  void refresh();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(refreshSoon),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) refreshSoon();
    }),
    client.onDidChangeState(refreshSoon),
    { dispose: () => clearTimeout(timer) },
  );
}
