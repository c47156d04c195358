// Turns what nodemailer logs (commands, replies, connection events) into stages with
// timings and a redacted transcript. Replies are matched to commands in order, so the
// timings stay right when the server allows PIPELINING (MAIL FROM + RCPT TO in one go).
import { format } from 'node:util';
import type { StageName, StageResult, StageStatus, TranscriptLine } from './report';
import { maskAuthLine, type Redactor } from './redact';

interface OpenStage {
  stage: StageName;
  startedAt: number;
  endedAt?: number;
  status?: StageStatus;
  detail?: string;
  /** STARTTLS answered 220: the stage lasts until the TLS handshake is done */
  awaitingHandshake?: boolean;
}

export class SessionRecorder {
  readonly transcript: TranscriptLine[] = [];
  private readonly records: OpenStage[] = [];
  /** the stage each outstanding command belongs to, oldest first; null = QUIT/RSET */
  private readonly pending: (OpenStage | null)[] = [];
  ehloBeforeTls?: string[];
  ehloAfterTls?: string[];
  authMechanism?: string;
  startTlsDone = false;
  private frozen = false;
  /** called on every step forward (a stage begins, a command goes out, a complete reply or connection event comes in) */
  onProgress?: () => void;

  constructor(
    private readonly t0: number,
    private readonly redact: Redactor,
    private readonly onStage?: (stage: StageName) => void,
  ) {}

  now(): number {
    return Math.round(performance.now() - this.t0);
  }

  /** Stops recording: replies to QUIT that arrive after the report is made are not added. */
  freeze(): void {
    this.frozen = true;
  }

  note(text: string): void {
    this.onProgress?.();
    if (!this.frozen) this.transcript.push({ at: this.now(), from: '*', text: this.redact(text) });
  }

  begin(stage: StageName, detail?: string): OpenStage {
    const rec: OpenStage = { stage, startedAt: performance.now(), detail };
    this.records.push(rec);
    this.onProgress?.();
    this.onStage?.(stage);
    return rec;
  }

  end(stage: StageName, status: StageStatus, detail?: string): void {
    const rec = this.findOpen(stage) ?? this.begin(stage);
    rec.endedAt = performance.now();
    rec.status = status;
    if (detail !== undefined) rec.detail = detail;
  }

  running(): StageName | undefined {
    for (let i = this.records.length - 1; i >= 0; i--) if (!this.records[i].status) return this.records[i].stage;
    return undefined;
  }

  /** The stage an error belongs to: the one still running, else the last one that failed (a 421 greeting), else the last one begun. */
  current(): StageName | undefined {
    const failed = [...this.records].reverse().find((r) => r.status === 'failed');
    return this.running() ?? failed?.stage ?? this.records.at(-1)?.stage;
  }

  private findOpen(stage: StageName): OpenStage | undefined {
    for (let i = this.records.length - 1; i >= 0; i--) {
      const r = this.records[i];
      if (r.stage === stage && !r.status) return r;
    }
    return undefined;
  }

  /** A command we sent (already masked by nodemailer when it carries a secret). */
  client(line: string): void {
    if (this.frozen) return;
    this.onProgress?.();
    const current = this.records[this.records.length - 1];
    const handshake = this.records.find((r) => r.awaitingHandshake);
    if (handshake) {
      // the first command after STARTTLS's 220 means the TLS handshake succeeded
      handshake.awaitingHandshake = false;
      this.end('STARTTLS', 'ok', 'TLS handshake done');
      this.startTlsDone = true;
    }
    const verb = line.split(' ')[0].toUpperCase();
    let rec: OpenStage | null = null;
    let shown = line;
    if (verb === 'EHLO' || verb === 'HELO' || verb === 'LHLO') rec = this.begin('EHLO', this.startTlsDone ? 'after STARTTLS' : undefined);
    else if (verb === 'STARTTLS') rec = this.begin('STARTTLS');
    else if (verb === 'AUTH') {
      rec = this.begin('AUTH');
      this.authMechanism = line.split(/\s+/)[1]?.toUpperCase();
      shown = maskAuthLine(line);
    } else if (/^MAIL FROM:/i.test(line)) rec = this.begin('MAIL FROM', line.slice(10));
    else if (/^RCPT TO:/i.test(line)) rec = this.begin('RCPT TO', line.slice(8));
    else if (verb === 'DATA') {
      rec = this.begin('DATA');
      this.pending.push(rec); // 354, then the final reply after the message
    } else if (current && current.stage === 'AUTH' && !current.status) {
      rec = current; // AUTH LOGIN / CRAM-MD5 continuation: payload only
      shown = maskAuthLine(line);
    }
    this.pending.push(rec);
    this.transcript.push({ at: this.now(), from: 'C', text: this.redact(shown) });
  }

