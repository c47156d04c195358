// The one way the extension asks DNS anything: Node's c-ares resolver with a per-query
// timeout, one retry, a cache keyed by name + type, and in-flight de-duplication (ten
// files naming one domain ask once). Every lookup ends in one of three outcomes, so a
// timeout can never be mistaken for "does not exist".
import { Resolver } from 'node:dns/promises';
import { isIP } from 'node:net';

export type RecordType = 'A' | 'AAAA' | 'MX' | 'TXT';

export interface MxRecord {
  exchange: string;
  priority: number;
}

export interface RecordsOf {
  A: string[];
  AAAA: string[];
  MX: MxRecord[];
  /** One string per TXT record, its character-strings joined without spaces (RFC 7208 §3.3). */
  TXT: string[];
}

/** Why a lookup could not tell us anything: never evidence that a name does not exist. */
export type CouldNotCheckReason =
  | 'timeout'
  | 'server-failure' // SERVFAIL
  | 'refused' // REFUSED
  | 'unreachable' // ECONNREFUSED, no network, no servers
  | 'budget' // the document's DNS time budget ran out
  | 'cancelled'
  | 'bad-response'
  /** NXDOMAIN for a name that exists everywhere (domainExists.ts RESOLVER_CANARY): DNS filtering or a sinkhole */
  | 'answers-nothing-exists'
  | 'error';

export type Lookup<T extends RecordType = RecordType> =
  | { outcome: 'answer'; records: RecordsOf[T] }
  /** NXDOMAIN: the name does not exist at all. */
  | { outcome: 'nxdomain' }
  /** NOERROR without records of this type (the name may exist with other types). */
  | { outcome: 'nodata' }
  | { outcome: 'could-not-check'; reason: CouldNotCheckReason; code?: string };

export interface LookupOptions {
  /** Aborting (or the signal's deadline passing) makes the lookup end at once as could-not-check. */
  signal?: AbortSignal;
}

export interface DnsResolver {
  lookup<T extends RecordType>(name: string, type: T, options?: LookupOptions): Promise<Lookup<T>>;
  /** Servers in use, as `host:port` strings (empty: the system's). */
  readonly servers: readonly string[];
  /** Configured servers that are not `IP[:port]` (c-ares takes addresses only); ignored. */
  readonly rejectedServers: readonly string[];
  /** Questions sent to the network (cache hits and shared in-flight lookups not counted). */
  readonly sent: number;
  clearCache(): void;
  /** Ends every outstanding query at once (shutdown, tests); their callers get could-not-check. */
  cancelAll(): void;
}

export interface ResolverOptions {
  /** `host:port`, `host`, or `[v6]:port`; default: the system's resolvers. */
  servers?: readonly string[];
  /** Per try; default 2500 ms. */
  timeoutMs?: number;
  /** Extra tries after a timeout; default 1. */
  retries?: number;
  /** Longest time an answer is reused; default 5 minutes (A/AAAA use the record TTL when shorter). */
  maxCacheMs?: number;
  /** How long NXDOMAIN / NODATA is remembered; default 60 s. */
  negativeCacheMs?: number;
  /** How long a failure is remembered, so that typing does not re-wait a dead server; default 30 s. */
  failureCacheMs?: number;
  /** Injectable clock (ms) for the cache; default Date.now. */
  now?: () => number;
}

interface CacheEntry {
  result: Lookup;
  expires: number;
}

export function createResolver(options: ResolverOptions = {}): DnsResolver {
  const timeoutMs = options.timeoutMs ?? 2500;
  const retries = options.retries ?? 1;
  const maxCacheMs = options.maxCacheMs ?? 5 * 60_000;
  const negativeCacheMs = Math.min(options.negativeCacheMs ?? 60_000, maxCacheMs);
  const failureCacheMs = options.failureCacheMs ?? 30_000;
  const now = options.now ?? Date.now;
  const written = (options.servers ?? []).map((s) => s.trim()).filter(Boolean);
  const servers = written.filter(isServerAddress);
  const rejectedServers = written.filter((s) => !isServerAddress(s));

  // Retries are ours (c-ares backs off its own retries to several times the timeout).
  const resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
  if (servers.length) resolver.setServers(servers);

  const cache = new Map<string, CacheEntry>();
  const inFlight = new Map<string, Promise<Lookup>>();
  let sent = 0;

  async function ask(name: string, type: RecordType): Promise<{ result: Lookup; ttlMs?: number }> {
    for (let attempt = 0; ; attempt++) {
      sent++;
      try {
        return await query(resolver, name, type);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        const result = classify(code);
        if (result.outcome === 'could-not-check' && result.reason === 'timeout' && attempt < retries) continue;
        return { result };
      }
    }
  }

  function start(name: string, type: RecordType, key: string): Promise<Lookup> {
    const promise = ask(name, type).then(({ result, ttlMs }) => {
      inFlight.delete(key);
      const life =
        result.outcome === 'answer'
          ? Math.min(maxCacheMs, ttlMs ?? maxCacheMs)
          : result.outcome === 'could-not-check'
            ? failureCacheMs
            : negativeCacheMs;
      const cancelled = result.outcome === 'could-not-check' && result.reason === 'cancelled';
      if (life > 0 && !cancelled) cache.set(key, { result, expires: now() + life });
      return result;
    });
    inFlight.set(key, promise);
    return promise;
  }

  return {
    servers,
    rejectedServers,
    get sent() {
      return sent;
    },
    clearCache: () => cache.clear(),
    cancelAll: () => resolver.cancel(),
    lookup<T extends RecordType>(rawName: string, type: T, lookupOptions: LookupOptions = {}): Promise<Lookup<T>> {
      const name = rawName.trim().toLowerCase().replace(/\.$/, '');
      const key = `${type} ${name}`;
      const signal = lookupOptions.signal;
      if (signal?.aborted) return Promise.resolve(stopped(signal) as Lookup<T>);
      const cached = cache.get(key);
      if (cached && cached.expires > now()) return Promise.resolve(cached.result as Lookup<T>);
      if (cached) cache.delete(key);
      const shared = inFlight.get(key) ?? start(name, type, key);
      return (signal ? raceAbort(shared, signal) : shared) as Promise<Lookup<T>>;
    },
  };
}

