// A stand-in for the Mendix Cloud Deploy API v1 on 127.0.0.1, for tests: the requests, answers
// and error codes the public documentation ("Deploy API – Version 1") describes for apps,
// environments and environment settings, and nothing more. It is test code, not a mock of our
// client: it knows nothing of it. Every request is recorded (the API key replaced) so a test
// can say "exactly one POST, with port 587".
//
//   const api = await startDeployApi({ users: { 'ann@example.com': 'key-1' }, apps: [app] });
//   MENDIX_DEPLOY_API_URL=api.url
//   api.requests            // [{ method, path, headers (no key), body }]
//   api.failNext(429, { retryAfter: 0 }) / api.failNext(503) / api.setDelay(ms)
//   await api.close();
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface StandInConstant {
  Name: string;
  DataType: string;
  Value: string;
  DeployedValue: string | null;
}

export interface StandInEnvironment {
  Mode: string;
  Production: boolean;
  Status?: string;
  Url?: string;
  ModelVersion?: string;
  MendixVersion?: string;
  Constants: StandInConstant[];
  /** users allowed API access to this environment (the portal's Permissions tab); default: all */
  apiAccess?: string[];
}

export interface StandInApp {
  AppId: string;
  Name: string;
  ProjectId?: string;
  environments: StandInEnvironment[];
  /** users who are in the app's team; default: all */
  team?: string[];
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** lower-case names; `mendix-apikey` replaced by "(present)" */
  headers: Record<string, string>;
  body: string;
}

export interface Failure {
  status: number;
  /** seconds for a 429's Retry-After header */
  retryAfter?: number;
  /** only requests whose path contains this */
  pathIncludes?: string;
}

export interface DeployApiStandIn {
  url: string;
  requests: RecordedRequest[];
  apps: StandInApp[];
  /** the next matching request(s) answer with this status instead (FIFO) */
  failNext(status: number, options?: Omit<Failure, 'status'>): void;
  /** answer every request this many milliseconds late */
  setDelay(ms: number): void;
  close(): Promise<void>;
}

export interface DeployApiOptions {
  /** username → API key */
  users: Record<string, string>;
  apps: StandInApp[];
  /** serve https with this key and certificate (for the proxy test); default plain http */
  tls?: { key: string; cert: string };
}

const MODES_FIXED = new Set(['test', 'acceptance', 'production']);

