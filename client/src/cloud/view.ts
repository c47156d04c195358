// The "Mendix Cloud" view in the Explorer: apps → environments, each environment with its
// problem count. It fetches when it becomes visible and on Refresh, never in the background.
import * as vscode from 'vscode';
import type { CloudApp, CloudEnvironment } from '../../../server/src/cloud/api';
import { cloudDocumentUri } from '../../../server/src/cloud/uri';
import { mapWithLimit } from '../../../server/src/cloud/pool';
import { currentAccount } from './account';
import type { CloudEnvironments, LoadedEnvironment } from './environments';

export const CLOUD_VIEW = 'mendixEmail.cloud';
export const OPEN_ENVIRONMENT_COMMAND = 'mendixEmail.cloud.openEnvironment';
/** environments fetched at once when an app is expanded (the Deploy API asks for restraint) */
const FETCH_AT_ONCE = 3;

type Node =
  | { kind: 'app'; app: CloudApp }
  | { kind: 'environment'; app: CloudApp; environment: CloudEnvironment; loaded?: LoadedEnvironment; error?: string }
  | { kind: 'message'; text: string; error: boolean };

export class CloudView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private generation = 0;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly environments: CloudEnvironments,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  refresh(): void {
    this.generation++;
    this.changed.fire(undefined);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'app') {
      const item = new vscode.TreeItem(node.app.Name, vscode.TreeItemCollapsibleState.Expanded);
      item.description = node.app.AppId !== node.app.Name ? node.app.AppId : undefined;
      item.iconPath = new vscode.ThemeIcon('cloud');
      item.contextValue = 'mendixCloudApp';
      return item;
    }
    if (node.kind === 'message') {
      const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon(node.error ? 'error' : 'info');
      item.tooltip = node.text;
      return item;
    }
    const { environment, loaded, error } = node;
    const item = new vscode.TreeItem(environment.Mode, vscode.TreeItemCollapsibleState.None);
    item.id = cloudDocumentUri(node.app.AppId, environment.Mode);
    const production = environment.Production ? 'production · ' : '';
    item.description = error ? `${production}could not load` : loaded ? `${production}${countWords(loaded.rendered.counts)}` : `${production}loading…`;
    item.tooltip = error ?? `${node.app.Name} · ${environment.Mode}${environment.Status ? ` (${environment.Status})` : ''}${environment.MendixVersion ? ` · Mendix ${environment.MendixVersion}` : ''}`;
    const counts = loaded?.rendered.counts;
    item.iconPath = new vscode.ThemeIcon(error || counts?.error ? 'error' : counts?.warning ? 'warning' : loaded ? 'pass' : 'loading~spin');
    item.contextValue = 'mendixCloudEnvironment';
    item.command = { command: OPEN_ENVIRONMENT_COMMAND, title: 'Open Environment', arguments: [node.app.AppId, environment.Mode] };
    return item;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!vscode.workspace.isTrusted) return [];
    const account = await currentAccount(this.context);
    // not signed in: the view's welcome content offers Sign In
    if (!account) return [];
    const generation = this.generation;
    try {
      if (!node) {
        const apps = await account.client.listApps();
        return apps.length ? apps.map((app) => ({ kind: 'app', app })) : [{ kind: 'message', text: `No apps for ${account.username} (API access must be allowed per environment)`, error: false }];
      }
      if (node.kind !== 'app') return [];
      const environments = await account.client.listEnvironments(node.app.AppId);
      const nodes = environments.map((environment): Node & { kind: 'environment' } => ({ kind: 'environment', app: node.app, environment }));
      // counts arrive as each environment is fetched and checked; a refresh in between wins
      void mapWithLimit(nodes, FETCH_AT_ONCE, async (n) => {
        if (generation !== this.generation) return;
        try {
          n.loaded = await this.environments.load(account, node.app.AppId, node.app.Name, n.environment);
        } catch (error) {
          n.error = messageOf(error);
          this.output.warn(n.error);
        }
        if (generation === this.generation) this.changed.fire(n);
      });
      return nodes;
    } catch (error) {
      const text = messageOf(error);
      this.output.warn(text);
      return [{ kind: 'message', text, error: true }];
    }
  }
}

function countWords(counts: LoadedEnvironment['rendered']['counts']): string {
  const parts = [
    counts.error ? `${counts.error} error${counts.error === 1 ? '' : 's'}` : '',
    counts.warning ? `${counts.warning} warning${counts.warning === 1 ? '' : 's'}` : '',
    counts.info ? `${counts.info} info` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no problems';
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
