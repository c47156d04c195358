// The language server's hook-up of the DNS rules, in one call from startServer:
//   const online = wireOnlineChecks(connection, diagnostics);   // after `new DiagnosticsService(…)`
// DiagnosticsService publishes the offline diagnostics first, asks this only when online
// checks are allowed (trusted workspace, setting and config file), aborts it when the document
// changes, and publishes the DNS findings with the offline ones when they arrive.
import type { Connection } from 'vscode-languageserver/node';
import type { DiagnosticsService } from './diagnostics';
import type { DocumentCheck } from './runCheck';
import type { CouldNotCheck } from '../engine/online';
import { createOnlineChecks, type OnlineChecks, type OnlineRequest } from '../rules/online/session';

export interface WiredOnlineChecks extends OnlineChecks {
  /** What the last finished DNS check of a document could not check (for the status item's detail). */
  couldNotCheckFor(uri: string): CouldNotCheck[];
}

export function wireOnlineChecks(connection: Connection, diagnostics: DiagnosticsService): WiredOnlineChecks {
  const online = createOnlineChecks({ log: (line) => connection.console.info(line) });
  const unchecked = new Map<string, CouldNotCheck[]>();
  diagnostics.setOnlineCheck(async (check, signal) => {
    if (!check.result) return [];
    const result = await online.run(onlineRequestFor(check), signal);
    if (!signal.aborted) {
      if (result.couldNotCheck.length) unchecked.set(check.uri, result.couldNotCheck);
      else unchecked.delete(check.uri);
    }
    return result.findings;
  });
  return { ...online, couldNotCheckFor: (uri) => unchecked.get(uri) ?? [] };
}

/** The DNS servers: the project file's `dns.servers` win over the setting `mendixEmail.dns.servers`. */
export function onlineRequestFor(check: DocumentCheck): OnlineRequest {
  const fromConfig = check.projectConfig?.config.dns?.servers ?? [];
  return {
    settings: check.result?.settings ?? [],
    servers: fromConfig.length ? fromConfig : check.settings.dns.servers,
    options: { projectConfig: check.projectConfig, ruleSeverities: check.settings.rules },
    path: check.path,
    suppressions: check.result?.read.suppressions,
    label: check.path,
  };
}
