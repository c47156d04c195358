// "Disable <id> for this file in .mendix-email.json" for the findings no suppression comment
// can reach (JSON files; a line inside another value). The edit goes to the config file that
// applies to the file, or creates one at the root of its workspace folder; it is an edit of
// another file, so it takes the same path as the `.gitignore` fix (codeActions.ts
// workspaceEditOf): only editors that apply versioned document changes get it, and only
// those that can create files when there is no config yet.
import { existsSync } from 'node:fs';
import { readSettingsText } from '../services/readFile';
import { basename } from 'node:path';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Fix, OtherFileEdit } from '../core/types';
import { globForFile } from '../config/configGlobs';
import { workspaceEditOf, type EditSupport } from './codeActions';
import { editorFeatures } from './lazy';
import type { DocumentCheck } from './runCheck';
import { configFileToEdit } from './fileInfo';
import { DIAGNOSTIC_SOURCE } from './toDiagnostic';
import type { WorkspaceFolders } from './workspace';

export interface DisableForFileContext {
  support: EditSupport;
  folders: WorkspaceFolders;
  /** the document open at a path (an open config is edited as the editor has it, unsaved edits included) */
  openDocument(path: string): TextDocument | undefined;
}

export function disableForFileActions(params: CodeActionParams, check: DocumentCheck | undefined, text: string | undefined, context: DisableForFileContext): CodeAction[] {
  const kind = check?.result?.read.kind;
  const only = params.context.only;
  if (!check || text === undefined || !kind || !params.textDocument.uri.startsWith('file:')) return [];
  if (only && !only.some((k) => CodeActionKind.QuickFix === k || CodeActionKind.QuickFix.startsWith(`${k}.`))) return [];
  const features = editorFeatures();
  const byRule = new Map<string, Diagnostic[]>();
  for (const d of params.context.diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE || (typeof d.code !== 'string' && typeof d.code !== 'number')) continue;
    if (features.canDisableWithComment(text, kind, d.range.start.line)) continue;
    byRule.set(String(d.code), [...(byRule.get(String(d.code)) ?? []), d]);
  }
  if (byRule.size === 0) return [];

  const configPath = configFileToEdit(check, context.folders);
  const config = configText(configPath, context);
  const glob = globForFile(check.path, configPath);
  if (!config || glob === undefined) return [];

  const actions: CodeAction[] = [];
  for (const [ruleId, diagnostics] of byRule) {
    const edits = features.disableForFileEdits(config.text, glob, ruleId);
    if (!edits) continue;
    const other: OtherFileEdit = { path: configPath, edits, ...(config.text === undefined ? { createIfMissing: true } : {}), ...(config.version !== undefined ? { version: config.version } : {}) };
    const fix: Fix = { title: `Disable ${ruleId} for this file in ${basename(configPath)}`, edits: [], safe: false, otherFiles: [other] };
    const edit = workspaceEditOf(fix, params.textDocument.uri, context.support);
    if (edit) actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics, edit });
  }
  return actions;
}

/** The config's text as the editor has it, else as on disk; text undefined: no such file yet. undefined: it cannot be read. */
function configText(path: string, context: DisableForFileContext): { text?: string; version?: number } | undefined {
  const open = context.openDocument(path);
  if (open) return { text: open.getText(), version: open.version };
  // the one reader (a regular file under the cap); the editor drops a byte order mark, and so do the positions of the edits
  const read = readSettingsText(path);
  if (typeof read === 'string') return { text: read };
  return existsSync(path) ? undefined : {};
}
