// The command line's one lazy-loading boundary: every module `mendix-email` evaluates only
// when a command needs it, named once, with why it waits, so `--version`, `--help` and `check`
// start without what they never use. esbuild bundles them all (the code cache holds them) and
// runs a module's code only when its getter is first called. A require() anywhere else in
// server/src fails test/unit/lazyLoading.test.ts. The language server has its own table
// (lsp/lazy.ts): esbuild bundles every module a require() names, so one shared table would put
// the editor's modules into this bundle.
/* eslint-disable @typescript-eslint/no-require-imports */

/** The module the first time it is asked for, the same one after that. */
function onFirstUse<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}

/** `check` (readers, rules, report formats, DNS): not needed by `--version`, `--help`, send-test or verify. */
export const checkCommand = onFirstUse(() => require('./runCheck') as typeof import('./runCheck'));

/** send-test and verify (scopes, prompts, SMTP settings): those commands only. */
export const sendTestCommand = onFirstUse(() => require('./sendTest') as typeof import('./sendTest'));

/** The SMTP session: once the settings are known to be testable and a password is at hand (it brings the SMTP code; nodemailer itself waits in smtp/lazy.ts). */
export const smtpSession = onFirstUse(() => require('../smtp/session') as typeof import('../smtp/session'));

/** The check worker's entry: when the process was started as a worker thread (CHECK_WORKER_ARG) and nowhere else at start-up. */
export const checkWorkers = onFirstUse(() => require('./parallel') as typeof import('./parallel'));

/** Node's worker_threads costs ~7 ms of a start: only when a check uses threads or runs in one. */
export const workerThreads = onFirstUse(() => require('node:worker_threads') as typeof import('node:worker_threads'));

/** The Mendix Cloud check (the Deploy API client, HTTP): only with --mendix-cloud. */
export const cloudCheck = onFirstUse(() => require('./cloudCheck') as typeof import('./cloudCheck'));