export async function startDeployApi(options: DeployApiOptions): Promise<DeployApiStandIn> {
  const requests: RecordedRequest[] = [];
  const failures: Failure[] = [];
  let delayMs = 0;
  const timers = new Set<NodeJS.Timeout>();

  const listener: RequestListener = (req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        headers[name] = name === 'mendix-apikey' ? '(present)' : String(value);
      }
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers, body });
      const answer = () => handle(req, res, body);
      if (delayMs <= 0) return answer();
      const timer = setTimeout(() => {
        timers.delete(timer);
        answer();
      }, delayMs);
      timers.add(timer);
    });
  };
  const server = options.tls ? createTlsServer(options.tls, listener) : createServer(listener);

  function handle(req: IncomingMessage, res: ServerResponse, body: string): void {
    const path = (req.url ?? '').split('?')[0];
    const failure = failures.findIndex((f) => !f.pathIncludes || path.includes(f.pathIncludes));
    if (failure >= 0) {
      const [f] = failures.splice(failure, 1);
      const headers: Record<string, string> = f.retryAfter !== undefined ? { 'retry-after': String(f.retryAfter) } : {};
      if (f.status === 429) return error(res, 429, 'TOO_MANY_REQUESTS', 'Too many requests.', headers);
      return error(res, f.status, 'SERVICE_UNAVAILABLE', 'Service unavailable, retry later.', headers);
    }
    const user = String(req.headers['mendix-username'] ?? '');
    const key = String(req.headers['mendix-apikey'] ?? '');
    // the documentation does not name the 401's error code; an unknown user or key gets 401
    if (!user || options.users[user] === undefined || options.users[user] !== key) {
      return error(res, 401, 'UNAUTHORIZED', 'Invalid username or API key.');
    }
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] !== 'api' || parts[1] !== '1' || parts[2] !== 'apps') return error(res, 404, 'NOT_FOUND', 'Not found.');
    const visible = options.apps.filter((a) => !a.team || a.team.includes(user));
    if (parts.length === 3 && req.method === 'GET') {
      return json(res, 200, visible.map((a) => ({ AppId: a.AppId, Name: a.Name, ProjectId: a.ProjectId ?? `project-${a.AppId}`, Url: `https://${a.AppId}.mendixcloud.com` })));
    }
    const app = visible.find((a) => a.AppId === parts[3]);
    if (!app) return error(res, 404, 'APP_NOT_FOUND', 'App not found');
    if (parts.length === 5 && parts[4] === 'environments' && req.method === 'GET') {
      return json(res, 200, app.environments.map(describeEnvironment));
    }
    if (parts[4] !== 'environments' || parts.length < 6) return error(res, 404, 'NOT_FOUND', 'Not found.');
    const mode = parts[5];
    if (!/^[A-Za-z0-9_-]+$/.test(mode)) {
      return error(res, 400, 'INVALID_ENVIRONMENT', `Could not parse environment mode '${mode}'. Valid options are Test, Acceptance, Production or the name of a flexible environment.`);
    }
    // the fixed modes are matched without regard to case, as the documentation's examples do (`acceptance`)
    const env = app.environments.find((e) => e.Mode === mode || (MODES_FIXED.has(mode.toLowerCase()) && e.Mode.toLowerCase() === mode.toLowerCase()));
    if (!env) return error(res, 404, 'ENVIRONMENT_NOT_FOUND', 'Environment not found.');
    if (env.apiAccess && !env.apiAccess.includes(user)) return error(res, 403, 'NO_ACCESS', 'You do not have access');
    if (parts.length === 6 && req.method === 'GET') return json(res, 200, describeEnvironment(env));
    if (parts.length !== 7 || parts[6] !== 'settings') return error(res, 404, 'NOT_FOUND', 'Not found.');
    if (req.method === 'GET') return json(res, 200, settingsOf(env));
    if (req.method !== 'POST') return error(res, 405, 'METHOD_NOT_ALLOWED', 'Method not allowed.');
    let posted: { Constants?: { Name?: unknown; Value?: unknown }[] };
    try {
      posted = JSON.parse(body);
    } catch {
      return error(res, 400, 'INVALID_PARAMETERS', 'The body is not JSON.');
    }
    const changes = Array.isArray(posted.Constants) ? posted.Constants : [];
    // all or nothing: an unknown constant refuses the whole request
    for (const c of changes) {
      if (!env.Constants.some((k) => k.Name === c.Name)) return error(res, 400, 'CONSTANT_NOT_FOUND', `Constant not found: ${String(c.Name)}`);
    }
    for (const c of changes) {
      const constant = env.Constants.find((k) => k.Name === c.Name)!;
      constant.Value = String(c.Value);
    }
    return json(res, 200, settingsOf(env));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${options.tls ? 'https://localhost' : 'http://127.0.0.1'}:${port}`,
    requests,
    apps: options.apps,
    failNext(status, more = {}) {
      failures.push({ status, ...more });
    },
    setDelay(ms) {
      delayMs = ms;
    },
    close() {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function describeEnvironment(env: StandInEnvironment) {
  return {
    Status: env.Status ?? 'Running',
    EnvironmentId: `env-${env.Mode.toLowerCase()}`,
    Mode: env.Mode,
    Url: env.Url ?? `https://example-${env.Mode.toLowerCase()}.mendixcloud.com`,
    ModelVersion: env.ModelVersion ?? '1.0.0.1',
    MendixVersion: env.MendixVersion ?? '10.18.0',
    Production: env.Production,
  };
}

function settingsOf(env: StandInEnvironment) {
  return { Constants: env.Constants.map((c) => ({ ...c })), CustomSettings: [], ScheduledEvents: [] };
}

function json(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function error(res: ServerResponse, status: number, errorCode: string, errorMessage: string, headers: Record<string, string> = {}): void {
  json(res, status, { errorCode, errorMessage }, headers);
}
