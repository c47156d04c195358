// Code actions on an environment's document: the server offers the same fixes as in any
// settings file, as edits. Here each fix's edit becomes the write-back command (writeBack.ts),
// and actions that only make sense in a file (disable comments, .mendix-email.json) are left out.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { CLOUD_SCHEME } from '../../../server/src/cloud/uri';
import { APPLY_FIX_COMMAND, type SerializedEdit } from './writeBack';

export const cloudCodeActions: NonNullable<Middleware['provideCodeActions']> = async (document, range, context, token, next) => {
  const actions = await next(document, range, context, token);
  if (document.uri.scheme !== CLOUD_SCHEME || !actions) return actions;
  const out: (vscode.Command | vscode.CodeAction)[] = [];
  for (const action of actions) {
    if (!(action instanceof vscode.CodeAction) || !action.edit) {
      out.push(action);
      continue;
    }
    const entries = action.edit.entries();
    // a fix that edits another file (a config, a .gitignore) or adds a comment has no meaning in Mendix Cloud
    if (entries.some(([uri]) => uri.toString() !== document.uri.toString()) || /^Disable /.test(action.title)) continue;
    if (action.kind && vscode.CodeActionKind.SourceFixAll.contains(action.kind)) continue;
    const edits: SerializedEdit[] = entries.flatMap(([, list]) => list.map((e) => ({
      range: { start: { line: e.range.start.line, character: e.range.start.character }, end: { line: e.range.end.line, character: e.range.end.character } },
      newText: e.newText,
    })));
    const cloudAction = new vscode.CodeAction(`${action.title} (in Mendix Cloud…)`, action.kind);
    cloudAction.diagnostics = action.diagnostics;
    cloudAction.isPreferred = action.isPreferred;
    cloudAction.command = { command: APPLY_FIX_COMMAND, title: action.title, arguments: [document.uri.toString(), edits, action.title] };
    out.push(cloudAction);
  }
  return out;
};
