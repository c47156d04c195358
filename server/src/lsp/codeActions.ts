// Quick fixes are data carried on the findings (rules decide the edits); this only hands
// them to the editor for the diagnostics it asks about (each only its own fixes, an edit
// offered once), and offers "fix all" for the safe ones.
import { uriOfPath } from './documentUris';
import { CodeActionKind, type CodeAction, type CodeActionParams, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { Fix, Range } from '../core/types';
import type { DocumentCheck } from './runCheck';
import { toDiagnostic, type RuleDocs } from './toDiagnostic';
import type { CheckedText } from '../engine/offeredFixes';
import { offeredFixes } from './lazy';


// The kind named in the issue; users put it in editor.codeActionsOnSave.
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.mendixEmail`;

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** What the editor can apply (initialize capabilities): fixes that edit other files need both. */
export interface EditSupport {
  documentChanges: boolean;
  createFiles: boolean;
}

/**
 * The workspace edit of a fix, or undefined when the editor cannot apply it. A fix that also
 * edits other files (the `.gitignore` beside a `.env`) needs versioned document changes, and
 * file creation when that file may not exist yet.
 */
export function workspaceEditOf(fix: Fix, uri: string, support: EditSupport): WorkspaceEdit | undefined {
  if (!fix.otherFiles?.length) return { changes: { [uri]: fix.edits } };
  if (!support.documentChanges) return undefined;
  if (fix.otherFiles.some((f) => f.createIfMissing) && !support.createFiles) return undefined;
  const documentChanges: WorkspaceEdit['documentChanges'] = [];
  for (const file of fix.otherFiles) {
    const fileUri = uriOfPath(file.path);
    if (file.createIfMissing) documentChanges.push({ kind: 'create', uri: fileUri, options: { ignoreIfExists: true, overwrite: false } });
    documentChanges.push({ textDocument: { uri: fileUri, version: file.version ?? null }, edits: file.edits });
  }
  if (fix.edits.length) documentChanges.push({ textDocument: { uri, version: null }, edits: fix.edits });
  return { documentChanges };
}

export function codeActionsFor(
  params: CodeActionParams,
  check: DocumentCheck | undefined,
  docs: RuleDocs,
  support: EditSupport = { documentChanges: false, createFiles: false },
  /** the document's text, of the checked version (fixes that promise a change are read back against it) */
  text = '',
): CodeAction[] {
  const findings = check?.result?.findings ?? [];
  const file: CheckedText | undefined = check?.result ? { path: check.path, text, read: check.result.read } : undefined;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));

  if (wants(CodeActionKind.QuickFix)) {
    // the same edit reached through two findings (two rules on one value) is offered once
    const offeredEdits = new Set<string>();
    const asked = params.context.diagnostics;
    for (const finding of findings) {
      if (!finding.fixes?.length || !overlaps(finding.range, params.range)) continue;
      const shown = asked.find((d) => d.code === finding.ruleId && sameRange(d.range, finding.range));
      // the editor asks for the diagnostics under the cursor: the fixes of other findings there are not theirs
      if (asked.length > 0 && !shown) continue;
      const diagnostic = shown ?? toDiagnostic(finding, docs);
      offeredFixes().offeredFixes(finding, file!).forEach((fix, i) => {
        const edit = workspaceEditOf(fix, params.textDocument.uri, support);
        if (!edit) return;
        const editKey = JSON.stringify(edit);
        if (offeredEdits.has(editKey)) return;
        offeredEdits.add(editKey);
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: i === 0 && fix.safe === true,
          edit,
        });
      });
    }
  }

  if (wants(FIX_ALL_KIND) && (only?.length ?? 0) > 0) {
    const edits = file ? offeredFixes().fixAllEdits(findings, file) : [];
    if (edits.length) {
      actions.push({ title: 'Fix all safe Mendix Email problems', kind: FIX_ALL_KIND, edit: { changes: { [params.textDocument.uri]: edits } } });
    }
  }
  return actions;
}

