// Editor features as pure functions over a check result and the document text; the LSP layer
// only translates them (server/src/lsp).
export { hoverAt, providerHover, type HoverResult } from './hover';
export { completionsAt, KNOWN_CONSTANTS, type CompletionEntry } from './completion';
export { codeLensesFor, scopeSummary, SEND_TEST_MAIL_COMMAND, VERIFY_CONNECTION_COMMAND, type Lens } from './codeLens';
export { extraActionsFor, disableForLineEdit, canDisableWithComment, commentSyntax, SHOW_RULE_DOCS_COMMAND, type ExtraAction, type DiagnosticRef } from './codeActions';
export { disableForFileEdits } from './disableForFile';
