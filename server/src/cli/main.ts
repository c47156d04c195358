// The `mendix-email` command line: dispatches to check (the default), send-test and verify.
// Only what a command needs is loaded (lazy.ts: nodemailer only by send-test and verify), so
// `check` starts fast.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliIo } from './io';
import { MAIN_HELP } from './help';
import { CLI_VERSION } from './version';
import { RUN_AS_MAIN } from '../boot/markers';
import { CHECK_WORKER_ARG } from './checkWorkerArg';
import { escapeControls } from '../core/visibleText';
import { EXIT_OK, EXIT_USAGE } from './exit';
import { checkCommand, checkWorkers, sendTestCommand } from './lazy';

export { EXIT_OK, EXIT_FINDINGS, EXIT_USAGE } from './exit';

/**
 * Ctrl-C during a test send cancels it: the report then says at which stage it stopped and
 * nothing more is sent (exit code 1). A second Ctrl-C quits at once.
 */
async function withInterruptAsCancel(run: (signal: AbortSignal) => Promise<number>): Promise<number> {
  const controller = new AbortController();
  const quit = () => process.exit(130);
  const onInterrupt = () => {
    controller.abort();
    process.once('SIGINT', quit);
  };
  process.once('SIGINT', onInterrupt);
  try {
    return await run(controller.signal);
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGINT', quit);
  }
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  switch (first) {
    case 'check':
      return runCheckCommand(rest, io);
    case 'send-test':
    case 'verify': {
      // loaded here, not imported at the top (lazy.ts), so only these commands pay for it
      const sendTest = sendTestCommand();
      return withInterruptAsCancel((signal) =>
        first === 'send-test' ? sendTest.runSendTest(rest, { ...io, signal }) : sendTest.runVerify(rest, { ...io, signal }),
      );
    }
    case 'help':
    case '--help':
    case '-h':
      io.stdout.write(MAIN_HELP);
      return EXIT_OK;
    case '--version':
    case '-v':
      io.stdout.write(`${CLI_VERSION}\n`);
      return EXIT_OK;
    default:
      // `mendix-email deploy/` means `mendix-email check deploy/`; a word that is neither a
      // command nor a path is most likely a mistyped command.
      if (first !== undefined && /^[a-z][a-z-]*$/.test(first) && !existsSync(resolve(io.cwd, first))) {
        io.stderr.write(`mendix-email: unknown command "${first}"\n\n${MAIN_HELP}`);
        return EXIT_USAGE;
      }
      return runCheckCommand(argv, io);
  }
}

async function runCheckCommand(argv: string[], io: CliIo): Promise<number> {
  return checkCommand().runCheck(argv, io);
}

function processIo(): CliIo {
  // stderr carries only plain messages (paths, values, server errors): escaped as a whole.
  // stdout's formatters escape what they quote themselves, around their own colours.
  const stderr = { write: (text: string) => process.stderr.write(escapeControls(text)), isTTY: process.stderr.isTTY };
  return { stdout: process.stdout, stderr, cwd: process.cwd(), env: process.env };
}

/**
 * `mendix-email check … | head -1`: the reader hangs up and the next write fails with EPIPE.
 * That is the reader's choice, not our failure: stop writing quietly (no stack trace); the
 * exit code stays the one the run decides.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    throw error;
  });
}

function runAsProgram(): void {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  main(process.argv.slice(2), processIo()).then(
    (code) => {
      // exitCode rather than exit(): a large report piped to another program must flush first.
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(escapeControls(`mendix-email: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`));
      process.exitCode = EXIT_USAGE;
    },
  );
}

if (process.argv.includes(CHECK_WORKER_ARG)) {
  // started as a check worker (parallel.ts): check its share of the files; the argument
  // typed by hand on the main thread just runs the program
  void checkWorkers().runAsCheckWorker().then((ran) => ran || runAsProgram());
} else if (require.main === module || (module as NodeModule & Record<symbol, unknown>)[RUN_AS_MAIN]) {
  // run directly, or by dist/cli.js through the code cache (boot/runBundle.ts)
  runAsProgram();
}
