// A real DNS server on 127.0.0.1 (UDP) for tests and benchmarks: serves a small zone,
// counts every query it receives, and can misbehave on purpose (never answer, SERVFAIL,
// REFUSED, answer late). Reused by the DNS, LSP and CLI suites.
//
//   const dns = await startDnsServer({ zone: { 'example.org': { MX: [{ preference: 10, exchange: 'mx.example.org' }] } } });
//   resolver servers: [dns.address]   // "127.0.0.1:PORT"
//   dns.queries                        // every question received, in order
//   await dns.close();
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import * as packet from 'dns-packet';

export type Behaviour = 'answer' | 'nxdomain' | 'servfail' | 'refused' | 'timeout';

export interface ZoneEntry {
  A?: string[];
  AAAA?: string[];
  MX?: { preference: number; exchange: string }[];
  /** Each record is one string, or the character-strings of one record (joined without spaces, RFC 7208 §3.3). */
  TXT?: (string | string[])[];
  CNAME?: string;
  /** How the server treats any question for this name; default 'answer'. */
  behaviour?: Behaviour;
  /** Record TTL in seconds; default 300. */
  ttl?: number;
}

export interface DnsServerOptions {
  /** Names (lower case, no trailing dot) → records. A name not listed gets NXDOMAIN. */
  zone?: Record<string, ZoneEntry>;
  /** Answer this many milliseconds after the question arrives (0: at once). */
  delayMs?: number;
  /** What to do with a name that is not in the zone; default 'nxdomain'. */
  unknown?: Behaviour;
  /**
   * A single-label name not in the zone (`com`, `net`) exists without records (NOERROR, no
   * answers), as top-level domains do in real DNS; the domain-not-found canary asks `com`.
   * false: a sinkhole, NXDOMAIN for those too. Default true.
   */
  topLevelDomainsExist?: boolean;
}

export interface ReceivedQuery {
  name: string;
  type: string;
}

export interface TestDnsServer {
  port: number;
  /** "127.0.0.1:PORT", the form the resolver's `servers` option takes. */
  address: string;
  queries: ReceivedQuery[];
  /** How many questions arrived for this name (and type, when given). */
  count(name: string, type?: string): number;
  zone: Record<string, ZoneEntry>;
  setDelay(ms: number): void;
  close(): Promise<void>;
}

export async function startDnsServer(options: DnsServerOptions = {}): Promise<TestDnsServer> {
  const zone: Record<string, ZoneEntry> = {};
  for (const [name, entry] of Object.entries(options.zone ?? {})) zone[normalise(name)] = entry;
  let delayMs = options.delayMs ?? 0;
  const queries: ReceivedQuery[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const socket: Socket = createSocket('udp4');

  socket.on('message', (message: Buffer, remote: RemoteInfo) => {
    let request: packet.Packet;
    try {
      request = packet.decode(message);
    } catch {
      return; // not DNS: ignore, as a real server would
    }
    const question = request.questions?.[0];
    if (!question) return;
    queries.push({ name: normalise(question.name), type: question.type });
    const response = answer(request, question, zone, options.unknown ?? 'nxdomain', options.topLevelDomainsExist ?? true);
    if (!response) return; // 'timeout': never answer
    const send = () => socket.send(packet.encode(response), remote.port, remote.address);
    if (delayMs <= 0) return send();
    const timer = setTimeout(() => {
      timers.delete(timer);
      send();
    }, delayMs);
    timers.add(timer);
  });

  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => resolve());
  });
  const port = socket.address().port;

  return {
    port,
    address: `127.0.0.1:${port}`,
    queries,
    zone,
    count: (name, type) =>
      queries.filter((q) => q.name === normalise(name) && (type === undefined || q.type === type)).length,
    setDelay: (ms) => {
      delayMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        socket.close(() => resolve());
      }),
  };
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

const RCODE: Record<Exclude<Behaviour, 'answer' | 'timeout'>, string> = {
  nxdomain: 'NXDOMAIN',
  servfail: 'SERVFAIL',
  refused: 'REFUSED',
};

function answer(
  request: packet.Packet,
  question: packet.Question,
  zone: Record<string, ZoneEntry>,
  unknown: Behaviour,
  topLevelDomainsExist: boolean,
): packet.Packet | undefined {
  const name = normalise(question.name);
  const entry = zone[name] ?? (topLevelDomainsExist && unknown === 'nxdomain' && !name.includes('.') ? {} : undefined);
  const behaviour = entry ? (entry.behaviour ?? 'answer') : unknown;
  if (behaviour === 'timeout') return undefined;
  const base = {
    id: request.id,
    type: 'response' as const,
    // QR + AA + RD echoed + RA; the rcode is set below.
    flags: packet.AUTHORITATIVE_ANSWER | packet.RECURSION_DESIRED | packet.RECURSION_AVAILABLE,
    questions: [question],
  };
  if (behaviour !== 'answer') {
    return { ...base, flags: base.flags | rcodeBits(RCODE[behaviour]), answers: [] };
  }
  if (!entry) return { ...base, flags: base.flags | rcodeBits('NXDOMAIN'), answers: [] };
  const ttl = entry.ttl ?? 300;
  const answers: packet.Answer[] = [];
  if (entry.CNAME) {
    answers.push({ type: 'CNAME', name: question.name, ttl, class: 'IN', data: entry.CNAME });
  } else if (question.type === 'A') {
    for (const ip of entry.A ?? []) answers.push({ type: 'A', name: question.name, ttl, class: 'IN', data: ip });
  } else if (question.type === 'AAAA') {
    for (const ip of entry.AAAA ?? []) answers.push({ type: 'AAAA', name: question.name, ttl, class: 'IN', data: ip });
  } else if (question.type === 'MX') {
    for (const mx of entry.MX ?? []) answers.push({ type: 'MX', name: question.name, ttl, class: 'IN', data: mx });
  } else if (question.type === 'TXT') {
    for (const txt of entry.TXT ?? []) {
      const strings = (Array.isArray(txt) ? txt : chunk(txt)).map((s) => Buffer.from(s));
      answers.push({ type: 'TXT', name: question.name, ttl, class: 'IN', data: strings });
    }
  }
  return { ...base, answers }; // no records of that type: NOERROR with no answers (NODATA)
}

/** A TXT character-string holds at most 255 bytes; long records are split like real zones do. */
function chunk(text: string): string[] {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += 255) parts.push(text.slice(i, i + 255));
  return parts.length ? parts : [''];
}

function rcodeBits(name: string): number {
  // dns-packet keeps the rcode in the low 4 bits of the flags word.
  const codes: Record<string, number> = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 };
  return codes[name] ?? 0;
}
