// The Mendix Cloud environments the user looked at: their settings as the Deploy API gave them
// (kept in memory only, for the test send's password and to post changes against), and their
// rendered documents, served read-only under `mendix-cloud://<AppId>/<Mode>`. The server
// renders and checks (lsp/cloudEnvironments.ts); this side only fetches and shows.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { CloudEnvironment, CloudSettings } from '../../../server/src/cloud/api';
import { cloudDocumentUri, parseCloudDocumentUri, CLOUD_SCHEME } from '../../../server/src/cloud/uri';
import { CloudEnvironmentRequest, type CloudEnvironmentParams, type CloudEnvironmentResult } from '../../../protocol/messages';
import type { CloudAccount } from './account';
import type { CloudPasswords } from '../testMail/run';

export interface LoadedEnvironment {
  appId: string;
  appName: string;
  environment: CloudEnvironment;
  settings: CloudSettings;
  rendered: CloudEnvironmentResult;
}

export class CloudEnvironments implements vscode.TextDocumentContentProvider, CloudPasswords {
  private readonly loaded = new Map<string, LoadedEnvironment>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: LanguageClient) {}

  get(uri: string): LoadedEnvironment | undefined {
    return this.loaded.get(uri);
  }

  /** Fetches one environment's settings and has the server render and check them. */
  async load(account: CloudAccount, appId: string, appName: string, environment: CloudEnvironment, signal?: AbortSignal): Promise<LoadedEnvironment> {
    const settings = await account.client.getSettings(appId, environment.Mode, signal);
    const params: CloudEnvironmentParams = { appId, mode: environment.Mode, production: environment.Production, settings };
    const rendered = await this.client.sendRequest<CloudEnvironmentResult>(CloudEnvironmentRequest, params);
    const entry = { appId, appName, environment, settings, rendered };
    const uri = cloudDocumentUri(appId, environment.Mode);
    const before = this.loaded.get(uri)?.rendered.text;
    this.loaded.set(uri, entry);
    if (before !== undefined && before !== rendered.text) this.changed.fire(vscode.Uri.parse(uri));
    return entry;
  }

  /** Fetches an environment again (after a write, or on refresh). */
  async reload(account: CloudAccount, uri: string): Promise<LoadedEnvironment | undefined> {
    const entry = this.loaded.get(uri);
    if (!entry) return undefined;
    return this.load(account, entry.appId, entry.appName, entry.environment);
  }

  /**
   * The password the Deploy API returned for an environment (the document shows it masked):
   * of several password constants (the server names them), the one whose module sets this host.
   */
  passwordFor(uri: vscode.Uri, host: string): string | undefined {
    const entry = this.loaded.get(keyOf(uri));
    if (!entry) return undefined;
    const valueOf = (name: string) => entry.settings.Constants.find((c) => c.Name === name)?.Value || undefined;
    const candidates = entry.rendered.passwordConstants.filter((p) => valueOf(p.name) !== undefined);
    const chosen = candidates.find((p) => p.host === host) ?? candidates[0];
    return chosen ? valueOf(chosen.name) : undefined;
  }

  forgetAll(): void {
    const uris = [...this.loaded.keys()];
    this.loaded.clear();
    for (const uri of uris) this.changed.fire(vscode.Uri.parse(uri));
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const entry = this.loaded.get(uri.toString(true)) ?? this.loaded.get(normalised(uri));
    if (entry) return entry.rendered.text;
    const ids = parseCloudDocumentUri(uri.toString(true));
    return `# This Mendix Cloud environment (${ids ? `${ids.appId}/${ids.mode}` : uri.toString(true)}) is not loaded.\n# Open it from the Mendix Cloud view in the Explorer.\n`;
  }
}

/** VS Code may hand the URI back with other escaping; our keys are cloudDocumentUri's. */
function normalised(uri: vscode.Uri): string {
  const ids = parseCloudDocumentUri(`${CLOUD_SCHEME}://${uri.authority}${uri.path}`);
  return ids ? cloudDocumentUri(ids.appId, ids.mode) : uri.toString();
}

/** The URI VS Code uses for an environment's document. */
export function environmentDocumentUri(appId: string, mode: string): vscode.Uri {
  return vscode.Uri.parse(cloudDocumentUri(appId, mode));
}

/** The loaded environment behind a document URI, however VS Code escaped it. */
export function keyOf(uri: vscode.Uri): string {
  return normalised(uri);
}
