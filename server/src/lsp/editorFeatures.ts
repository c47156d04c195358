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
import { codeLensesFor, completionsAt, extraActionsFor, hoverAt, SHOW_RULE_DOCS_COMMAND } from '../features/index';
import type { DiagnosticsService } from './diagnostics';
import type { DocumentCheck } from './runCheck';
import { DIAGNOSTIC_SOURCE, type RuleDocs } from './toDiagnostic';

export const editorCapabilities: ServerCapabilities = {
  hoverProvider: true,
  completionProvider: { triggerCharacters: ['.', '_', ':', '=', ' '], resolveProvider: false },
  codeLensProvider: { resolveProvider: false },
  executeCommandProvider: { commands: [SHOW_RULE_DOCS_COMMAND] },
};

/** "Disable <id> for this line" and "Show documentation for <id>" for the diagnostics in the request. */
export function extraCodeActions(params: CodeActionParams, text: string | undefined, check: DocumentCheck | undefined, docs: RuleDocs): CodeAction[] {
  const kind = check?.result?.read.kind;
  const only = params.context.only;
  if (text === undefined || !kind || (only && !only.some((k) => CodeActionKind.QuickFix === k || CodeActionKind.QuickFix.startsWith(`${k}.`)))) return [];
  const ours = params.context.diagnostics
    .filter((d) => d.source === DIAGNOSTIC_SOURCE && (typeof d.code === 'string' || typeof d.code === 'number'))
    .map((d) => ({ ruleId: String(d.code), range: d.range }));
  if (ours.length === 0) return [];
  return extraActionsFor(text, kind, ours, (id) => docs.href(id)).map((a) => {
    const diagnostics = params.context.diagnostics.filter((d) => d.code === a.ruleId);
    return a.edits
      ? { title: a.title, kind: CodeActionKind.QuickFix, diagnostics, edit: { changes: { [params.textDocument.uri]: a.edits } } }
      : { title: a.title, kind: CodeActionKind.QuickFix, diagnostics, command: { title: a.title, ...a.command! } };
  });
}

const COMPLETION_KIND = { constant: CompletionItemKind.Constant, variable: CompletionItemKind.Variable, value: CompletionItemKind.Value } as const;

export function registerEditorFeatures(connection: Connection, documents: TextDocuments<TextDocument>, diagnostics: DiagnosticsService): void {
  connection.onHover(async (params) => {
    const check = await diagnostics.checkNow(params.textDocument.uri);
    if (!check?.result) return null;
    const hover = hoverAt(check.result, params.position);
    return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: hover.range } : null;
  });

  connection.onCompletion(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const check = await diagnostics.checkNow(params.textDocument.uri);
    const read = check?.result?.read;
    if (!read) return null;
    const entries = completionsAt(document.getText(), params.position, read.kind, read.declarations);
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
    return codeLensesFor(params.textDocument.uri, check.result).map((l) => ({
      range: l.range,
      command: { title: l.title, command: l.command, ...(l.arguments ? { arguments: l.arguments } : {}) },
    }));
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command !== SHOW_RULE_DOCS_COMMAND) return null;
    const href = params.arguments?.[1];
    if (typeof href !== 'string') return null;
    // a page that ships with the extension opens in the editor; an http(s) page in the browser
    await connection.window.showDocument({ uri: href, external: !href.startsWith('file:'), takeFocus: true });
    return null;
  });
}
