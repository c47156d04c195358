// Who is signed in to Mendix Cloud, and the Deploy API client for them. The API key lives in
// VS Code's SecretStorage under a name bound to the API address and the username it was typed
// for, so a key is never sent to another address or on behalf of another user; the username
// (not a secret) is kept in the global state. Nothing of it is a setting a workspace could set.
import * as vscode from 'vscode';
import { DeployApiClient } from '../../../server/src/cloud/client';
import { DEFAULT_DEPLOY_API_URL, fetchTransport, parseBaseUrl } from '../../../server/src/cloud/http';

const USERNAME_STATE = 'mendixEmail.cloud.username';

export interface CloudAccount {
  baseUrl: string;
  username: string;
  client: DeployApiClient;
}

/** The Deploy API address from the (application-scoped) setting, or a sentence saying why not. */
export function configuredBaseUrl(): { url: string } | { error: string } {
  const text = vscode.workspace.getConfiguration('mendixEmail.cloud').get<string>('apiUrl') || DEFAULT_DEPLOY_API_URL;
  return parseBaseUrl(text);
}

function secretName(baseUrl: string, username: string): string {
  return `mendixEmail.cloud.apiKey:${baseUrl}:${username}`;
}

function timeoutMs(): number {
  const seconds = vscode.workspace.getConfiguration('mendixEmail.cloud').get<number>('timeoutSeconds') ?? 30;
  return Math.min(300, Math.max(1, seconds)) * 1000;
}

/** The signed-in account, or undefined (not signed in, no key for this address, or a bad address). */
export async function currentAccount(context: vscode.ExtensionContext): Promise<CloudAccount | undefined> {
  const username = context.globalState.get<string>(USERNAME_STATE);
  const base = configuredBaseUrl();
  if (!username || !('url' in base)) return undefined;
  const apiKey = await context.secrets.get(secretName(base.url, username));
  if (!apiKey) return undefined;
  // the extension host's fetch follows VS Code's proxy settings (http.proxy)
  const client = new DeployApiClient({ baseUrl: base.url, credentials: { username, apiKey }, transport: fetchTransport(), timeoutMs: timeoutMs() });
  return { baseUrl: base.url, username, client };
}

/** Asks for the username and the API key; stores the key in SecretStorage. True when signed in. */
export async function signIn(context: vscode.ExtensionContext): Promise<boolean> {
  const base = configuredBaseUrl();
  if ('error' in base) {
    void vscode.window.showErrorMessage(`Mendix Email: the setting mendixEmail.cloud.apiUrl is not usable: ${base.error}.`);
    return false;
  }
  const username = await vscode.window.showInputBox({
    title: 'Sign in to Mendix Cloud (1/2)',
    prompt: 'Your Mendix login name (the e-mail address you sign in with)',
    value: context.globalState.get<string>(USERNAME_STATE),
    ignoreFocusOut: true,
  });
  // an empty answer is a cancel (a validation message on the empty box would only block Enter)
  if (!username?.trim()) return false;
  const apiKey = await vscode.window.showInputBox({
    title: 'Sign in to Mendix Cloud (2/2)',
    prompt: `A personal API key of ${username.trim()} (Mendix Profile → API Keys). Stored in VS Code's secret storage for ${base.url} only.`,
    password: true,
    ignoreFocusOut: true,
  });
  if (!apiKey?.trim()) return false;
  await context.secrets.store(secretName(base.url, username.trim()), apiKey.trim());
  await context.globalState.update(USERNAME_STATE, username.trim());
  return true;
}

/** Forgets the key of the signed-in user for the configured address. */
export async function signOut(context: vscode.ExtensionContext): Promise<void> {
  const username = context.globalState.get<string>(USERNAME_STATE);
  const base = configuredBaseUrl();
  if (username && 'url' in base) await context.secrets.delete(secretName(base.url, username));
  await context.globalState.update(USERNAME_STATE, undefined);
}
