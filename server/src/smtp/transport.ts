// nodemailer connection options from the settings: implicit TLS or STARTTLS, certificate
// verification on, one host's private CA or self-signed certificate trusted on request,
// and timeouts bounded so a filtered port fails in seconds, not minutes.
import { readCertificate } from '../services/readFile';
import { hostname } from 'node:os';
import type { ConnectionOptions } from 'node:tls';
import type { SmtpSettings } from './settings';

export const DEFAULT_TIMEOUT_SECONDS = 10;
/** the whole send or verify may take this many times the timeout, however the stages share it */
export const OVERALL_TIMEOUT_FACTOR = 4;

export interface TransportOptions {
  /** each stage (connect, greeting, TLS, each reply) is bounded by this, the whole session by 4× it; default 10 s */
  timeoutSeconds?: number;
  /** host name → PEM file (a CA or the server's self-signed certificate), for that host only */
  trustedCertificates?: Record<string, string>;
  /** name sent with EHLO; default this machine's name */
  clientName?: string;
}

export interface TransportPlan {
  secure: boolean;
  requireTLS: boolean;
  connectionTimeout: number;
  greetingTimeout: number;
  socketTimeout: number;
  /** each stage must finish (a complete reply, a finished handshake) within this, however slowly bytes trickle in */
  stageTimeout: number;
  /** the whole send or verify, DNS to the last reply */
  overallTimeout: number;
  name: string;
  tls: ConnectionOptions;
  /** the certificate file trusted for this host, when one is */
  trustedFile?: string;
}

export class TrustFileError extends Error {}

/** The certificate file trusted for this host, matched case-insensitively; never a wildcard. */
export function trustedFileFor(host: string, trusted: Record<string, string> | undefined): string | undefined {
  if (!trusted) return undefined;
  const wanted = host.toLowerCase().replace(/\.$/, '');
  for (const [h, file] of Object.entries(trusted)) if (h.toLowerCase().replace(/\.$/, '') === wanted && file) return file;
  return undefined;
}

export function planTransport(settings: SmtpSettings, options: TransportOptions = {}): TransportPlan {
  const seconds = options.timeoutSeconds && options.timeoutSeconds > 0 ? options.timeoutSeconds : DEFAULT_TIMEOUT_SECONDS;
  const ms = Math.round(seconds * 1000);
  const tls: ConnectionOptions = { rejectUnauthorized: true };
  const trustedFile = trustedFileFor(settings.host, options.trustedCertificates);
  if (trustedFile) {
    const read = readCertificate(trustedFile);
    if ('notRead' in read) throw new TrustFileError(`the certificate file ${trustedFile} trusted for ${settings.host} was not read: ${read.notRead}`);
    const pem = read.text;
    if (!/-----BEGIN CERTIFICATE-----/.test(pem)) throw new TrustFileError(`${trustedFile} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
    // for this host the file is the trust anchor (like curl --cacert): a private CA or a
    // self-signed certificate. Not adding the ~140 public roots also saves ~200 ms of
    // building a certificate store on every test send.
    tls.ca = pem;
  }
  return {
    secure: settings.secure,
    requireTLS: settings.requireStartTls,
    connectionTimeout: ms,
    greetingTimeout: ms,
    socketTimeout: ms,
    stageTimeout: ms,
    overallTimeout: ms * OVERALL_TIMEOUT_FACTOR,
    name: options.clientName ?? safeHostname(),
    tls,
    trustedFile,
  };
}

function safeHostname(): string {
  try {
    return hostname() || 'localhost';
  } catch {
    return 'localhost';
  }
}