  /** A complete reply from the server (multi-line replies arrive joined by newlines). */
  server(reply: string): void {
    if (this.frozen) return;
    this.onProgress?.();
    const text = this.redact(reply.replace(/\r?\n$/, ''));
    for (const l of text.split(/\r?\n/)) this.transcript.push({ at: this.now(), from: 'S', text: l });
    const code = Number.parseInt(text.slice(0, 3), 10);
    const firstLine = text.split(/\r?\n/)[0].replace(/^(\d{3})-/, '$1 ');
    const greeting = this.findOpen('greeting');
    if (greeting && this.pending.length === 0) {
      this.end('greeting', code >= 200 && code < 400 ? 'ok' : 'failed', firstLine);
      return;
    }
    const rec = this.pending.shift();
    if (!rec) return;
    if (rec.stage === 'EHLO') {
      const caps = text.split(/\r?\n/).slice(1).map((l) => l.replace(/^\d{3}[- ]/, '').trim()).filter(Boolean);
      if (code === 250) {
        if (this.startTlsDone) this.ehloAfterTls = caps;
        else this.ehloBeforeTls = caps;
      }
    }
    const intermediate = code >= 300 && code < 400; // 334 AUTH challenge, 354 send data
    if (rec.stage === 'STARTTLS' && code === 220) {
      rec.awaitingHandshake = true;
      rec.detail = firstLine;
      return;
    }
    if (intermediate || rec.status) return;
    rec.endedAt = performance.now();
    rec.status = code >= 200 && code < 300 ? 'ok' : 'failed';
    rec.detail = rec.stage === 'MAIL FROM' || rec.stage === 'RCPT TO' ? `${rec.detail ?? ''} → ${firstLine}` : firstLine;
  }

  /** The bunyan-style logger nodemailer calls (with transactionLog on). */
  logger(onNetwork: (message: string) => void) {
    const log = (entry: { tnx?: string } | undefined, message: string, ...args: unknown[]) => {
      const text = format(message ?? '', ...args);
      if (entry?.tnx === 'client') this.client(text);
      else if (entry?.tnx === 'server') this.server(text);
      else if (entry?.tnx === 'network') {
        this.note(text);
        onNetwork(text);
      }
    };
    return { trace: () => undefined, debug: log, info: log, warn: log, error: () => undefined, fatal: () => undefined };
  }

  /** Closes the stage that failed (and leaves any still open as skipped); returns the stage list. */
  results(failedStage?: StageName, status: StageStatus = 'failed', detail?: string): StageResult[] {
    if (failedStage) {
      const rec = this.findOpen(failedStage) ?? [...this.records].reverse().find((r) => r.stage === failedStage) ?? this.begin(failedStage);
      rec.status = status;
      rec.endedAt = performance.now();
      if (detail) rec.detail = detail;
    }
    for (const r of this.records) {
      if (!r.status) {
        r.status = 'skipped';
        r.endedAt = performance.now();
      }
    }
    return this.records.map((r) => ({
      stage: r.stage,
      status: r.status!,
      ms: Math.round((r.endedAt ?? performance.now()) - r.startedAt),
      ...(r.detail ? { detail: this.redact(r.detail) } : {}),
    }));
  }
}
