// The language server's hook-up of the DNS rules, in one call from startServer:
//   const online = wireOnlineChecks(connection, diagnostics);   // after `new DiagnosticsService(…)`
// DiagnosticsService publishes the offline diagnostics first, asks this only when online
// checks are allowed (trusted workspace, setting and config file), aborts it when the document
// changes, and publishes what this returns: the offline and DNS findings as one list under the
// policy (engine/policy.ts), so the editor shows the CLI's severities, suppressions and order.
import type { Connection } from 'vscode-languageserver/node';
import type { DiagnosticsService } from './diagnostics';
import type { DocumentCheck } from './runCheck';
import type { CouldNotCheck, OnlineInput } from '../engine/online';
import { mergeFindings } from '../engine/policy';
import { createOnlineChecks, type OnlineChecks, type OnlineRequest } from '../rules/online/session';

export interface WiredOnlineChecks extends OnlineChecks {
  /** What the last finished DNS check of a document could not check (for the status item's detail). */
  couldNotCheckFor(uri: string): CouldNotCheck[];
}

export function wireOnlineChecks(connection: Connection, diagnostics: DiagnosticsService): WiredOnlineChecks {
  const online = createOnlineChecks({ log: (line) => connection.console.info(line) });
  const unchecked = new Map<string, CouldNotCheck[]>();
  diagnostics.setOnlineCheck(async (check, signal) => {
    // taken now: the service may release a kept result before the answers come
    const checked = check.result;
    if (!checked) return undefined;
    const result = await online.run(onlineRequestFor(check, checked), signal);
    if (!signal.aborted) {
      if (result.couldNotCheck.length) unchecked.set(check.uri, result.couldNotCheck);
      else unchecked.delete(check.uri);
    }
    // one policy call over both lists, as the CLI does (cli/online.ts)
    return result.findings.length ? mergeFindings(checked.findings, result.findings, checked.read.suppressions) : undefined;
  });
  return { ...online, couldNotCheckFor: (uri) => unchecked.get(uri) ?? [] };
}

/** The DNS servers: the project file's `dns.servers` win over the setting `mendixEmail.dns.servers`. */
export function onlineRequestFor(check: DocumentCheck, prepared: OnlineInput): OnlineRequest {
  const fromConfig = check.projectConfig?.config.dns?.servers ?? [];
  return {
    prepared,
    servers: fromConfig.length ? fromConfig : check.settings.dns.servers,
    options: { projectConfig: check.projectConfig, ruleSeverities: check.settings.rules },
    label: check.path,
  };
}
