// "Mendix Email: Explain or Change Target": says which target the current file has and why
// (the precedence: inline directive → .mendix-email.json → file kind → default setting),
// and changes it at the level the user picks:
//   - an inline directive in this file (YAML, .env, Java: files that can hold a comment),
//   - an `overrides` entry for this file in the nearest .mendix-email.json (created at the
//     workspace folder's root when there is none),
//   - the setting mendixEmail.defaultTarget (only used when nothing above decides).
import * as path from 'node:path';
import * as vscode from 'vscode';
// the ESM build: esbuild would otherwise take the UMD one, whose lazy require()s break in a bundle
import { modify } from 'jsonc-parser/lib/esm/main.js';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { FileInfo } from '../../protocol/messages';
import { TARGET_FACTS, TARGETS, type Target } from '../../protocol/targets';
import { requestFileInfo } from './targetStatus';
import { FileNotRead, readSmallFile, type SmallFile } from './readSmallFile';
import { configWithOverride } from './configOverride';
import { targetDirectiveLine } from './targetDirective';

/** The server reads a .mendix-email.json up to this size (config/projectConfig.ts). */
const CONFIG_MAX_BYTES = 1024 * 1024;

interface Action extends vscode.QuickPickItem {
  run?: () => Promise<void>;
}

export async function showTarget(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Open a Mendix settings file (m2ee.yaml, manifest.yml, docker-compose.yml, .env, …) first.');
    return;
  }
  const document = editor.document;
  const info = await requestFileInfo(client, document.uri);
  if (!info.supported || !info.target) {
    void vscode.window.showInformationMessage(`${path.basename(document.fileName)} is not a Mendix settings file, so it has no target.`);
    return;
  }

  const items: Action[] = [
    { label: 'Why this target', kind: vscode.QuickPickItemKind.Separator },
    { label: `$(mail) ${info.target}`, description: TARGET_FACTS[info.target].label, detail: `Decided by ${info.targetDetail}. ${precedenceNote(info)}`, run: () => revealSource(info, editor) },
    ...scopeItems(info),
    { label: 'Change it', kind: vscode.QuickPickItemKind.Separator },
  ];
  if (targetDirectiveLine(info.kind, info.target) !== undefined) {
    items.push({
      label: info.directiveRange ? '$(edit) Change the inline directive in this file…' : '$(edit) Add an inline directive to this file…',
      detail: 'Wins over everything else; travels with the file.',
      run: () => setDirective(editor, info),
    });
  }
  items.push({
    label: '$(json) Set the target of this file in .mendix-email.json…',
    detail: info.configFile ? `Adds an "overrides" entry to ${vscode.workspace.asRelativePath(info.configFile)}.` : 'Creates .mendix-email.json at the root of the workspace folder.',
    run: () => setOverride(document.uri, info),
  });
  items.push({
    label: '$(settings-gear) Change the default target…',
    detail: 'The setting mendixEmail.defaultTarget: used when no directive, config file or file kind decides.',
    run: () => setDefault(document.uri),
  });
  if (info.configFile) {
    items.push({ label: '$(go-to-file) Open .mendix-email.json', run: async () => void (await vscode.window.showTextDocument(vscode.Uri.file(info.configFile!))) });
  }

  const picked = await vscode.window.showQuickPick(items, { title: `Mendix Email target of ${path.basename(document.fileName)}`, matchOnDetail: true });
  await picked?.run?.();
}

function precedenceNote(info: FileInfo): string {
  switch (info.targetSource) {
    case 'directive': return 'An inline directive wins over everything else.';
    case 'config': return 'The project config file wins over the file kind and the default setting.';
    case 'file-kind': return 'The file kind decides when there is no directive and no .mendix-email.json entry.';
    default: return 'Nothing in the file or a .mendix-email.json decides, so the default setting applies.';
  }
}

function scopeItems(info: FileInfo): Action[] {
  if (info.scopes.length < 2 && info.scopes.every((s) => s.roles.length === 0)) return [];
  return info.scopes.map((scope) => ({
    label: `$(symbol-namespace) ${scope.name}`,
    description: scope.target === info.target ? undefined : scope.target,
    detail: scope.roles.length ? scope.roles.map((r) => `${r.role}: ${r.value}`).join(' · ') : 'no mail settings',
  }));
}

