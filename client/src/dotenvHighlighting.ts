// Colours for `.env` files where the editor has none. VS Code 1.106 and later ship a `dotenv`
// language with a grammar; older versions (and the editors built on them) only have the
// `dotenv` id our package.json contributes, and show the file as plain text. A grammar
// registered for `dotenv` itself would replace the built-in one on the newer versions, so the
// grammar belongs to a language of our own that claims no file, and `.env` documents are moved
// to it only when no installed extension, built-in or not, gives `dotenv` a grammar.
import * as vscode from 'vscode';
import { HIGHLIGHTED_DOTENV } from './documentSelector';

interface GrammarContribution {
  language?: unknown;
}

/** true when an extension other than ours contributes a grammar for the `dotenv` language. */
export function dotenvHasGrammar(ownId: string, extensions: readonly vscode.Extension<unknown>[] = vscode.extensions.all): boolean {
  return extensions.some((e) => {
    if (e.id.toLowerCase() === ownId.toLowerCase()) return false;
    const grammars: unknown = e.packageJSON?.contributes?.grammars;
    return Array.isArray(grammars) && grammars.some((g: GrammarContribution) => g?.language === 'dotenv');
  });
}

export function registerDotenvHighlighting(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): vscode.Disposable {
  // Each document is moved once: a user who picks "Dotenv (dotenv)" again keeps it.
  const moved = new Set<string>();
  let active = false;

  const move = (document: vscode.TextDocument) => {
    if (!active || document.languageId !== 'dotenv') return;
    const key = document.uri.toString();
    if (moved.has(key)) return;
    moved.add(key);
    vscode.languages.setTextDocumentLanguage(document, HIGHLIGHTED_DOTENV).then(undefined, (error: unknown) => {
      log.warn(`Could not highlight ${document.uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
    });
  };

  const decide = () => {
    const wasActive = active;
    active = !dotenvHasGrammar(context.extension.id);
    if (active && !wasActive) {
      log.info('No extension gives .env files a grammar here: Mendix Email highlights them.');
      vscode.workspace.textDocuments.forEach(move);
    }
  };

  decide();
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument(move),
    // an extension installed later (a dotenv extension) takes over from the next file opened
    vscode.extensions.onDidChange(decide),
  );
}
