// One SMTP session, stage by stage, the way swaks reports it: DNS, connect, TLS, greeting,
// EHLO, STARTTLS, AUTH, then (for a send) MAIL FROM, RCPT TO, DATA. Never throws: every
// outcome, cancellation included, is a report with a cause and a fix.
import { lookup } from 'node:dns/promises';
import { isIP, Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type SMTPConnectionType from 'nodemailer/lib/smtp-connection';
import { explainFailure, type SmtpErrorLike } from './explain';
import { buildTestMessage, type TestMessageOrigin } from './message';
import { SessionRecorder } from './recorder';
import { makeRedactor } from './redact';
import { emptyReport, type SmtpReport, type StageName, type TlsDetails } from './report';
import type { SmtpSettings } from './settings';
import { OVERALL_TIMEOUT_FACTOR, planTransport, TrustFileError, type TransportOptions } from './transport';
import { smtpConnection } from './lazy';

export interface SessionOptions extends TransportOptions {
  /** the password to log in with (from the file, a prompt, the environment); never reported */
  password?: string;
  signal?: AbortSignal;
  /** called when a stage starts, for a progress message */
  onStage?: (stage: StageName) => void;
  /** how the explanation tells the user to trust a certificate (editor vs CLI) */
  trustHint?: string;
}

export interface SendOptions extends SessionOptions {
  to: string;
  origin?: TestMessageOrigin;
}

class StageError extends Error {
  constructor(readonly stage: StageName | 'settings', readonly error: SmtpErrorLike) {
    super(error.message);
  }
}

const COMMAND_STAGE: [RegExp, StageName][] = [
  [/^AUTH/, 'AUTH'],
  [/^MAIL FROM/, 'MAIL FROM'],
  [/^RCPT TO/, 'RCPT TO'],
  [/^DATA/, 'DATA'],
  [/^STARTTLS/, 'STARTTLS'],
  [/^(EHLO|HELO|LHLO)/, 'EHLO'],
];

function describeCert(socket: TLSSocket, how: 'implicit' | 'STARTTLS', trustedFile?: string): TlsDetails {
  const cert = socket.getPeerCertificate?.();
  const dn = (o: unknown) =>
    o && typeof o === 'object' ? Object.entries(o as Record<string, string | string[]>).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`).join(', ') : undefined;
  return {
    how,
    protocol: socket.getProtocol?.() ?? undefined,
    cipher: socket.getCipher?.()?.name,
    ...(cert && Object.keys(cert).length ? { subject: dn(cert.subject), issuer: dn(cert.issuer), validFrom: cert.valid_from, validTo: cert.valid_to } : {}),
    ...(trustedFile ? { trustedFile } : {}),
  };
}

/** Looks the host up with a bound on the time, so a dead resolver cannot hang the test. */
async function resolveHost(host: string, ms: number, signal?: AbortSignal): Promise<string> {
  if (isIP(host)) return host;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`DNS lookup of ${host} timed out`), { code: 'EAI_AGAIN' })), ms);
  });
  const aborted = new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(Object.assign(new Error('cancelled'), { code: 'ABORT_ERR' })), { once: true }));
  try {
    const r = await Promise.race([lookup(host), timeout, aborted]);
    return r.address;
  } finally {
    clearTimeout(timer);
  }
}

/** The AUTH mechanisms the last EHLO offered (after STARTTLS when there was one). */
function authOffered(rec: SessionRecorder): string[] {
  const ehlo = rec.ehloAfterTls ?? rec.ehloBeforeTls ?? [];
  const authLine = ehlo.find((l) => /^AUTH[ =]/i.test(l));
  return authLine ? authLine.slice(5).trim().split(/\s+/).map((m) => m.toUpperCase()) : [];
}

/** Whether part of a reply is waiting for the rest (nodemailer's buffers: no public API says so). */
function partialReply(conn: SMTPConnectionType | undefined): boolean {
  const c = conn as unknown as { _remainder?: string; _responseQueue?: string[] } | undefined;
  return !!c && ((c._remainder?.length ?? 0) > 0 || (c._responseQueue?.length ?? 0) > 0);
}

/** What became of the credentials, in one sentence that is true for how the session ended. */
function credentialsSentence(report: SmtpReport, username: string | undefined, failure?: StageError): string {
  if (report.credentialsTested) return `the credentials were tested: logged in with ${report.authMechanism}`;
  if (failure?.stage === 'AUTH' && report.authMechanism) {
    const reply = failure.error.responseCode ? ` (${failure.error.responseCode})` : '';
    return `the credentials were tried with ${report.authMechanism} and the server rejected them${reply}`;
  }
  if (failure?.stage === 'AUTH') return 'the credentials were NOT tested: no password was given';
  if (!username) return 'the credentials were NOT tested: no username is set';
  const authStage = report.stages.find((s) => s.stage === 'AUTH');
  if (failure && failure.stage !== 'settings' && (!authStage || authStage.status !== 'skipped'))
    return `the credentials were NOT tested: the session failed at ${failure.stage}, before logging in`;
  if (!report.authMechanismsOffered.length) return 'the credentials were NOT tested: the server offered no AUTH';
  return 'the credentials were NOT tested';
}

async function runSession(mode: 'send' | 'verify', settings: SmtpSettings, opts: SessionOptions & Partial<SendOptions>): Promise<SmtpReport> {
  const t0 = performance.now();
  const report = emptyReport(mode, settings);
  if (opts.to) report.recipient = opts.to;
  const redact = makeRedactor(opts.password, settings.username);
  const rec = new SessionRecorder(t0, redact, opts.onStage);
  let conn: SMTPConnectionType | undefined;
  let stopTimers = () => undefined as void;
  const ctx = { host: settings.host, port: settings.port, secure: settings.secure, trustHint: opts.trustHint };

  const finish = (failure?: StageError): SmtpReport => {
    stopTimers();
    rec.freeze();
    const cancelled = failure?.error.code === 'ABORT_ERR';
    report.cancelled = cancelled;
    let failedStage: StageName | undefined;
    if (failure) {
      failedStage = failure.stage === 'settings' ? undefined : failure.stage;
      const explained = explainFailure(failure.stage, failure.error, ctx);
      report.failure = {
        stage: failure.stage,
        message: redact(failure.error.message ?? String(failure.error)),
        ...(failure.error.code ? { code: failure.error.originalCode ?? failure.error.code } : {}),
        ...(failure.error.responseCode ? { responseCode: failure.error.responseCode } : {}),
        cause: redact(explained.cause),
        fix: explained.fix,
      };
    }
    report.stages = rec.results(failedStage, cancelled ? 'cancelled' : 'failed');
    report.transcript = rec.transcript;
    report.ehloBeforeTls = rec.ehloBeforeTls;
    report.ehloAfterTls = rec.ehloAfterTls;
    report.authMechanism = rec.authMechanism;
    // what EHLO offered even when the session stopped before AUTH (a failed STARTTLS)
    if (!report.authMechanismsOffered.length) report.authMechanismsOffered = authOffered(rec);
    report.credentials = credentialsSentence(report, settings.username, failure);
    report.totalMs = Math.round(performance.now() - t0);
    report.ok = !failure;
    if (failure) {
      report.verdict = cancelled
        ? `CANCELLED during ${failure.stage}`
        : `FAILED at ${failure.stage}: ${report.failure!.cause}`;
    } else if (mode === 'verify') {
      const where = `${settings.host}:${settings.port}`;
      report.verdict = report.credentialsTested
        ? `OK: connected to ${where} and logged in with ${report.authMechanism} (nothing was sent)`
        : settings.username
          ? `NOT VERIFIED: connected to ${where}, but the server offered no AUTH, so the credentials were NOT tested`
          : `OK: connected to ${where}; no username is set, so the credentials were NOT tested (nothing was sent)`;
    } else {
      report.verdict = `SENT to ${opts.to}: ${report.finalResponse ?? ''}`.trim();
    }
    return report;
  };

  if (settings.problems.length) {
    return finish(new StageError('settings', { message: `cannot test these settings: ${settings.problems.join('; ')}` }));
  }

  let plan;
  try {
    plan = planTransport(settings, opts);
  } catch (e) {
    if (e instanceof TrustFileError) return finish(new StageError('TLS', { message: e.message, code: 'ETRUSTFILE' }));
    throw e;
  }
  if (plan.trustedFile) report.notes.push(`the certificate in ${plan.trustedFile} is trusted for ${settings.host} (and only for it)`);
  if (opts.signal?.aborted) return finish(new StageError('DNS', { message: 'cancelled', code: 'ABORT_ERR' }));

  // the message is built while the connection is set up, not after it
  const messageReady = mode === 'send' ? buildTestMessage(settings, opts.to!, opts.origin) : undefined;
  messageReady?.catch(() => undefined);

  // every path ends here: the first error, timeout or cancellation settles the session
  let rejectSession: (e: StageError) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (rejectSession = reject));
  failed.catch(() => undefined);
  const giveUp = (e: StageError) => {
    rejectSession(e);
    conn?.close();
  };
  // nodemailer's socket timeout only measures silence, so a server that drips one byte a
  // second never trips it: each stage must make real progress (a complete reply, a finished
  // handshake) within the timeout, and the whole session must end within a few times it
  const stageSeconds = plan.stageTimeout / 1000;
  let stageTimer: NodeJS.Timeout | undefined;
  rec.onProgress = () => {
    clearTimeout(stageTimer);
    stageTimer = setTimeout(() => {
      const stage = rec.current() ?? 'connect';
      const partial = partialReply(conn);
      giveUp(new StageError(stage, {
        code: 'ETIMEDOUT',
        timeoutType: partial ? 'SLOW_REPLY' : 'STAGE_TIMEOUT',
        message: partial
          ? `${stage}: only part of a reply arrived within ${stageSeconds} s (the server sends it too slowly)`
          : `${stage}: no answer within ${stageSeconds} s`,
      }));
    }, plan.stageTimeout);
  };
  const overallTimer = setTimeout(() => {
    const stage = rec.current() ?? 'connect';
    giveUp(new StageError(stage, {
      code: 'ETIMEDOUT',
      timeoutType: 'OVERALL_TIMEOUT',
      message: `the whole ${mode === 'send' ? 'test send' : 'check'} took more than ${plan.overallTimeout / 1000} s (${OVERALL_TIMEOUT_FACTOR} × the ${stageSeconds} s timeout); it was at ${stage}`,
    }));
  }, plan.overallTimeout);
  stopTimers = () => {
    clearTimeout(stageTimer);
    clearTimeout(overallTimer);
    rec.onProgress = undefined;
  };

  try {
    // DNS
    rec.begin('DNS');
    let address: string;
    try {
      address = await Promise.race([resolveHost(settings.host, plan.connectionTimeout, opts.signal), failed]);
    } catch (e) {
      throw e instanceof StageError ? e : new StageError('DNS', e as SmtpErrorLike);
    }
    rec.end('DNS', isIP(settings.host) ? 'skipped' : 'ok', isIP(settings.host) ? 'an IP address' : address);

    // connect → (TLS) → greeting → EHLO (→ STARTTLS → EHLO), all inside nodemailer's connect()
    // nodemailer is evaluated only now (lazy.ts)
    const SMTPConnection = smtpConnection();
    const socket = new Socket();
    rec.begin('connect');
    socket.once('connect', () => {
      rec.end('connect', 'ok', `${address}:${settings.port}`);
      rec.begin(settings.secure ? 'TLS' : 'greeting');
    });
    let c: SMTPConnectionType;
    const logger = rec.logger((message) => {
      if (/^Secure connection established/.test(message) && settings.secure) {
        report.tls = describeCert(c._socket as TLSSocket, 'implicit', plan.trustedFile);
        rec.end('TLS', 'ok', `${report.tls.protocol}, ${report.tls.cipher}`);
        rec.begin('greeting');
      }
    });
    c = conn = new SMTPConnection({
      host: address,
      port: settings.port,
      secure: settings.secure,
      requireTLS: plan.requireTLS,
      ...(isIP(settings.host) ? {} : { servername: settings.host }),
      name: plan.name,
      socket,
      logger,
      transactionLog: true,
      connectionTimeout: plan.connectionTimeout,
      greetingTimeout: plan.greetingTimeout,
      socketTimeout: plan.socketTimeout,
      dnsTimeout: plan.connectionTimeout,
      socketCloseTimeout: 0,
      tls: plan.tls,
    });

    const stageOf = (err: SmtpErrorLike): StageName => {
      const byCommand = COMMAND_STAGE.find(([re]) => re.test(err.command ?? ''))?.[1];
      return byCommand ?? rec.current() ?? 'connect';
    };
    c.on('error', (err: SmtpErrorLike) => {
      // nodemailer's own timeouts cannot tell a silent server from one that trickles its reply
      const slow = err.timeoutType && partialReply(c) ? { message: err.message, code: err.code, timeoutType: 'SLOW_REPLY' } : err;
      rejectSession(new StageError(stageOf(err), slow));
    });
    const onAbort = () => giveUp(new StageError(rec.running() ?? 'connect', { message: 'cancelled', code: 'ABORT_ERR' }));
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const step = <T>(run: (done: (err?: SmtpErrorLike | null, value?: T) => void) => void): Promise<T> =>
      Promise.race([
        failed,
        new Promise<T>((resolve, reject) => run((err, value) => (err ? reject(new StageError(stageOf(err), err)) : resolve(value as T)))),
      ]);

    try {
      await step<void>((done) => c.connect((err) => done(err)));
      if (rec.startTlsDone && !report.tls) report.tls = describeCert(c._socket as TLSSocket, 'STARTTLS', plan.trustedFile);
      if (!settings.secure && !rec.startTlsDone) report.notes.push('the connection was NOT encrypted: the server offered no STARTTLS');

      report.authMechanismsOffered = authOffered(rec);

      if (!report.authMechanismsOffered.length) {
        rec.begin('AUTH');
        rec.end('AUTH', 'skipped', 'the server offered no AUTH: credentials NOT tested');
        if (settings.username) report.notes.push(`the server offered no AUTH, so the username ${settings.username} and its password were NOT tested`);
      } else if (!settings.username) {
        rec.begin('AUTH');
        rec.end('AUTH', 'skipped', 'no username is set: not logging in');
      } else {
        if (!opts.password) {
          rec.begin('AUTH');
          throw new StageError('AUTH', { message: 'Missing credentials: no password was given', code: 'EAUTH' });
        }
        await step<boolean>((done) => c.login({ user: settings.username, pass: opts.password }, (err, ok) => done(err, ok)));
        report.credentialsTested = true;
      }

      if (mode === 'send') {
        const message = await Promise.race([messageReady!, failed]);
        report.messageId = message.messageId;
        const info = await step<import('nodemailer/lib/smtp-connection').SMTPConnectionSendInfo>((done) =>
          c.send({ from: message.envelopeFrom, to: [opts.to!] }, message.raw, (err, value) => done(err, value)),
        );
        report.finalResponse = redact(info.response);
        if (info.serverMessageId) report.serverMessageId = info.serverMessageId;
      }
      c.quit();
      return finish();
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
    }
  } catch (e) {
    conn?.close();
    if (e instanceof StageError) return finish(e);
    return finish(new StageError(rec.running() ?? 'connect', { message: (e as Error)?.message ?? String(e) }));
  }
}

/** Connects, greets, upgrades to TLS and logs in as the app would, then sends the test message. */
export function sendTestMail(settings: SmtpSettings, options: SendOptions): Promise<SmtpReport> {
  return runSession('send', settings, options);
}

/** The same as a send up to and including AUTH; nothing is sent. */
export function verifyConnection(settings: SmtpSettings, options: SessionOptions = {}): Promise<SmtpReport> {
  return runSession('verify', settings, options);
}
