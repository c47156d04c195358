// Cause and fix for every SMTP failure we know, in the words of someone who configures
// an app, not someone who writes SMTP clients. Provider facts (hosts, credentials) come
// from the provider table; the reply codes are recognised whatever the host is, because
// relays and proxies pass them on.
import { findProvider, PROVIDERS } from '../settings/providers';
import type { FailureExplanation, StageName } from './report';

/** The parts of a nodemailer / Node error we look at. */
export interface SmtpErrorLike {
  message?: string;
  code?: string;
  /** the system error under nodemailer's code (ECONNREFUSED under ESOCKET) */
  originalCode?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  /** nodemailer: CONNECT_TIMEOUT, GREETING_TIMEOUT, UPGRADE_TIMEOUT, SOCKET_TIMEOUT; ours (session.ts): STAGE_TIMEOUT, SLOW_REPLY, OVERALL_TIMEOUT */
  timeoutType?: string;
}

export interface ExplainContext {
  host?: string;
  port?: number;
  secure?: boolean;
  /** how the user trusts a certificate: the editor setting or the CLI flag */
  trustHint?: string;
}

const TRUST_HINT = 'trust that certificate (or its CA) for this host only: setting `mendixEmail.smtp.trustedCertificates` ({"host": "/path/to/cert.pem"}) in the editor, `--ca FILE` on the command line';

const CERT_UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);

const TIMEOUT_SETTING = 'mendixEmail.smtp.timeoutSeconds, --timeout';

function firstLine(response: string | undefined): string {
  return (response ?? '').split(/\r?\n/)[0].trim() || 'no text';
}

/** The part of an OpenSSL message a person can act on ("wrong version number"), not its source file. */
function handshakeProblem(text: string): string {
  if (/wrong version number|packet length too long|unknown protocol/i.test(text)) return 'what came back was not TLS: "wrong version number"';
  const reason = /SSL routines:[^:]*:([^:]+)/.exec(text)?.[1];
  return reason ?? (text.trim().slice(0, 160) || 'no reason given');
}

function codes(e: SmtpErrorLike): string[] {
  return [e.code, e.originalCode].filter((c): c is string => !!c);
}

/** The explanation the provider table gives for a reply only one provider sends, if this is one. */
function knownReply(text: string): { cause: string; fix: string } | undefined {
  for (const provider of PROVIDERS) {
    for (const failure of provider.failures) if (failure.reply?.test(text) && failure.explained) return failure.explained;
  }
  return undefined;
}

function providerHint(host: string | undefined): string {
  const p = host ? findProvider(host) : undefined;
  return p ? ` ${p.credentials}.` : '';
}