async function pickTarget(current: Target | undefined, title: string): Promise<Target | undefined> {
  const picked = await vscode.window.showQuickPick(
    TARGETS.map((t) => ({ label: t, description: TARGET_FACTS[t].label, picked: t === current })),
    { title },
  );
  return picked?.label as Target | undefined;
}

async function revealSource(info: FileInfo, editor: vscode.TextEditor): Promise<void> {
  if (info.targetSource === 'directive' && info.directiveRange) {
    const r = info.directiveRange;
    const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range);
  } else if (info.targetSource === 'config' && info.configFile) {
    await vscode.window.showTextDocument(vscode.Uri.file(info.configFile));
  } else if (info.targetSource === 'default') {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'mendixEmail.defaultTarget');
  }
}

async function setDirective(editor: vscode.TextEditor, info: FileInfo): Promise<void> {
  const target = await pickTarget(info.target, 'Target for the inline directive');
  if (!target) return;
  const line = targetDirectiveLine(info.kind, target);
  if (!line) return;
  const edit = new vscode.WorkspaceEdit();
  const uri = editor.document.uri;
  if (info.directiveRange) {
    const r = info.directiveRange;
    edit.replace(uri, new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character), target);
  } else {
    edit.insert(uri, new vscode.Position(0, 0), line);
  }
  await vscode.workspace.applyEdit(edit);
}

async function setOverride(fileUri: vscode.Uri, info: FileInfo): Promise<void> {
  // the server says which config and which glob: the glob matches this file only (`./m2ee.yaml`),
  // written by the same function as the server's other config edits
  if (!info.override) {
    void vscode.window.showInformationMessage(`${path.basename(fileUri.fsPath)} is not a file on disk, so .mendix-email.json cannot name it.`);
    return;
  }
  const { configFile: configPath, glob } = info.override;
  const target = await pickTarget(info.target, `Target for ${path.basename(fileUri.fsPath)} in .mendix-email.json`);
  if (!target) return;
  const configUri = vscode.Uri.file(configPath);
  const formatting = { formattingOptions: { insertSpaces: true, tabSize: 2 } };
  // an open config file (perhaps with unsaved edits) is edited in its editor and saved, so
  // nothing written behind the editor's back conflicts with what the user typed there
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === configUri.toString());
  if (open) {
    const text = open.getText();
    const edit = new vscode.WorkspaceEdit();
    for (const e of modify(text, ['overrides', glob], target, formatting)) {
      edit.replace(configUri, new vscode.Range(open.positionAt(e.offset), open.positionAt(e.offset + e.length)), e.content);
    }
    if (!(await vscode.workspace.applyEdit(edit)) || !(await open.save())) {
      void vscode.window.showErrorMessage(`Could not update ${vscode.workspace.asRelativePath(configPath)}.`);
      return;
    }
  } else {
    let existing: SmallFile | undefined;
    try {
      existing = readSmallFile(configPath, CONFIG_MAX_BYTES);
    } catch (error) {
      // no config file yet: start from an empty object; one that is no regular file is left alone
      if (!(error instanceof FileNotRead && error.missing)) {
        void vscode.window.showErrorMessage(`Could not update ${vscode.workspace.asRelativePath(configPath)}: ${error instanceof FileNotRead ? error.reason : (error as Error).message}.`);
        return;
      }
    }
    // in the file's own encoding, BOM and line ends (configOverride.ts)
    await vscode.workspace.fs.writeFile(configUri, configWithOverride(existing, glob, target));
  }
  void vscode.window.showInformationMessage(`${vscode.workspace.asRelativePath(configPath)}: "${glob}" → ${target}.`);
}

async function setDefault(fileUri: vscode.Uri): Promise<void> {
  const config = vscode.workspace.getConfiguration('mendixEmail', fileUri);
  const target = await pickTarget(config.get<Target>('defaultTarget'), 'Default target (mendixEmail.defaultTarget)');
  if (!target) return;
  const scope = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update('defaultTarget', target, scope);
}
