// Finding (core data) → LSP Diagnostic: the LSP layer only translates. The rule id is the
// diagnostic's code and links to the rule's page. The pages ship inside the extension
// (docs/rules/<id>.md beside dist/), so the link is a file URI that opens in the editor and
// works offline; an editor that runs the server from elsewhere can pass another base.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding, Severity } from '../core/types';

export const DIAGNOSTIC_SOURCE = 'mendix-email';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** docs/rules next to the bundle (dist/server.js → ../docs/rules) or the source tree (server/src/lsp → ../../../docs/rules). */
function findShippedRuleDocs(): string | undefined {
  let folder = __dirname;
  for (let i = 0; i < 4; i++) {
    const candidate = join(folder, 'docs', 'rules');
    if (existsSync(candidate)) return candidate;
    folder = dirname(folder);
  }
  return undefined;
}

export class RuleDocs {
  private readonly hrefs = new Map<string, string | undefined>();
  private base: string | undefined;
  private readonly folder = findShippedRuleDocs();

  /** Links to `<base><rule-id>.md` instead of the shipped pages (an editor that serves the docs elsewhere). */
  useBase(base: string | undefined): void {
    this.base = base || undefined;
    this.hrefs.clear();
  }

  /** The link for a rule, or undefined when there is no page to open (better no link than a dead one). */
  href(ruleId: string): string | undefined {
    if (this.hrefs.has(ruleId)) return this.hrefs.get(ruleId);
    let href: string | undefined;
    if (this.base) href = `${this.base}${encodeURIComponent(ruleId)}.md`;
    else if (this.folder) {
      const page = join(this.folder, `${ruleId}.md`);
      href = existsSync(page) ? pathToFileURL(page).href : undefined;
    }
    this.hrefs.set(ruleId, href);
    return href;
  }
}

export function toDiagnostic(finding: Finding, docs: RuleDocs): Diagnostic {
  const href = docs.href(finding.ruleId);
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity] ?? DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    message: finding.message,
  };
}
