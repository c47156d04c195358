// "Mendix Email: Show Rule Documentation": the rule pages ship inside the extension
// (docs/rules/<id>.md), so this shows them rendered in a Markdown preview, offline. The
// diagnostics' own rule links are the pages on the web (server/src/core/links.ts); this
// command is what the "Show documentation for <id>" quick fix runs.
import * as vscode from 'vscode';

export const SHOW_RULE_DOCS_COMMAND = 'mendixEmail.showRuleDocumentation';

const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function registerRuleDocs(context: vscode.ExtensionContext): vscode.Disposable {
  const folder = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
  return vscode.commands.registerCommand(SHOW_RULE_DOCS_COMMAND, async (ruleId?: unknown) => {
    const id = typeof ruleId === 'string' && RULE_ID.test(ruleId) ? ruleId : await pickRule(folder);
    if (!id) return;
    const page = vscode.Uri.joinPath(folder, `${id}.md`);
    try {
      await vscode.workspace.fs.stat(page);
    } catch {
      void vscode.window.showWarningMessage(`Mendix Email has no documentation page for "${id}".`);
      return;
    }
    await vscode.commands.executeCommand('markdown.showPreview', page);
  });
}

/** From the palette without an id: pick one of the shipped pages. */
async function pickRule(folder: vscode.Uri): Promise<string | undefined> {
  const entries = await vscode.workspace.fs.readDirectory(folder);
  const ids = entries.filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.md')).map(([name]) => name.slice(0, -3)).sort();
  return vscode.window.showQuickPick(ids, { placeHolder: 'Which rule?', title: 'Mendix Email: Show Rule Documentation' });
}
