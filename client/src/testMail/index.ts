// The test-mail commands: Send Test Mail, Verify SMTP Connection, Forget Stored Passwords.
// Called once from activate(); the SMTP code itself loads on first use (see loadSmtp.ts).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { forgetAllPasswords } from './passwords';
import type { TestMailArgs } from './pickScope';
import { runTestMail, type CloudPasswords } from './run';

export const SEND_TEST_MAIL_COMMAND = 'mendixEmail.sendTestMail';
export const VERIFY_CONNECTION_COMMAND = 'mendixEmail.verifyConnection';
export const FORGET_PASSWORDS_COMMAND = 'mendixEmail.forgetPasswords';

export function registerTestMailCommands(context: vscode.ExtensionContext, client: LanguageClient, output: vscode.LogOutputChannel, cloud?: CloudPasswords): void {
  const deps = { context, client, output, cloud };
  // a failure inside a command must reach the user, never vanish as an unhandled rejection
  const guarded = (mode: 'send' | 'verify') => async (args?: TestMailArgs, scope?: string) => {
    try {
      return await runTestMail(deps, mode, args, scope);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      output.error(`Test ${mode} failed unexpectedly: ${message}`);
      void vscode.window.showErrorMessage(`Mendix Email: the test ${mode} failed unexpectedly: ${message}`);
      return undefined;
    }
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(SEND_TEST_MAIL_COMMAND, guarded('send')),
    vscode.commands.registerCommand(VERIFY_CONNECTION_COMMAND, guarded('verify')),
    vscode.commands.registerCommand(FORGET_PASSWORDS_COMMAND, async () => {
      const n = await forgetAllPasswords(context);
      void vscode.window.showInformationMessage(n ? `Mendix Email: forgot ${n} stored SMTP password${n === 1 ? '' : 's'}.` : 'Mendix Email: no SMTP passwords were stored.');
    }),
  );
}
