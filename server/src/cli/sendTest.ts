// `mendix-email send-test FILE --to ADDRESS` and `mendix-email verify FILE`: the editor's
// Send Test Mail / Verify SMTP Connection on the command line, with the same core.
// Stage report on stdout, the verdict on its last line; exit 0 only on success.
import { closest } from './closest';
import { resolve } from 'node:path';
import type { CheckOptions } from '../core/settings';
import { readCertificate, readReferenced, readSettingsText } from '../services/readFile';
import { mailSettingsOf } from '../engine/prepare';
import { loadProjectConfigFor } from '../config/projectConfig';
import type { CliIo } from './io';
import { checkRecipient } from '../smtp/recipient';
import { findScope, mailScopes } from '../smtp/scopes';
import { smtpSettingsFrom, type SmtpSettings } from '../smtp/settings';
import { formatReport, type SmtpReport } from '../smtp/report';
import { promptHidden, type PromptAnswer } from '../smtp/prompt';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError } from './exit';
import { smtpSession } from './lazy';

export const DEFAULT_PASSWORD_ENV = 'MENDIX_EMAIL_SMTP_PASSWORD';

export const SEND_TEST_HELP = `Usage: mendix-email send-test FILE --to ADDRESS [options]
       mendix-email verify FILE [options]

send-test sends a real test message with the mail settings of FILE; verify connects,
upgrades to TLS and logs in (when the server offers AUTH) without sending anything.
The report names each stage (DNS, connect, TLS, greeting, EHLO, STARTTLS, AUTH,
MAIL FROM, RCPT TO, DATA) with its timing, the transcript (credentials hidden) and, when
something fails, the cause and the fix. The verdict is the last line.

Options:
      --to ADDRESS          the recipient (send-test only)
      --scope NAME          the scope to use when FILE has several (for example "mxruntime",
                            "application my-app", "service mendix")
      --ca CERT_FILE        trust this certificate (or CA) for the SMTP host, for this run only
      --timeout SECONDS     bound for connecting, the greeting, TLS and each complete reply,
                            however slowly it trickles in (default 10); the whole run
                            ends after 4 times this at most
      --password-env VAR    environment variable holding the password when FILE holds none
                            (default ${DEFAULT_PASSWORD_ENV})
  -h, --help                show this help

Password: written in FILE, else from the --password-env variable, else asked on the
terminal without echo (Ctrl-C or Ctrl-D cancels: nothing is sent). When standard input
is not a terminal nobody is asked: a note says so and, if the server wants a login, the
report fails at AUTH with "no password was given".

Exit code: 0 sent (verified), 1 failed, 2 bad usage, settings that cannot be tested, or
the password prompt cancelled.
`;

export interface SendTestIo extends CliIo {
  /** asks for the password when neither the file nor the environment has it; default: a hidden prompt on the terminal (stdin) */
  promptPassword?: (question: string) => Promise<PromptAnswer>;
  signal?: AbortSignal;
}

interface Parsed {
  file: string;
  to?: string;
  scope?: string;
  ca?: string;
  timeout?: number;
  passwordEnv: string;
  help: boolean;
}

/** The options this parser knows (the switch below), for "did you mean" as `check` gives it. */
const SEND_TEST_OPTIONS = ['help', 'to', 'scope', 'ca', 'timeout', 'password-env'];

function unknownOption(flag: string): string {
  const name = flag.replace(/^-+/, '');
  const suggestion = name.length > 1 ? closest(name, SEND_TEST_OPTIONS) : undefined;
  return `unknown option ${flag}${suggestion ? ` (did you mean --${suggestion}?)` : ''}`;
}

function parseArgs(argv: string[], command: 'send-test' | 'verify'): Parsed {
  const out: Partial<Parsed> & { passwordEnv: string; help: boolean } = { passwordEnv: DEFAULT_PASSWORD_ENV, help: false };
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '-h':
      case '--help':
        out.help = true;
        break;
      case '--to':
        out.to = value();
        break;
      case '--scope':
        out.scope = value();
        break;
      case '--ca':
        out.ca = value();
        break;
      case '--timeout': {
        const v = value();
        const n = Number(v);
        if (!Number.isFinite(n) || n <= 0 || n > 600) throw new UsageError(`--timeout wants seconds between 0 and 600, not "${v}"`);
        out.timeout = n;
        break;
      }
      case '--password-env':
        out.passwordEnv = value();
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(unknownOption(flag));
        files.push(arg);
    }
  }
  if (out.help) return { ...out, file: '' } as Parsed;
  if (files.length !== 1) throw new UsageError(files.length ? 'give exactly one settings file' : 'give the settings file to take the mail settings from');
  if (command === 'send-test' && !out.to) throw new UsageError('--to ADDRESS is required: where should the test message go?');
  if (command === 'verify' && out.to) throw new UsageError('verify sends nothing: --to is for send-test');
  return { ...out, file: files[0] } as Parsed;
}


/** The scope's settings from the file, or a message saying why there are none. */
function settingsOf(path: string, scopeName: string | undefined): SmtpSettings | string {
  const text = readSettingsText(path);
  if (typeof text !== 'string') return `${path}: ${text.error}`;
  const options: CheckOptions = {
    projectConfig: loadProjectConfigFor(path),
    readReferencedFile: (p) => readReferenced(p),
  };
  // the engine's reading (env files and all) without running the rules: a test send needs no findings
  const settings = mailSettingsOf({ path, text }, options);
  if (!settings) return `${path} is not a Mendix settings file this tool understands`;
  const scopes = mailScopes(settings);
  if (scopes.length === 0) return `${path} sets no SMTP settings (host, port, username, password, from); map your constants to roles in .mendix-email.json if they have other names`;
  const names = scopes.map((s) => `"${s.scope.name}"`).join(', ');
  if (scopeName === undefined) {
    if (scopes.length > 1) return `${path} has mail settings in several scopes (${names}): choose one with --scope NAME`;
    return smtpSettingsFrom(scopes[0]);
  }
  const found = findScope(scopes, scopeName);
  return found ? smtpSettingsFrom(found) : `no scope "${scopeName}" with mail settings in ${path}; there are: ${names}`;
}

