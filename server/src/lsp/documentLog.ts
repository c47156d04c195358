// Tells the output channel which config file and which target applied to each document —
// once when it is first checked and again whenever that changes, not on every keystroke.
// Never logs values: only names, paths, targets and counts.
import { basename } from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import type { DocumentCheck } from './runCheck';

export class DocumentLog {
  private readonly said = new Map<string, string>();

  constructor(private readonly connection: Connection) {}

  checked(check: DocumentCheck): void {
    const line = describe(check);
    if (this.said.get(check.uri) === line) return;
    this.said.set(check.uri, line);
    this.connection.console.info(line);
  }

  forget(uri: string): void {
    this.said.delete(uri);
  }
}

function describe(check: DocumentCheck): string {
  const name = basename(check.path) || check.uri;
  if (check.configFileProblems) {
    return `${check.uri}: project config file, ${plural(check.configFileProblems.length, 'problem')}`;
  }
  if (!check.result) return `${check.uri}: not a Mendix settings file (${name}); not checked`;
  const config = check.projectConfig
    ? `config ${check.projectConfig.file}${check.projectConfig.problems.length ? ` (${plural(check.projectConfig.problems.length, 'problem')})` : ''}`
    : 'no .mendix-email.json';
  const target = check.target ? `target ${check.target.target} (${check.target.detail})` : 'no target';
  return `${check.uri}: ${check.result.read.kind}, ${target}, ${config}, ${plural(check.result.read.scopes.length, 'scope')}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
