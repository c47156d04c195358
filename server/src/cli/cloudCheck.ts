// `mendix-email check --mendix-cloud <AppId>/<Mode>`: fetches the named Mendix Cloud
// environments through the Deploy API (credentials only from MENDIX_USERNAME / MENDIX_API_KEY,
// the base URL from MENDIX_DEPLOY_API_URL), checks each rendered environment with the same
// core as a file, and hands back findings that name the environment's document and the
// constant. An environment that cannot be read is a problem (exit code 2) with the API's
// error code and what to do.
import { join } from 'node:path';
import type { CheckOptions, LoadedProjectConfig } from '../core/settings';
import type { SeveritySetting, Target } from '../core/types';
import { checkDocument } from '../engine/check';
import { DeployApiClient } from '../cloud/client';
import { fetchEnvironments, type EnvironmentSpec } from '../cloud/environments';
import { DEFAULT_DEPLOY_API_URL, parseBaseUrl } from '../cloud/http';
import { constantOnLine } from '../cloud/render';
import { nodeTransport } from './cloudTransport';
import { FolderContents } from './folders';
import type { CliIo } from './io';
import { ProjectConfigs } from './projectConfigs';
import { reportedFinding, type ReportedFinding, type RunProblem } from './report';

export interface CloudCheckRequest {
  specs: EnvironmentSpec[];
  rules: Record<string, SeveritySetting>;
  target?: Target;
  explicitConfig?: LoadedProjectConfig;
  /** per request to the Deploy API */
  timeoutSeconds: number;
  quiet: boolean;
}

export interface EnvironmentSummary {
  name: string;
  production: boolean;
  counts?: { error: number; warning: number; info: number; hint: number };
  /** why it could not be read */
  failure?: string;
}

export interface CloudCheckOutcome {
  findings: ReportedFinding[];
  problems: RunProblem[];
  environmentsChecked: number;
  summary: EnvironmentSummary[];
}

/** The run's outcome, or a sentence for stderr when it cannot start (exit code 2). */
export async function checkMendixCloud(request: CloudCheckRequest, io: CliIo): Promise<CloudCheckOutcome | { error: string }> {
  const username = io.env.MENDIX_USERNAME?.trim();
  const apiKey = io.env.MENDIX_API_KEY?.trim();
  if (!username || !apiKey) {
    return { error: '--mendix-cloud needs MENDIX_USERNAME (your Mendix login name) and MENDIX_API_KEY (Mendix Profile → API Keys) in the environment; credentials are never taken from arguments' };
  }
  const base = parseBaseUrl(io.env.MENDIX_DEPLOY_API_URL?.trim() || DEFAULT_DEPLOY_API_URL);
  if ('error' in base) return { error: `MENDIX_DEPLOY_API_URL: ${base.error}` };

  const client = new DeployApiClient({
    baseUrl: base.url,
    credentials: { username, apiKey },
    transport: nodeTransport(io.env),
    timeoutMs: request.timeoutSeconds * 1000,
  });
  const progress = io.stderr.isTTY === true;
  const fetched = await fetchEnvironments(client, request.specs, {
    onProgress: progress ? (done, total) => io.stderr.write(`\rMendix Cloud: ${done}/${total} environments read`) : undefined,
  });
  if (progress) io.stderr.write('\r\u001b[K');

  const checkOptions = optionsFor(request, io.cwd);
  const outcome: CloudCheckOutcome = { findings: [], problems: [], environmentsChecked: 0, summary: [] };
  for (const { what, error } of fetched.listingErrors) {
    outcome.problems.push({ file: what === '*' ? 'mendix-cloud://*' : `mendix-cloud://${what}`, message: error.message });
    outcome.summary.push({ name: what === '*' ? '*' : what, production: false, failure: error.errorCode ?? error.failure });
  }
  for (const env of fetched.environments) {
    const name = `${env.appId}/${env.mode}`;
    if (!env.rendered) {
      outcome.problems.push({ file: `mendix-cloud://${name}`, message: env.error!.message });
      outcome.summary.push({ name, production: env.production, failure: env.error!.errorCode ?? env.error!.failure });
      continue;
    }
    const rendered = env.rendered;
    const result = checkDocument({ path: rendered.uri, text: rendered.text }, checkOptions);
    outcome.environmentsChecked++;
    const counts = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const f of result?.findings ?? []) {
      if (request.quiet && f.severity !== 'error') continue;
      counts[f.severity]++;
      const constant = constantOnLine(rendered, f.range.start.line)?.name;
      outcome.findings.push(reportedFinding(rendered.uri, f, constant));
    }
    outcome.summary.push({ name, production: env.production, counts });
  }
  return outcome;
}

/** The .mendix-email.json of the working directory (or --config), with --rule over it. */
function optionsFor(request: CloudCheckRequest, cwd: string): CheckOptions {
  const found = request.explicitConfig ?? new ProjectConfigs(new FolderContents()).for(join(cwd, 'mendix-cloud'));
  if (!found) return { defaultTarget: request.target, ruleSeverities: request.rules };
  const projectConfig: LoadedProjectConfig = { ...found, config: { ...found.config, rules: { ...found.config.rules, ...request.rules } } };
  return { projectConfig, defaultTarget: request.target };
}

/** One line per environment: its name, production or not, and its counts or why it could not be read. */
export function formatEnvironmentSummary(summary: readonly EnvironmentSummary[]): string {
  if (summary.length === 0) return '';
  const width = Math.max(...summary.map((s) => s.name.length));
  const lines = summary.map((s) => {
    const name = s.name.padEnd(width);
    const prod = s.production ? ' (production)' : '';
    if (s.failure) return `  ${name}  could not be read: ${s.failure}${prod}`;
    const c = s.counts!;
    const parts = [`${c.error} error${c.error === 1 ? '' : 's'}`, `${c.warning} warning${c.warning === 1 ? '' : 's'}`];
    if (c.info) parts.push(`${c.info} info`);
    return `  ${name}  ${parts.join(', ')}${prod}`;
  });
  return `Mendix Cloud environments:\n${lines.join('\n')}\n`;
}
