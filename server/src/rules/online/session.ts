// What the language server keeps between checks: one resolver (and so one cache) per set of
// DNS servers, shared by every document, and a log line for each name that could not be
// checked. The LSP calls run() after publishing the offline findings, with the document's
// AbortSignal (aborted when the document changes or closes).
import type { CheckOptions } from '../../core/settings';
import { createResolver, describeReason, type CouldNotCheckReason, type DnsResolver } from '../../dns/resolver';
import { checkOnline, type OnlineCheckResult, type OnlineInput } from '../../engine/online';

export interface OnlineChecksOptions {
  /** One line per DNS name that could not be checked (output channel); names only, never values. */
  log?: (line: string) => void;
  /** Per file; default DEFAULT_DNS_BUDGET_MS. */
  budgetMs?: number;
  /** Per query; default 2500 ms. */
  timeoutMs?: number;
}

export interface OnlineRequest {
  /** the checked file as prepared (the check's result): path, mail settings, disable comments */
  prepared: OnlineInput;
  /** `IP[:port]`; empty or undefined: the system's resolvers. */
  servers?: readonly string[];
  /** projectConfig + ruleSeverities, as given to checkDocument (severities, 'off'). */
  options?: CheckOptions;
  /** The file, for log lines. */
  label?: string;
}

export interface OnlineChecks {
  run(request: OnlineRequest, signal?: AbortSignal): Promise<OnlineCheckResult>;
  /** Forget every cached answer (a "re-check" command). */
  clearCache(): void;
  dispose(): void;
}

export function createOnlineChecks(settings: OnlineChecksOptions = {}): OnlineChecks {
  const resolvers = new Map<string, DnsResolver>();
  const log = settings.log ?? (() => undefined);

  const resolverFor = (servers: readonly string[]): DnsResolver => {
    const key = servers.join(' ');
    let resolver = resolvers.get(key);
    if (!resolver) {
      resolver = createResolver({ servers, timeoutMs: settings.timeoutMs });
      if (resolver.rejectedServers.length) {
        log(`DNS: ignoring servers that are not IP[:port]: ${resolver.rejectedServers.join(', ')}`);
      }
      resolvers.set(key, resolver);
    }
    return resolver;
  };

  return {
    async run(request, signal) {
      const result = await checkOnline(request.prepared, {
        resolver: resolverFor(request.servers ?? []),
        signal,
        budgetMs: settings.budgetMs,
        options: request.options,
      });
      // A superseded run is not news; its successor logs what still fails.
      if (!signal?.aborted) {
        for (const item of result.couldNotCheck) {
          log(`DNS: could not check ${item.type} ${item.name}${request.label ? ` (${request.label})` : ''}: ${describeReason(item.reason as CouldNotCheckReason)}`);
        }
      }
      return result;
    },
    clearCache: () => {
      for (const resolver of resolvers.values()) resolver.clearCache();
    },
    dispose: () => {
      for (const resolver of resolvers.values()) resolver.cancelAll();
      resolvers.clear();
    },
  };
}
