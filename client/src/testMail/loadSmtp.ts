// The SMTP core (nodemailer included, ~200 KB) is a separate bundle, dist/smtp.js, loaded
// the first time a test-mail command runs: the extension's start-up never pays for it, and
// the password stays in this process instead of crossing the LSP connection (whose verbose
// trace would log it).
import * as vscode from 'vscode';

import type { SmtpModule } from '../../../protocol/testSend';

export type { SmtpModule };

let loaded: SmtpModule | undefined;

export function loadSmtp(context: vscode.ExtensionContext): SmtpModule {
  if (!loaded) {
    // module.require: esbuild leaves it alone, so dist/smtp.js is not pulled into dist/client.js
    loaded = module.require(context.asAbsolutePath('dist/smtp.js')) as SmtpModule;
  }
  return loaded;
}
