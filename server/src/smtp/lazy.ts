// The test send's one lazy-loading boundary: nodemailer's SMTP connection is evaluated at the
// connect stage, not when the SMTP code loads. The editor loads that code (dist/smtp.js) before
// it asks for the recipient and the password, and the CLI before DNS: neither prompt nor a send
// that stops at DNS waits for nodemailer. A require() anywhere else in server/src fails
// test/unit/lazyLoading.test.ts; the language server and the CLI have their own tables
// (lsp/lazy.ts, cli/lazy.ts), because esbuild bundles every module a require() names.
/* eslint-disable @typescript-eslint/no-require-imports */
import type SMTPConnection from 'nodemailer/lib/smtp-connection';

/** The module the first time it is asked for, the same one after that. */
function onFirstUse<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}

/** nodemailer's SMTPConnection class: at the first connect. */
export const smtpConnection = onFirstUse(() => require('nodemailer/lib/smtp-connection') as typeof SMTPConnection);
