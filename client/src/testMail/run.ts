// Send Test Mail / Verify SMTP Connection: scope → recipient → password → a cancellable
// progress notification → a notification naming the stage, cause and fix, and the full
// report in the "Mendix Email" output channel.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { SmtpReport, SmtpSettings } from '../../../protocol/testSend';
import { loadSmtp, type SmtpModule } from './loadSmtp';
import { choosePassword, forgetPassword, type PasswordChoice } from './passwords';
import { pickScope, type TestMailArgs } from './pickScope';

const LAST_RECIPIENT = 'mendixEmail.smtp.lastRecipient';
const TRUST_HINT = 'trust that certificate (or its CA) for this host only: add "host": "/path/to/cert.pem" to the setting mendixEmail.smtp.trustedCertificates';

/** Where a Mendix Cloud environment's password comes from: the Deploy API's answer, kept in memory (cloud/environments.ts). */
export interface CloudPasswords {
  passwordFor(uri: vscode.Uri, host: string): string | undefined;
}

export interface Deps {
  context: vscode.ExtensionContext;
  client: LanguageClient;
  output: vscode.LogOutputChannel;
  cloud?: CloudPasswords;
}

function smtpConfig(uri: vscode.Uri): { timeoutSeconds?: number; trustedCertificates: Record<string, string> } {
  const config = vscode.workspace.getConfiguration('mendixEmail.smtp', uri);
  const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath;
  const trusted: Record<string, string> = {};
  for (const [host, file] of Object.entries(config.get<Record<string, string>>('trustedCertificates', {}))) {
    if (typeof file !== 'string' || !file) continue;
    const expanded = folder ? file.replace(/\$\{workspaceFolder\}/g, folder) : file;
    trusted[host] = path.isAbsolute(expanded) || !folder ? expanded : path.join(folder, expanded);
  }
  return { timeoutSeconds: config.get<number>('timeoutSeconds'), trustedCertificates: trusted };
}

async function askRecipient(deps: Deps, smtp: SmtpModule, given?: string): Promise<string | undefined> {
  const last = deps.context.workspaceState.get<string>(LAST_RECIPIENT);
  if (given !== undefined) {
    const verdict = smtp.checkRecipient(given);
    if (verdict.kind === 'refuse') {
      void vscode.window.showErrorMessage(`Mendix Email: ${verdict.reason}.`);
      return undefined;
    }
  }
  const to = given ?? await vscode.window.showInputBox({
    title: 'Send the test mail to',
    prompt: 'A mailbox you can read. The message says which file, scope and server sent it.',
    value: last,
    placeHolder: 'you@your-company.com',
    ignoreFocusOut: true,
    validateInput: (value) => {
      const verdict = smtp.checkRecipient(value);
      return verdict.kind === 'refuse' ? verdict.reason : undefined;
    },
  });
  if (to === undefined) return undefined;
  const verdict = smtp.checkRecipient(to);
  // a recipient passed by a caller was chosen on purpose: only a typed one asks "send anyway?"
  if (verdict.kind === 'confirm' && given === undefined) {
    const answer = await vscode.window.showWarningMessage(`${verdict.reason}. Send anyway?`, { modal: true }, 'Send Anyway');
    if (answer !== 'Send Anyway') return undefined;
  }
  await deps.context.workspaceState.update(LAST_RECIPIENT, to.trim());
  return to.trim();
}

export async function runTestMail(deps: Deps, mode: 'send' | 'verify', args: TestMailArgs, scopeArg?: string): Promise<SmtpReport | undefined> {
  if (!vscode.workspace.isTrusted) {
    const manage = 'Manage Workspace Trust';
    const answer = await vscode.window.showWarningMessage(
      `Mendix Email: ${mode === 'send' ? 'sending a test mail' : 'verifying the SMTP connection'} needs a trusted workspace, because it connects to the server named in this folder's files and sends it credentials. Trust the workspace first; nothing was sent.`,
      manage,
    );
    if (answer === manage) await vscode.commands.executeCommand('workbench.trust.manage');
    return undefined;
  }
  const target = await pickScope(deps.client, args, scopeArg);
  if (!target) return undefined;
  const { scope, uri } = target;
  if (scope.settings.problems.length) {
    void vscode.window.showErrorMessage(`Mendix Email: cannot test the mail settings of ${scope.name}: ${scope.settings.problems.join('; ')}.`);
    return undefined;
  }
  let smtp: SmtpModule;
  try {
    smtp = loadSmtp(deps.context);
  } catch (error) {
    void vscode.window.showErrorMessage(`Mendix Email: the test-send module (dist/smtp.js) could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  const givenTo = args && typeof args === 'object' && !(args instanceof vscode.Uri) && 'to' in args ? args.to : undefined;
  const to = mode === 'send' ? await askRecipient(deps, smtp, givenTo) : undefined;
  if (mode === 'send' && !to) return undefined;
  // an environment's document masks the password; the Deploy API gave it to us, when it gives one
  const fromCloud = uri.scheme === 'mendix-cloud' && scope.settings.host ? deps.cloud?.passwordFor(uri, scope.settings.host) : undefined;
  const pw: PasswordChoice = fromCloud !== undefined ? { password: fromCloud } : await choosePassword(deps.context, scope, uri);
  if (pw.cancelled) return undefined;

  const settings: SmtpSettings = { ...scope.settings, password: pw.password !== undefined ? { kind: 'literal', value: pw.password } : { kind: 'missing', written: '' } };
  const config = smtpConfig(uri);
  const title = mode === 'send' ? `Mendix Email: sending a test mail to ${to}` : `Mendix Email: verifying ${settings.host}:${settings.port}`;
  const report = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const controller = new AbortController();
    const sub = token.onCancellationRequested(() => controller.abort());
    try {
      const options = {
        password: pw.password,
        signal: controller.signal,
        timeoutSeconds: config.timeoutSeconds,
        trustedCertificates: config.trustedCertificates,
        trustHint: TRUST_HINT,
        onStage: (stage: string) => progress.report({ message: stage }),
      };
      return mode === 'send'
        ? await smtp.sendTestMail(settings, { ...options, to: to!, origin: { file: uri.scheme === 'file' ? uri.fsPath : uri.toString(true), sentBy: 'VS Code (Mendix Email)' } })
        : await smtp.verifyConnection(settings, options);
    } finally {
      sub.dispose();
    }
  });

  deps.output.appendLine(smtp.formatReport(report));
  await notify(deps, smtp, report, pw.storedKey);
  return report;
}

async function notify(deps: Deps, smtp: SmtpModule, report: SmtpReport, storedKey: string | undefined): Promise<void> {
  const details = 'Show Details';
  const actions = [details];
  // the text (escaped: it quotes the server) comes from the SMTP core, so it can be tested there
  const { level, message } = smtp.notificationFor(report);
  const show = level === 'error' ? vscode.window.showErrorMessage : level === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  if (report.failure?.stage === 'AUTH' && !report.cancelled && storedKey) actions.push('Forget Stored Password');
  const answer = await show(message, ...actions);
  if (answer === details) deps.output.show(true);
  if (answer === 'Forget Stored Password' && storedKey) await forgetPassword(deps.context, storedKey);
}