/** The explanation for one failure; never undefined: an unknown failure still gets a next step. */
export function explainFailure(stage: StageName | 'settings', error: SmtpErrorLike, ctx: ExplainContext = {}): FailureExplanation {
  const text = `${error.response ?? ''} ${error.message ?? ''}`;
  const where = ctx.host ? `${ctx.host}${ctx.port ? `:${ctx.port}` : ''}` : 'the server';
  const trust = ctx.trustHint ?? TRUST_HINT;
  const cs = codes(error);
  const reply = error.responseCode;

  if (error.code === 'ABORT_ERR' || error.code === 'ECANCELLED') return { cause: 'You cancelled the test.', fix: 'Run it again when you are ready.' };
  if (stage === 'settings')
    return { cause: `The settings cannot be tested as written: ${(error.message ?? '').replace(/^cannot test these settings: /, '')}.`, fix: 'Write the real value in the file (or test the file where it is set), and make sure host and from address are set.' };
  if (error.code === 'ETRUSTFILE') return { cause: error.message ?? 'The trusted certificate file cannot be used.', fix: 'Point the setting (or --ca) at a PEM file that holds the certificate.' };

  // --- replies only one provider gives, recognised wherever they come (the provider table's failures)
  const known = knownReply(text);
  if (known) return { ...known };
  // a reply longer than nodemailer's 1 MB limit: nothing about message size, whatever the words
  if (error.code === 'EPROTOCOL' && /exceeds maximum allowed size/i.test(error.message ?? ''))
    return { cause: `${where} sent a reply longer than 1 MB during ${stage}: that is not how an SMTP server answers.`, fix: 'Check that host and port point at the mail server; a broken server or a proxy in between sends this.' };
  // after STARTTLS's 220 the handshake is ours to explain, not "SSL on a STARTTLS port"
  if (stage === 'STARTTLS' && !reply && !error.timeoutType && !cs.some((c) => CERT_UNTRUSTED.has(c) || c.startsWith('CERT_') || c === 'ERR_TLS_CERT_ALTNAME_INVALID') && !/certificate|self[- ]signed/i.test(text))
    return { cause: `${where} accepted STARTTLS, but the TLS handshake that followed failed (${handshakeProblem(text)}).`, fix: 'The server\'s TLS is broken, or something in between (a proxy or firewall that inspects SMTP) interferes; try SSL on port 465, or ask the provider.' };
  if (stage !== 'STARTTLS' && (/wrong version number|ERR_SSL_WRONG_VERSION_NUMBER|packet length too long|unknown protocol/i.test(text) || cs.includes('ERR_SSL_WRONG_VERSION_NUMBER')))
    return { cause: `SSL is on, but ${where} speaks plain SMTP first and expects STARTTLS ("wrong version number"). Ports 587, 25 and 2525 work like that.`, fix: 'Turn SSL off and TLS (STARTTLS) on, or keep SSL and use port 465.' };

  // --- the connection itself
  if (cs.includes('ENOTFOUND') || (stage === 'DNS' && /ENOTFOUND|not found/i.test(text)))
    return { cause: `The host name ${ctx.host ?? ''} does not exist in DNS (host not found).`, fix: 'Check the spelling of the host setting against your provider\'s documentation.' };
  if (cs.includes('EAI_AGAIN') || cs.includes('ESERVFAIL') || (stage === 'DNS' && /timed out|ETIMEOUT/i.test(text)))
    return { cause: `The host name ${ctx.host ?? ''} could not be looked up right now (DNS did not answer).`, fix: 'Check the network or DNS of this machine and try again; this says nothing about the settings.' };
  if (cs.includes('ECONNREFUSED'))
    return { cause: `Nothing accepts connections on ${where} (connection refused).`, fix: 'Check the port (587 for STARTTLS, 465 for SSL) and that the server is running; a firewall may also reject it.' };
  if (error.timeoutType === 'CONNECT_TIMEOUT' || (stage === 'connect' && cs.includes('ETIMEDOUT') && error.timeoutType !== 'OVERALL_TIMEOUT'))
    return { cause: `Port ${ctx.port ?? ''} on ${ctx.host ?? 'the server'} did not answer at all: the port is blocked or filtered by a firewall (many clouds block port 25).`, fix: 'Use the submission port 587 (or 2525 / 465 if your provider offers them), or open the port in the firewall or security group.' };
  const greetingTimeout = error.timeoutType === 'GREETING_TIMEOUT' || (error.timeoutType === 'STAGE_TIMEOUT' && stage === 'greeting');
  if (greetingTimeout && !ctx.secure)
    return { cause: `${where} accepted the connection but never sent its greeting. A port that expects TLS from the first byte (465, 2465) behaves exactly like this when SSL is off.`, fix: 'Turn SSL on for port 465 / 2465; or use port 587 with TLS (STARTTLS). If the port is right, a proxy or firewall is holding the session.' };
  if (greetingTimeout)
    return { cause: `${where} completed the TLS handshake but never sent its SMTP greeting.`, fix: 'Check that this port serves SMTP; a proxy, a wrong port or an overloaded server does this.' };
  if (error.timeoutType === 'SLOW_REPLY')
    return { cause: `${where} was too slow: during ${stage} it sent only part of its reply before the timeout (it trickles the bytes).`, fix: `A working mail server answers in well under a second: check that host and port point at it (a tarpit or a broken proxy does this), or raise the timeout (${TIMEOUT_SETTING}).` };
  if (error.timeoutType === 'OVERALL_TIMEOUT')
    return { cause: `${where} was too slow: the whole session did not finish in time (${error.message ?? ''}).`, fix: `Each step was slow but not stuck; check the server or the network, or raise the timeout (${TIMEOUT_SETTING}).` };
  if (error.timeoutType === 'UPGRADE_TIMEOUT' || (error.timeoutType === 'STAGE_TIMEOUT' && (stage === 'TLS' || stage === 'STARTTLS')))
    return { cause: `${where} was too slow: the TLS handshake (${stage}) did not finish in time.`, fix: 'Check that the port serves TLS; a proxy or firewall may interfere. Raise the timeout if the server is just slow.' };
  if (error.timeoutType === 'SOCKET_TIMEOUT' || error.timeoutType === 'STAGE_TIMEOUT' || cs.includes('ETIMEDOUT'))
    return { cause: `${where} was too slow: no answer during ${stage} before the timeout.`, fix: `Try again; if it keeps happening raise the timeout (${TIMEOUT_SETTING}) or ask the provider.` };
  if (cs.includes('ECONNRESET') || /closed unexpectedly|socket hang up/i.test(text))
    return { cause: `${where} closed the connection during ${stage}.`, fix: stage === 'TLS' || stage === 'connect' || stage === 'greeting' ? 'The server may not speak SMTP on this port or rejects this client\'s IP address; check the port and the SSL setting.' : 'The server may limit connections or reject this client; check its logs or try again later.' };

  // --- certificates
  if (cs.includes('CERT_HAS_EXPIRED') || /certificate has expired/i.test(text))
    return { cause: `The server's certificate has expired.`, fix: `The server's owner must renew the certificate. Until then you could ${trust}.` };
  if (cs.includes('ERR_TLS_CERT_ALTNAME_INVALID') || /altnames|does not match certificate/i.test(text))
    return { cause: `The server's certificate is not issued for the name ${ctx.host ?? ''}.`, fix: 'Use the host name the certificate names (your provider documents it), not an IP address or alias.' };
  if (cs.some((c) => CERT_UNTRUSTED.has(c)) || /self[- ]signed|unable to (verify|get)/i.test(text))
    return { cause: 'The server\'s certificate is not trusted: it is self-signed or issued by a private CA.', fix: `If this is your own server, ${trust}. Verification stays on for every other host.` };

  // --- the SMTP conversation
  if (stage === 'STARTTLS' || (error.code === 'ETLS' && /STARTTLS/i.test(text)))
    return { cause: reply && reply >= 500 && reply <= 504 ? `TLS is required, but the server does not offer STARTTLS (it answered ${reply}).` : `TLS is required, but the server refused STARTTLS (${reply ?? 'no reply'}).`, fix: 'Use the provider\'s submission port (587) or SSL on 465. Only turn TLS off for a relay inside your own network.' };
  if (reply === 535 || reply === 534 || (stage === 'AUTH' && error.code === 'EAUTH' && reply))
    return { cause: `The server rejected the username or password (${reply ?? 'AUTH failed'}).${providerHint(ctx.host)}`, fix: 'Check the username and the password. Many providers want an app password or SMTP key, not the account password.' };
  if (stage === 'AUTH' && /Missing credentials/i.test(text))
    return { cause: 'The server asks for a login but no password was given.', fix: 'Enter the password when asked, or set it in the settings file / environment.' };
  if (stage === 'AUTH')
    return { cause: 'Logging in failed.', fix: `Check the username and password.${providerHint(ctx.host)}` };
  if ((reply === 550 || reply === 554) && /5\.7\.1\b|relay/i.test(text))
    return { cause: 'Relay denied: the server does not accept mail from you for this recipient (not logged in, or this client\'s IP address is not allowed to relay).', fix: 'Set a username and password so the test logs in, or have the relay allow this client\'s IP address.' };
  if (reply === 552 || (reply && /5\.3\.4|too large|size limit|exceeds/i.test(error.response ?? '')))
    return { cause: 'The server refuses the message as too large (or the mailbox is over its quota).', fix: 'The test message is tiny, so the server\'s size limit or the recipient\'s quota is the problem; ask the mail administrator.' };
  if (stage === 'MAIL FROM')
    return { cause: `The server does not accept the from address (${reply ?? ''}).`, fix: 'Use a from address your account may send as, on a domain verified with the provider.' };
  if (stage === 'RCPT TO' && (reply === 550 || reply === 551 || reply === 553 || /5\.1\.[0-9]/.test(text)))
    return { cause: `The server rejected the recipient (${reply}): the mailbox does not exist or does not accept mail from you.`, fix: 'Check the recipient address; send the test to a mailbox you can read.' };
  if (stage === 'RCPT TO')
    return { cause: `The server did not accept the recipient (${reply ?? 'no reply'}).`, fix: reply && reply < 500 ? 'This is temporary (4xx); try again later.' : 'Check the recipient address and the server\'s rules for relaying.' };
  if (stage === 'DATA')
    return { cause: `The server rejected the message content (${reply ?? 'no reply'}).`, fix: reply && reply < 500 ? 'This is temporary (4xx); try again later.' : 'Look at the server reply in the transcript: spam filters or sender policies (SPF/DMARC) often cause this.' };
  if (reply === 421)
    return { cause: `The server closed the session at ${stage} with 421: it is not accepting connections now (${firstLine(error.response)}).`, fix: 'Try again later; the server may limit connections per client.' };
  if (stage === 'greeting')
    return { cause: `The server's greeting was not a welcome (${reply ?? 'no reply'}).`, fix: 'The server rejects this client (IP address or rate limit); see the reply in the transcript.' };
  return { cause: `The test failed during ${stage}: ${error.message ?? 'unknown error'}.`, fix: 'See the transcript in the report for the server\'s exact reply.' };
}
