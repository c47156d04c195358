// LSP glue for the editor features (server/src/features): hover, completion, code lenses,
// the extra code actions on every diagnostic, and the command that opens a rule's page.
// The features are pure functions; this file only finds the document and its latest check.
import {
  CodeActionKind,
  CompletionItemKind,
  MarkupKind,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConstantDeclaration } from '../core/types';
import type { DiagnosticsService } from './diagnostics';
import type { DocumentCheck } from './runCheck';
import { DIAGNOSTIC_SOURCE } from './toDiagnostic';
import type { WorkspaceFolders } from './workspace';
import { editorFeatures, gitTracking, workspaceDeclarations } from './lazy';
import type { WorkspaceDeclarations } from '../services/workspaceDeclarations';
import type { GitTracking } from '../services/gitTracking';

// The features, the declaration walk and git tracking load on first use (lazy.ts), so they do
// not slow the server's start-up; the type imports above are erased.

/** The declared constants for a file; `rescan()` walks the workspace again on the next check. */
export interface DeclarationAnswers {
  (path: string): ConstantDeclaration[];
  /** a declaration file or a Studio Pro project file was created, changed or deleted */
  rescan(): void;
}

/**
 * The model's declared constants for a file: those of its app in its workspace folder (the
 * rule shared with the CLI, services/appRoots.ts). Found by a background walk; `changed`
 * re-checks the open documents when the walk finds other files than before. Each call makes
 * the walks of one session: its own callbacks, its own Restricted Mode folders.
 */
export function declarationsProvider(
  folders: WorkspaceFolders,
  changed: () => void = () => undefined,
  /** Restricted Mode: the workspace folders (a declaration file linked from outside is not read) */
  readableFolders: () => readonly string[] | undefined = () => undefined,
): DeclarationAnswers {
  let declarationWalk: WorkspaceDeclarations | undefined;
  const answer = (path: string) => {
    const root = folders.rootOf(path);
    if (!root) return [];
    declarationWalk ??= new (workspaceDeclarations().WorkspaceDeclarations)(changed, undefined, undefined, readableFolders);
    return declarationWalk.declarationsFor(root, path);
  };
  return Object.assign(answer, {
    rescan: () => declarationWalk?.rescan(),
  });
}

const GIT_ANSWERS_FOR_MS = 10_000;

/** Answers whether git tracks a file; `forget()` asks again when a .gitignore or a repository's index changed. */
export interface GitTrackingAnswers {
  (path: string): boolean | 'unknown' | undefined;
  forget(): void;
}

export interface GitTrackingHooks {
  /** false in Restricted Mode: git is never started */
  mayRunGit(): boolean;
  /** Restricted Mode: the workspace folders (no .gitignore outside them is read) */
  readableFolders(): readonly string[] | undefined;
  /** git's answer changed what a check was told: check the open files again */
  changed(): void;
  /** git failed or missed its deadline (logged; the files count as "may be committed") */
  failed(repository: string, reason: string): void;
}

/**
 * Whether git tracks (or would track) a file, for password-in-plain-text (services/gitTracking.ts:
 * the .gitignore layers, then `git ls-files` in the background, never on the keystroke path).
 * Answers are asked again after a few seconds (editors without file watching) and at once when
 * a watched .gitignore or .git/index changes.
 */
export function gitTrackingProvider(hooks: GitTrackingHooks): GitTrackingAnswers {
  let tracking: GitTracking | undefined;
  const answer = (path: string) => {
    tracking ??= new (gitTracking().GitTracking)({ ...hooks, refreshAfterMs: GIT_ANSWERS_FOR_MS });
    try {
      return tracking.isTracked(path);
    } catch {
      return undefined;
    }
  };
  return Object.assign(answer, {
    forget: () => tracking?.forget(),
  });
}

export const editorCapabilities: ServerCapabilities = {
  hoverProvider: true,
  completionProvider: { triggerCharacters: ['.', '_', '=', '"'], resolveProvider: false },
  codeLensProvider: { resolveProvider: false },
};

/** "Disable <id> for this line" and "Show documentation for <id>" for the diagnostics in the request. */
export function extraCodeActions(params: CodeActionParams, text: string | undefined, check: DocumentCheck | undefined): CodeAction[] {
  const kind = check?.result?.read.kind;
  const only = params.context.only;
  if (text === undefined || !kind || (only && !only.some((k) => CodeActionKind.QuickFix === k || CodeActionKind.QuickFix.startsWith(`${k}.`)))) return [];
  const ours = params.context.diagnostics
    .filter((d) => d.source === DIAGNOSTIC_SOURCE && (typeof d.code === 'string' || typeof d.code === 'number'))
    .map((d) => ({ ruleId: String(d.code), range: d.range }));
  if (ours.length === 0) return [];
  return editorFeatures().extraActionsFor(text, kind, ours).map((a) => {
    const diagnostics = params.context.diagnostics.filter((d) => d.code === a.ruleId);
    return a.edits
      ? { title: a.title, kind: CodeActionKind.QuickFix, diagnostics, edit: { changes: { [params.textDocument.uri]: a.edits } } }
      : { title: a.title, kind: CodeActionKind.QuickFix, diagnostics, command: { title: a.title, ...a.command! } };
  });
}

const COMPLETION_KIND = { constant: CompletionItemKind.Constant, variable: CompletionItemKind.Variable, value: CompletionItemKind.Value } as const;

export function registerEditorFeatures(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  diagnostics: DiagnosticsService,
  declarations: (path: string) => ConstantDeclaration[] = () => [],
): void {
  connection.onHover(async (params) => {
    const check = await diagnostics.checkNow(params.textDocument.uri);
    if (!check?.result) return null;
    const hover = editorFeatures().hoverAt(check.result, params.position, declarations(check.path));
    return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: hover.range } : null;
  });

  connection.onCompletion(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const check = await diagnostics.checkNow(params.textDocument.uri);
    const read = check?.result?.read;
    if (!read) return null;
    const entries = editorFeatures().completionsAt(document.getText(), params.position, read.kind, [...read.declarations, ...declarations(check!.path)]);
    return entries.map((e) => ({
      label: e.label,
      kind: COMPLETION_KIND[e.kind],
      detail: e.detail,
      ...(e.documentation ? { documentation: e.documentation } : {}),
      ...(e.sortText ? { sortText: e.sortText } : {}),
      // the typed prefix is `Mail.` or `MX_Mail_`: filter on what is replaced, not on the label alone
      filterText: e.insertText,
      textEdit: { range: e.range, newText: e.insertText },
    }));
  });

  connection.onCodeLens(async (params) => {
    const check = await diagnostics.checkNow(params.textDocument.uri);
    if (!check?.result) return [];
    return editorFeatures().codeLensesFor(params.textDocument.uri, check.result).map((l) => ({
      range: l.range,
      command: { title: l.title, command: l.command, ...(l.arguments ? { arguments: l.arguments } : {}) },
    }));
  });
}
