// One spelling per document URI. VS Code writes a file's URI its own way (on Windows
// `file:///c%3A/Users/...`, with `+`, `@` and the like percent-encoded); Node's pathToFileURL
// writes another (`file:///C:/Users/...`). Whenever the server looks an open document up by a
// path or by a URI it did not get from the editor, both sides go through vscode-uri — the
// library VS Code itself spells URIs with — so the open, unsaved text is found.
import { URI } from 'vscode-uri';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** The URI in vscode-uri's spelling (lower-case drive letter, one percent-encoding); a URI it cannot parse stays as it is. */
export function normalizeUri(uri: string): string {
  try {
    return URI.parse(uri).toString();
  } catch {
    return uri;
  }
}

/** The `file:` URI of an absolute path, in the spelling VS Code uses. */
export function uriOfPath(path: string): string {
  return URI.file(path).toString();
}

/** The open documents, found by any spelling of their URI (or by path). */
export class OpenDocuments {
  /** normalized URI → the URI the editor opened the document with */
  private readonly byKey = new Map<string, string>();

  constructor(private readonly documents: TextDocuments<TextDocument>) {
    documents.onDidOpen((e) => this.byKey.set(normalizeUri(e.document.uri), e.document.uri));
    documents.onDidClose((e) => {
      const key = normalizeUri(e.document.uri);
      if (this.byKey.get(key) === e.document.uri) this.byKey.delete(key);
    });
  }

  get(uri: string): TextDocument | undefined {
    const exact = this.documents.get(uri);
    if (exact) return exact;
    const opened = this.byKey.get(normalizeUri(uri));
    return opened === undefined ? undefined : this.documents.get(opened);
  }

  byPath(path: string): TextDocument | undefined {
    return this.get(uriOfPath(path));
  }
}