async function query(resolver: Resolver, name: string, type: RecordType): Promise<{ result: Lookup; ttlMs?: number }> {
  switch (type) {
    case 'A':
    case 'AAAA': {
      const records = type === 'A' ? await resolver.resolve4(name, { ttl: true }) : await resolver.resolve6(name, { ttl: true });
      const ttl = Math.min(...records.map((r) => r.ttl));
      return {
        result: { outcome: 'answer', records: records.map((r) => r.address) },
        ttlMs: Number.isFinite(ttl) ? ttl * 1000 : undefined,
      };
    }
    case 'MX':
      return { result: { outcome: 'answer', records: await resolver.resolveMx(name) } };
    case 'TXT':
      return { result: { outcome: 'answer', records: (await resolver.resolveTxt(name)).map((chunks) => chunks.join('')) } };
  }
}

/** c-ares error codes → the three outcomes. */
function classify(code: string): Lookup {
  switch (code) {
    case 'ENOTFOUND':
      return { outcome: 'nxdomain' };
    case 'ENODATA':
      return { outcome: 'nodata' };
    case 'ETIMEOUT':
      return { outcome: 'could-not-check', reason: 'timeout', code };
    case 'ESERVFAIL':
      return { outcome: 'could-not-check', reason: 'server-failure', code };
    case 'EREFUSED':
      return { outcome: 'could-not-check', reason: 'refused', code };
    case 'ECONNREFUSED':
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
    case 'ECONNRESET':
    case 'EOF':
    case 'ENOSERVERS':
      return { outcome: 'could-not-check', reason: 'unreachable', code };
    case 'ECANCELLED':
    case 'EDESTRUCTION':
      return { outcome: 'could-not-check', reason: 'cancelled', code };
    case 'EBADRESP':
    case 'EFORMERR':
    case 'EBADFAMILY':
      return { outcome: 'could-not-check', reason: 'bad-response', code };
    default:
      return { outcome: 'could-not-check', reason: 'error', code: code || undefined };
  }
}

function stopped(signal: AbortSignal): Lookup {
  const isBudget = signal.reason instanceof DOMException && signal.reason.name === 'TimeoutError';
  return { outcome: 'could-not-check', reason: isBudget ? 'budget' : 'cancelled' };
}

/** The shared lookup keeps running (other callers may want it); this caller stops waiting. */
function raceAbort(promise: Promise<Lookup>, signal: AbortSignal): Promise<Lookup> {
  return new Promise((resolve) => {
    const onAbort = () => resolve(stopped(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then((result) => {
      signal.removeEventListener('abort', onAbort);
      resolve(result);
    });
  });
}

/** Human words for a could-not-check reason (output channel, status item detail). */
export function describeReason(reason: CouldNotCheckReason): string {
  switch (reason) {
    case 'timeout':
      return 'the DNS server did not answer in time';
    case 'server-failure':
      return 'the DNS server failed (SERVFAIL)';
    case 'refused':
      return 'the DNS server refused the query';
    case 'unreachable':
      return 'no DNS server could be reached (offline?)';
    case 'budget':
      return 'the time allowed for DNS checks of this file ran out';
    case 'cancelled':
      return 'the check was cancelled';
    case 'bad-response':
      return 'the DNS server sent a malformed answer';
    case 'answers-nothing-exists':
      return 'this resolver answers that nothing exists (it says even "com" does not exist: DNS filtering or a sinkhole)';
    default:
      return 'the DNS lookup failed';
  }
}

/** `1.2.3.4`, `1.2.3.4:53`, `::1`, `[::1]:53`: the forms c-ares accepts. */
export function isServerAddress(server: string): boolean {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(server);
  if (bracketed) return isIP(bracketed[1]) === 6 && validPort(bracketed[2]);
  if (isIP(server)) return true;
  const v4 = /^([\d.]+):(\d{1,5})$/.exec(server);
  return !!v4 && isIP(v4[1]) === 4 && validPort(v4[2]);
}

function validPort(port: string | undefined): boolean {
  return port === undefined || (Number(port) >= 1 && Number(port) <= 65535);
}
