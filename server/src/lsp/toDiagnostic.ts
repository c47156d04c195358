// Finding (core data) → LSP Diagnostic: the LSP layer only translates. The rule id is the
// diagnostic's code and links to the rule's page on the web (an https URL derived from
// package.json's repository, which any editor and the Problems panel can open); the
// extension's "Show Rule Documentation" command shows the copy shipped in the package
// offline. An editor that serves the pages elsewhere can pass another base.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { ruleDocUrl } from '../core/links';
import type { Finding, Severity } from '../core/types';
import { escapeControls } from '../core/visibleText';

export const DIAGNOSTIC_SOURCE = 'mendix-email';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export class RuleDocs {
  private base: string | undefined;

  /** Links to `<base><rule-id>.md` instead of the rule pages on the web (an editor that serves the docs elsewhere). */
  useBase(base: string | undefined): void {
    this.base = base || undefined;
  }

  /** The link for a rule: its page on the web, derived from package.json's repository. */
  href(ruleId: string): string {
    return this.base ? `${this.base}${encodeURIComponent(ruleId)}.md` : ruleDocUrl(ruleId);
  }
}

export function toDiagnostic(finding: Finding, docs: RuleDocs): Diagnostic {
  const href = docs.href(finding.ruleId);
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity] ?? DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: { href },
    message: escapeControls(finding.message),
  };
}
