// Problems in a `.mendix-email.json` show on that file even when it is not open: a target
// that silently does not apply is worse than a squiggle in a file you did not expect. While
// the file is open, the open text is checked instead (see runCheck), so this stays out.
import { existsSync } from 'node:fs';
import { uriOfPath } from './documentUris';
import type { Connection, Diagnostic } from 'vscode-languageserver/node';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { LoadedProjectConfig } from '../core/settings';
import type { ProjectConfigCache } from '../config/projectConfig';
import { DIAGNOSTIC_SOURCE } from './toDiagnostic';

export const CONFIG_PROBLEM_CODE = 'invalid-project-config';

export function configProblemDiagnostics(problems: LoadedProjectConfig['problems']): Diagnostic[] {
  return problems.map((p) => ({
    range: p.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code: CONFIG_PROBLEM_CODE,
    message: p.message,
  }));
}

export class ConfigProblems {
  /** config file path → the problems last published for it (as JSON, to publish only changes) */
  private readonly shown = new Map<string, string>();
  private readonly open = new Set<string>();

  constructor(
    private readonly connection: Connection,
    /** the session's configs: a closed config is read again through them */
    private readonly projectConfigs: ProjectConfigCache,
  ) {}

  /** A check used this config file (as loaded from disk). */
  loaded(loaded: LoadedProjectConfig): void {
    if (this.open.has(loaded.file)) return;
    const key = JSON.stringify(loaded.problems);
    if (this.shown.get(loaded.file) === key) return;
    if (key === '[]' && !this.shown.has(loaded.file)) return; // nothing to show, nothing to clear
    this.shown.set(loaded.file, key);
    void this.connection.sendDiagnostics({ uri: uriOfPath(loaded.file), diagnostics: configProblemDiagnostics(loaded.problems) });
  }

  /** The config file is open in the editor: its document's check owns its diagnostics now. */
  documentChecked(file: string): void {
    this.open.add(file);
    this.shown.delete(file);
  }

  /** Closed again: show what the saved file has. */
  documentClosed(file: string): void {
    this.open.delete(file);
    if (!existsSync(file)) return;
    this.projectConfigs.invalidate(file);
    const saved = this.projectConfigs.for(file);
    if (saved && saved.file === file) this.loaded(saved);
  }

  /** The file was deleted (or changed: the next check publishes again). */
  changedOnDisk(file: string, deleted: boolean): void {
    if (!deleted || !this.shown.has(file)) return;
    this.shown.delete(file);
    void this.connection.sendDiagnostics({ uri: uriOfPath(file), diagnostics: [] });
  }
}
