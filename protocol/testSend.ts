// The test send runs in the extension host, not over LSP: the client loads the SMTP core as its
// own bundle (dist/smtp.js, built from server/src/smtp/index.ts) on the first test send, so a
// password never crosses the connection. This is that bundle's interface, as types only: the
// client compiles against it and the bundle's code stays out of dist/client.js.
export type SmtpModule = typeof import('../server/src/smtp/index');
export type { SmtpReport } from '../server/src/smtp/report';
export type { SmtpSettings } from '../server/src/smtp/settings';
