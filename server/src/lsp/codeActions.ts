// Quick fixes are data carried on the findings (rules decide the edits); this only hands
// them to the editor for the diagnostics under the cursor, and offers "fix all" for the
// safe ones.
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver/node';
import type { Finding, Range } from '../core/types';
import type { DocumentCheck } from './runCheck';
import { toDiagnostic, type RuleDocs } from './toDiagnostic';

// The kind named in the issue; users put it in editor.codeActionsOnSave.
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.mendixEmail`;

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export function codeActionsFor(params: CodeActionParams, check: DocumentCheck | undefined, docs: RuleDocs): CodeAction[] {
  const findings = check?.result?.findings ?? [];
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));

  if (wants(CodeActionKind.QuickFix)) {
    for (const finding of findings) {
      if (!finding.fixes?.length || !overlaps(finding.range, params.range)) continue;
      const shown = params.context.diagnostics.find((d) => d.code === finding.ruleId && sameRange(d.range, finding.range));
      const diagnostic = shown ?? toDiagnostic(finding, docs);
      finding.fixes.forEach((fix, i) => {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: i === 0 && fix.safe === true,
          edit: { changes: { [params.textDocument.uri]: fix.edits } },
        });
      });
    }
  }

  if (wants(FIX_ALL_KIND) && (only?.length ?? 0) > 0) {
    const edits = safeEdits(findings);
    if (edits.length) {
      actions.push({ title: 'Fix all safe Mendix Email problems', kind: FIX_ALL_KIND, edit: { changes: { [params.textDocument.uri]: edits } } });
    }
  }
  return actions;
}

/** The first safe fix of each finding, dropping any edit that overlaps one already taken. */
function safeEdits(findings: Finding[]) {
  const taken: Finding['range'][] = [];
  const edits = [];
  for (const finding of findings) {
    const fix = finding.fixes?.find((f) => f.safe);
    if (!fix || fix.edits.some((e) => taken.some((r) => overlaps(r, e.range)))) continue;
    for (const edit of fix.edits) {
      taken.push(edit.range);
      edits.push(edit);
    }
  }
  return edits;
}
