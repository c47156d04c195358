// Which environments a request names (`<AppId>/<Mode>`, `<AppId>` = all of its environments,
// `*` = every app and environment the key can see) and fetching them through a small bounded
// pool: each environment's settings rendered as its document, or the error that stopped it.
import type { CloudEnvironment } from './api';
import type { DeployApiClient } from './client';
import { CloudApiError } from './errors';
import { mapWithLimit } from './pool';
import { renderEnvironment, type RenderedEnvironment } from './render';

export type EnvironmentSpec = { all: true } | { appId: string; mode?: string };

/** `calc/Production`, `calc`, `*` → a spec, or a sentence saying what is wrong. */
export function parseEnvironmentSpec(text: string): EnvironmentSpec | { error: string } {
  const t = text.trim();
  if (t === '*') return { all: true };
  const m = /^([A-Za-z0-9][A-Za-z0-9-]*)(?:\/([A-Za-z0-9][A-Za-z0-9 _-]*))?$/.exec(t);
  if (!m) return { error: `"${text}" is not <AppId>/<Mode>, <AppId> or '*' (for example calc/Production)` };
  return m[2] === undefined ? { appId: m[1] } : { appId: m[1], mode: m[2] };
}

/** One environment: its rendered document, or why it could not be read. */
export interface FetchedEnvironment {
  appId: string;
  mode: string;
  production: boolean;
  rendered?: RenderedEnvironment;
  error?: CloudApiError;
}

export interface FetchOutcome {
  environments: FetchedEnvironment[];
  /** failures before any environment was known (listing the apps or an app's environments) */
  listingErrors: { what: string; error: CloudApiError }[];
}

export interface FetchOptions {
  /** environments fetched at once; default 4 */
  concurrency?: number;
  signal?: AbortSignal;
  /** after each environment: how many are done of how many */
  onProgress?(done: number, total: number): void;
}

/** Resolves the specs to environments (each app's list asked once) and fetches their settings. */
export async function fetchEnvironments(client: DeployApiClient, specs: readonly EnvironmentSpec[], options: FetchOptions = {}): Promise<FetchOutcome> {
  const listingErrors: FetchOutcome['listingErrors'] = [];
  const appIds: string[] = [];
  const wanted = new Map<string, Set<string> | 'all'>();
  const want = (appId: string, mode?: string) => {
    if (!wanted.has(appId)) appIds.push(appId);
    const current = wanted.get(appId);
    if (mode === undefined || current === 'all') wanted.set(appId, 'all');
    else wanted.set(appId, (current ?? new Set<string>()).add(mode));
  };
  if (specs.some((s) => 'all' in s)) {
    try {
      for (const app of await client.listApps(options.signal)) want(app.AppId);
    } catch (error) {
      listingErrors.push({ what: '*', error: asCloudError(error, 'listing the apps') });
    }
  }
  for (const s of specs) if (!('all' in s)) want(s.appId, s.mode);

  const concurrency = options.concurrency ?? 4;
  const lists = await mapWithLimit(appIds, concurrency, async (appId) => {
    try {
      return await client.listEnvironments(appId, options.signal);
    } catch (error) {
      listingErrors.push({ what: appId, error: asCloudError(error, `listing the environments of ${appId}`) });
      return undefined;
    }
  });
  const targets: { appId: string; environment: Pick<CloudEnvironment, 'Mode' | 'Production'> }[] = [];
  appIds.forEach((appId, i) => {
    const list = lists[i];
    if (!list) return;
    const modes = wanted.get(appId)!;
    if (modes === 'all') {
      for (const environment of list) targets.push({ appId, environment });
      return;
    }
    for (const mode of modes) {
      // the API matches Test/Acceptance/Production without regard to case
      const environment = list.find((e) => e.Mode === mode) ?? list.find((e) => e.Mode.toLowerCase() === mode.toLowerCase());
      // not in the list: ask anyway, so the user gets the API's own answer (ENVIRONMENT_NOT_FOUND, NO_ACCESS…)
      targets.push({ appId, environment: environment ?? { Mode: mode, Production: false } });
    }
  });

  let done = 0;
  const environments = await mapWithLimit(targets, concurrency, async ({ appId, environment }): Promise<FetchedEnvironment> => {
    const base = { appId, mode: environment.Mode, production: environment.Production };
    try {
      const settings = await client.getSettings(appId, environment.Mode, options.signal);
      return { ...base, rendered: renderEnvironment(appId, environment, settings) };
    } catch (error) {
      return { ...base, error: asCloudError(error, `reading the settings of ${appId}/${environment.Mode}`) };
    } finally {
      options.onProgress?.(++done, targets.length);
    }
  });
  return { environments, listingErrors };
}

function asCloudError(error: unknown, what: string): CloudApiError {
  return error instanceof CloudApiError ? error : new CloudApiError('network', what);
}
