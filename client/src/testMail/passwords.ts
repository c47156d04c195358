// Where the password for a test send comes from: the settings file when it holds one, else
// VS Code's SecretStorage (keyed by host + port + username), else a prompt, with the choice
// not to store it. "Forget Stored Passwords" clears every password stored this way.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MailScope, PasswordLocation } from '../../../protocol/mailSettings';
import { passwordKey, textInRange, unquotePassword } from './passwordText';
import { readSmallFile } from '../readSmallFile';

/** The server reads an env_file up to this size (services/readFile.ts MAX_BYTES.envFile). */
const ENV_FILE_MAX_BYTES = 2 * 1024 * 1024;

const STORED_KEYS = 'mendixEmail.smtp.storedPasswordKeys';

export interface PasswordChoice {
  password?: string;
  /** the password came from SecretStorage (offer to forget it when AUTH rejects it) */
  storedKey?: string;
  /** the user dismissed the prompt */
  cancelled?: boolean;
}

async function readLiteral(loc: PasswordLocation, documentUri: vscode.Uri): Promise<string | undefined> {
  try {
    if (loc.fromFile) {
      const { text } = readSmallFile(path.resolve(path.dirname(documentUri.fsPath), loc.fromFile), ENV_FILE_MAX_BYTES);
      return unquotePassword(textInRange(text, loc.range), loc.quote);
    }
    const doc = await vscode.workspace.openTextDocument(loc.uri ? vscode.Uri.parse(loc.uri) : documentUri);
    return unquotePassword(doc.getText(new vscode.Range(loc.range.start.line, loc.range.start.character, loc.range.end.line, loc.range.end.character)), loc.quote);
  } catch {
    return undefined;
  }
}

export async function choosePassword(context: vscode.ExtensionContext, scope: MailScope, documentUri: vscode.Uri): Promise<PasswordChoice> {
  const s = scope.settings;
  if (!s.username) return {}; // nothing to log in with: the server decides whether that is enough
  if (s.password.kind === 'literal') {
    const value = await readLiteral(s.password, documentUri);
    if (value !== undefined) return { password: value };
  }
  const key = passwordKey(s.host, s.port, s.username);
  const stored = await context.secrets.get(key);
  if (stored) return { password: stored, storedKey: key };

  const why =
    s.password.kind === 'missing' ? 'The file sets no password' :
    s.password.kind === 'literal' ? 'The password could not be read from the file' :
    s.password.kind === 'empty' ? 'The password in the file is empty' :
    `The file only refers to the password (${s.password.written})`;
  const typed = await vscode.window.showInputBox({
    title: `SMTP password for ${s.username} at ${s.host}:${s.port}`,
    prompt: `${why}. Used for this test only; it is sent to ${s.host}:${s.port} and nowhere else.`,
    password: true,
    ignoreFocusOut: true,
  });
  if (typed === undefined) return { cancelled: true };
  const store = await vscode.window.showQuickPick(
    [
      { label: 'Store it', description: `in VS Code's secret storage, for ${s.username} at ${s.host}:${s.port} only`, store: true },
      { label: "Don't store it", description: 'ask again next time', store: false },
    ],
    { title: 'Remember this SMTP password?', ignoreFocusOut: true },
  );
  if (store?.store) await remember(context, key, typed);
  return { password: typed, ...(store?.store ? { storedKey: key } : {}) };
}

async function remember(context: vscode.ExtensionContext, key: string, password: string): Promise<void> {
  await context.secrets.store(key, password);
  const keys = new Set(context.globalState.get<string[]>(STORED_KEYS, []));
  keys.add(key);
  await context.globalState.update(STORED_KEYS, [...keys]);
}

export async function forgetPassword(context: vscode.ExtensionContext, key: string): Promise<void> {
  await context.secrets.delete(key);
  const keys = context.globalState.get<string[]>(STORED_KEYS, []).filter((k) => k !== key);
  await context.globalState.update(STORED_KEYS, keys);
}

/** Deletes every stored SMTP password; returns how many there were. */
export async function forgetAllPasswords(context: vscode.ExtensionContext): Promise<number> {
  const keys = context.globalState.get<string[]>(STORED_KEYS, []);
  for (const key of keys) await context.secrets.delete(key);
  await context.globalState.update(STORED_KEYS, []);
  return keys.length;
}