/**
 * The password to log in with: written in the file, else from the environment variable,
 * else typed at a hidden prompt when standard input is a terminal. Without any of them the
 * session goes ahead without one (a note on stderr says so), so a server that asks for a
 * login fails at AUTH with "no password was given" instead of the command hanging.
 */
async function passwordFor(settings: SmtpSettings, args: Parsed, io: SendTestIo): Promise<{ kind: 'cancelled'; how: string } | { kind: 'found'; password?: string; note?: string }> {
  if (settings.password.kind === 'literal') return { kind: 'found', password: settings.password.value };
  const fromEnv = io.env[args.passwordEnv];
  if (fromEnv) return { kind: 'found', password: fromEnv, note: `the password was taken from ${args.passwordEnv} (not shown)` };
  if (!settings.username) return { kind: 'found' };
  const pw = settings.password;
  const why = pw.kind === 'missing' || pw.kind === 'empty' ? 'holds no password' : `only refers to it (${pw.written})`;
  // the question goes to whichever of stderr / stdout is the terminal: with `2>log` the user
  // must still see what is being asked
  const ask = io.promptPassword ?? ((q: string) => promptHidden(q, process.stdin, process.stderr.isTTY || !process.stdout.isTTY ? process.stderr : process.stdout));
  const answer = await ask(`${args.file} ${why}. SMTP password for ${settings.username}@${settings.host}: `);
  if (answer.kind === 'cancelled') return answer;
  if (answer.kind === 'answered' && answer.value !== '') return { kind: 'found', password: answer.value, note: 'the password was typed at the prompt (not shown)' };
  const reason = answer.kind === 'answered' ? 'an empty password was typed' : `${args.passwordEnv} is not set and standard input is not a terminal to ask on`;
  io.stderr.write(`note: no password: ${args.file} ${why} and ${reason}; the server's AUTH will fail if it asks for one\n`);
  return { kind: 'found' };
}

async function run(command: 'send-test' | 'verify', argv: string[], io: SendTestIo): Promise<number> {
  let args: Parsed;
  try {
    args = parseArgs(argv, command);
  } catch (e) {
    io.stderr.write(`mendix-email ${command}: ${(e as Error).message}\n\n${SEND_TEST_HELP}`);
    return EXIT_USAGE;
  }
  if (args.help) {
    io.stdout.write(SEND_TEST_HELP);
    return EXIT_OK;
  }
  const path = resolve(io.cwd, args.file);
  if (args.to) {
    const verdict = checkRecipient(args.to);
    if (verdict.kind === 'refuse') {
      io.stderr.write(`mendix-email ${command}: ${verdict.reason}\n`);
      return EXIT_USAGE;
    }
    if (verdict.kind === 'confirm') io.stderr.write(`note: ${verdict.reason}; sending anyway\n`);
  }
  const ca = args.ca ? resolve(io.cwd, args.ca) : undefined;
  const caRead = ca ? readCertificate(ca) : undefined;
  if (caRead && 'notRead' in caRead) {
    io.stderr.write(`mendix-email ${command}: --ca ${args.ca}: ${caRead.missing ? 'no such file' : `not read: ${caRead.notRead}`}\n`);
    return EXIT_USAGE;
  }
  const settings = settingsOf(path, args.scope);
  if (typeof settings === 'string') {
    io.stderr.write(`mendix-email ${command}: ${settings}\n`);
    return EXIT_USAGE;
  }
  if (settings.problems.length) {
    io.stderr.write(`mendix-email ${command}: cannot test these settings: ${settings.problems.join('; ')}\n`);
    return EXIT_USAGE;
  }

  const source = await passwordFor(settings, args, io);
  if (source.kind === 'cancelled') {
    io.stderr.write(`mendix-email ${command}: cancelled at the password prompt (${source.how}); nothing was ${command === 'send-test' ? 'sent' : 'tested'}\n`);
    return EXIT_USAGE;
  }
  const password = source.password;
  if (source.note) settings.notes.push(source.note);

  // the SMTP code is loaded only now (lazy.ts): a run that stops before this never pays for it
  const { sendTestMail, verifyConnection } = smtpSession();
  const common = {
    password,
    timeoutSeconds: args.timeout,
    trustedCertificates: ca ? { [settings.host]: ca } : undefined,
    trustHint: 'pass the certificate (or its CA) with --ca CERT_FILE: it is trusted for this host and this run only',
    signal: io.signal,
  };
  const report: SmtpReport =
    command === 'send-test'
      ? await sendTestMail(settings, { ...common, to: args.to!.trim(), origin: { file: path, sentBy: 'mendix-email CLI' } })
      : await verifyConnection(settings, common);
  io.stdout.write(`${formatReport(report)}\n`);
  if (!report.ok) return EXIT_FAILED;
  // a verify that could not test the credentials it was given is not a success
  if (command === 'verify' && !report.credentialsTested && settings.username) return EXIT_FAILED;
  return EXIT_OK;
}

export function runSendTest(argv: string[], io: SendTestIo): Promise<number> {
  return run('send-test', argv, io);
}

export function runVerify(argv: string[], io: SendTestIo): Promise<number> {
  return run('verify', argv, io);
}
