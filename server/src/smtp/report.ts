// The result of a test send or verify: data first, text for people second (formatReport).
import { escapeControls } from '../core/visibleText';
import type { SmtpSettings } from './settings';
import { describeSettings } from './settings';

/** The stages of an SMTP session, in the order a client goes through them (swaks style). */
export type StageName = 'DNS' | 'connect' | 'TLS' | 'greeting' | 'EHLO' | 'STARTTLS' | 'AUTH' | 'MAIL FROM' | 'RCPT TO' | 'DATA';

export const STAGE_ORDER: readonly StageName[] = ['DNS', 'connect', 'TLS', 'greeting', 'EHLO', 'STARTTLS', 'AUTH', 'MAIL FROM', 'RCPT TO', 'DATA'];

export type StageStatus = 'ok' | 'failed' | 'skipped' | 'cancelled';

export interface StageResult {
  stage: StageName;
  status: StageStatus;
  /** milliseconds the stage took */
  ms: number;
  /** what happened, in a few words: the server's reply, the address, "after STARTTLS" */
  detail?: string;
}

export interface TranscriptLine {
  /** milliseconds since the start of the session */
  at: number;
  /** C: what we sent, S: what the server answered, *: what happened on the connection */
  from: 'C' | 'S' | '*';
  text: string;
}

export interface TlsDetails {
  how: 'implicit' | 'STARTTLS';
  protocol?: string;
  cipher?: string;
  subject?: string;
  issuer?: string;
  validFrom?: string;
  validTo?: string;
  /** trusted through mendixEmail.smtp.trustedCertificates / --ca for this host */
  trustedFile?: string;
}

export interface FailureExplanation {
  /** what went wrong, in the user's words */
  cause: string;
  /** what to change */
  fix: string;
}

export interface SmtpFailure extends FailureExplanation {
  /** 'settings': the file's settings cannot be tested (a reference host, no from address) */
  stage: StageName | 'settings';
  /** the error as nodemailer or Node reported it (redacted) */
  message: string;
  code?: string;
  responseCode?: number;
}

export interface SmtpReport {
  mode: 'send' | 'verify';
  ok: boolean;
  cancelled: boolean;
  /** one line: what a notification or a CLI's last line says */
  verdict: string;
  settings: string[];
  recipient?: string;
  stages: StageResult[];
  transcript: TranscriptLine[];
  ehloBeforeTls?: string[];
  ehloAfterTls?: string[];
  tls?: TlsDetails;
  authMechanismsOffered: string[];
  authMechanism?: string;
  /** false when the server offered no AUTH (verify says the credentials were NOT tested) */
  credentialsTested: boolean;
  /** what became of the credentials, in one sentence (tested, rejected, or why not tried) */
  credentials?: string;
  finalResponse?: string;
  messageId?: string;
  /** the id the server gave the message when its reply names one (Microsoft 365, SES) */
  serverMessageId?: string;
  failure?: SmtpFailure;
  notes: string[];
  totalMs: number;
}

export function emptyReport(mode: 'send' | 'verify', settings: SmtpSettings): SmtpReport {
  return {
    mode,
    ok: false,
    cancelled: false,
    verdict: '',
    settings: describeSettings(settings),
    stages: [],
    transcript: [],
    authMechanismsOffered: [],
    credentialsTested: false,
    notes: [...settings.notes],
    totalMs: 0,
  };
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** The full report as plain text: the output channel and the CLI print exactly this. */
export function formatReport(r: SmtpReport): string {
  const out: string[] = [];
  out.push(`${r.mode === 'send' ? 'Test send' : 'Connection check'}${r.recipient ? ` to ${r.recipient}` : ''}`);
  out.push('', 'Settings used:', ...r.settings.map((s) => `  ${s}`));
  if (r.notes.length) out.push('', 'Notes:', ...r.notes.map((n) => `  - ${n}`));
  out.push('', 'Stages:');
  for (const s of r.stages) {
    const mark = s.status === 'ok' ? 'ok' : s.status === 'failed' ? 'FAILED' : s.status;
    out.push(`  ${pad(s.stage, 10)} ${pad(mark, 9)} ${pad(`${s.ms} ms`, 9)}${s.detail ? ` ${s.detail}` : ''}`);
  }
  if (r.ehloBeforeTls) out.push('', `EHLO capabilities${r.ehloAfterTls ? ' before STARTTLS' : ''}: ${r.ehloBeforeTls.join(', ') || '(none)'}`);
  if (r.ehloAfterTls) out.push(`EHLO capabilities after STARTTLS: ${r.ehloAfterTls.join(', ') || '(none)'}`);
  if (r.tls) {
    const t = r.tls;
    out.push('', `TLS (${t.how === 'implicit' ? 'from the first byte' : 'STARTTLS'}): ${t.protocol ?? '?'}, cipher ${t.cipher ?? '?'}`);
    if (t.subject !== undefined) out.push(`  certificate subject: ${t.subject}`, `  issuer: ${t.issuer}`, `  valid: ${t.validFrom} → ${t.validTo}`);
    if (t.trustedFile) out.push(`  trusted for this host through ${t.trustedFile}`);
  }
  out.push('', `AUTH offered: ${r.authMechanismsOffered.join(' ') || 'none'}${r.authMechanism ? `; used: ${r.authMechanism}` : ''}`);
  if (!r.credentialsTested) out.push(`  ${r.credentials ?? 'the credentials were NOT tested'}`);
  if (r.finalResponse) out.push(`Final response: ${r.finalResponse}`);
  if (r.messageId) out.push(`Message-ID: ${r.messageId}${r.serverMessageId ? ` (server id ${r.serverMessageId})` : ''}`);
  if (r.failure) {
    const f = r.failure;
    out.push('', `Failed at ${f.stage}: ${f.message}`, `  cause: ${f.cause}`, `  fix:   ${f.fix}`);
  }
  out.push('', 'Transcript:');
  for (const l of r.transcript) out.push(`  ${pad(`+${l.at}ms`, 8)} ${l.from}: ${l.text}`);
  out.push('', `Total ${r.totalMs} ms`, r.verdict);
  // replies, certificate names and values come from the server and the file
  return escapeControls(out.join('\n'));
}

/** The editor's one-line notification for a report, escaped like every text output. */
export function notificationFor(r: SmtpReport): { level: 'info' | 'warning' | 'error'; message: string } {
  const what = r.mode === 'send' ? 'test mail' : 'verification';
  let level: 'info' | 'warning' | 'error';
  let message: string;
  if (r.cancelled) {
    level = 'warning';
    message = `Mendix Email: ${what} cancelled during ${r.failure?.stage}.`;
  } else if (r.failure) {
    const f = r.failure;
    level = 'error';
    message = `Mendix Email: ${what} failed at ${f.stage}. ${f.cause} Fix: ${f.fix}`;
  } else if (r.mode === 'verify' && !r.credentialsTested) {
    level = 'warning';
    message = `Mendix Email: ${r.verdict}.`;
  } else {
    level = 'info';
    message = r.mode === 'send' ? `Mendix Email: test mail sent. Server answered "${r.finalResponse}" (Message-ID ${r.messageId}).` : `Mendix Email: ${r.verdict}.`;
  }
  return { level, message: escapeControls(message) };
}
