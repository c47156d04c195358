// Passes to the server only the documents that can be settings files (settingsFiles.ts): the
// selector also matches every YAML file, and this middleware drops the ones that are not
// Mendix files before anything is sent. A YAML file that becomes one while typed in (a
// `kind: MendixApp` pasted in) is opened on the server then. It also keeps the context key
// `mendixEmail.settingsFile` (true when the active editor shows a settings file one can
// send from) that the palette and editor menus use (package.json `menus`).
import * as vscode from 'vscode';
import type { LanguageClient, Middleware } from 'vscode-languageclient/node';
import { DidOpenTextDocumentNotification } from 'vscode-languageclient/node';
import { canSendFrom, isSettingsDocument } from './settingsFiles';

export const SETTINGS_FILE_CONTEXT = 'mendixEmail.settingsFile';

export class SyncedDocuments implements vscode.Disposable {
  private readonly synced = new Set<string>();
  private client: LanguageClient | undefined;
  private readonly listener: vscode.Disposable;
  private shown: boolean | undefined;

  constructor() {
    this.listener = vscode.window.onDidChangeActiveTextEditor(() => this.updateContext());
  }

  /** The client to open late-found settings files on (set once it exists). */
  attach(client: LanguageClient): void {
    this.client = client;
  }

  has(uri: vscode.Uri): boolean {
    return this.synced.has(uri.toString());
  }

  private accept(document: vscode.TextDocument): boolean {
    if (this.has(document.uri)) return true;
    // a Mendix Cloud environment's document (cloud/environments.ts) is a settings document by its scheme
    const cloud = document.uri.scheme === 'mendix-cloud';
    if (!cloud && (document.uri.scheme !== 'file' || !isSettingsDocument(document.uri.fsPath, document.languageId, () => document.getText()))) return false;
    this.synced.add(document.uri.toString());
    this.updateContext();
    return true;
  }

  readonly middleware: Middleware = {
    didOpen: (document, next) => (this.accept(document) ? next(document) : Promise.resolve()),
    didChange: async (event, next) => {
      if (this.has(event.document.uri)) return next(event);
      // not sent so far: the server learns of it only once its text looks like a Mendix file
      if (event.contentChanges.length === 0 || !this.client || !this.accept(event.document)) return;
      await this.client.sendNotification(DidOpenTextDocumentNotification.type, this.client.code2ProtocolConverter.asOpenTextDocumentParams(event.document));
    },
    didSave: (document, next) => (this.has(document.uri) ? next(document) : Promise.resolve()),
    didClose: (document, next) => {
      const was = this.synced.delete(document.uri.toString());
      if (was) this.updateContext();
      return was ? next(document) : Promise.resolve();
    },
    provideHover: (document, position, token, next) => (this.has(document.uri) ? next(document, position, token) : undefined),
    provideCompletionItem: (document, position, context, token, next) => (this.has(document.uri) ? next(document, position, context, token) : undefined),
    provideCodeLenses: (document, token, next) => (this.has(document.uri) ? next(document, token) : []),
    provideCodeActions: (document, range, context, token, next) => (this.has(document.uri) ? next(document, range, context, token) : []),
  };

  private updateContext(): void {
    const document = vscode.window.activeTextEditor?.document;
    const show = !!document && this.has(document.uri) && canSendFrom(document.uri.fsPath);
    if (show === this.shown) return;
    this.shown = show;
    void vscode.commands.executeCommand('setContext', SETTINGS_FILE_CONTEXT, show);
  }

  dispose(): void {
    this.listener.dispose();
  }
}
