// The Deploy API v1 client both front ends use: bounded timeouts, one request at a time per
// environment, back-off on 429 honouring Retry-After, and every failure a CloudApiError that
// says what to do. The key goes in the Mendix-ApiKey header and nowhere else: not in a URL,
// an error, a log line.
import { appsOf, environmentsOf, settingsOf, type CloudApp, type CloudEnvironment, type CloudSettings } from './api';
import { CloudApiError, failureOfStatus } from './errors';
import type { HttpResponse, HttpTransport } from './http';

export interface CloudCredentials {
  /** the Mendix login name */
  username: string;
  /** a personal API key (Mendix Profile → API Keys) */
  apiKey: string;
}

export interface DeployApiClientOptions {
  /** from parseBaseUrl (http only for loopback) */
  baseUrl: string;
  credentials: CloudCredentials;
  transport: HttpTransport;
  /** per request, default 30 s */
  timeoutMs?: number;
  /** how often a 429 is retried before it becomes an error; default 3 */
  maxRetries?: number;
  /** the longest a Retry-After is waited for; longer → the error at once; default 60 s */
  maxRetryWaitMs?: number;
  /** waits between retries; tests may pass a recorder */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 30_000;

export class DeployApiClient {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly options: DeployApiClientOptions) {}

  /** Every app the key can see. */
  async listApps(signal?: AbortSignal): Promise<CloudApp[]> {
    const body = await this.request('GET', ['apps'], 'listing the apps', 'apps', undefined, signal);
    return this.shaped(appsOf(body), 'listing the apps');
  }

  /** The environments of one app. */
  async listEnvironments(appId: string, signal?: AbortSignal): Promise<CloudEnvironment[]> {
    const what = `listing the environments of ${appId}`;
    const body = await this.request('GET', ['apps', appId, 'environments'], what, `app:${appId}`, undefined, signal);
    return this.shaped(environmentsOf(body), what);
  }

  /** The constants (Value and DeployedValue) of one environment. */
  async getSettings(appId: string, mode: string, signal?: AbortSignal): Promise<CloudSettings> {
    const what = `reading the settings of ${appId}/${mode}`;
    const body = await this.request('GET', settingsPath(appId, mode), what, envKey(appId, mode), undefined, signal);
    return this.shaped(settingsOf(body), what);
  }

  /**
   * Changes one constant's Value (applied at the environment's next restart): posts exactly
   * that constant, nothing else. A refusal (400 CONSTANT_NOT_FOUND) is a CloudApiError and the
   * API changes nothing. Returns the settings as the API answers them.
   */
  async setConstant(appId: string, mode: string, name: string, value: string, signal?: AbortSignal): Promise<CloudSettings> {
    const what = `changing ${name} in ${appId}/${mode}`;
    const body = JSON.stringify({ Constants: [{ Name: name, Value: value }] });
    const answer = await this.request('POST', settingsPath(appId, mode), what, envKey(appId, mode), body, signal);
    // some answers to a POST are empty; read the settings back then
    return settingsOf(answer) ?? this.getSettings(appId, mode, signal);
  }

  private shaped<T>(value: T | undefined, what: string): T {
    if (value === undefined) throw new CloudApiError('bad-answer', what);
    return value;
  }

  /** One request at a time per key (an environment, an app's list): a later one waits for the earlier. */
  private request(method: 'GET' | 'POST', path: string[], what: string, key: string, body: string | undefined, signal?: AbortSignal): Promise<unknown> {
    const before = this.queues.get(key) ?? Promise.resolve();
    const run = before.catch(() => undefined).then(() => this.send(method, path, what, body, signal));
    const settled = run.catch(() => undefined);
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return run;
  }

  private async send(method: 'GET' | 'POST', path: string[], what: string, body: string | undefined, signal?: AbortSignal): Promise<unknown> {
    const { baseUrl, credentials, transport } = this.options;
    const url = `${baseUrl}/api/1/${path.map(encodeURIComponent).join('/')}`;
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'Mendix-Username': credentials.username,
      'Mendix-ApiKey': credentials.apiKey,
    };
    const maxRetries = this.options.maxRetries ?? 3;
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw new CloudApiError('timeout', what);
      const timeout = AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
      let response: HttpResponse;
      try {
        response = await transport({ method, url, headers, body, signal: combined });
      } catch (error) {
        if (timeout.aborted || signal?.aborted) throw new CloudApiError('timeout', what);
        throw new CloudApiError('network', what, undefined, undefined, networkCause(error));
      }
      if (response.status === 429 && attempt < maxRetries) {
        const wait = retryAfterMs(response.header('retry-after'), attempt);
        if (wait <= (this.options.maxRetryWaitMs ?? 60_000)) {
          await (this.options.sleep ?? sleep)(wait, signal);
          continue;
        }
      }
      if (response.status >= 200 && response.status < 300) {
        if (response.body.trim() === '') return undefined;
        try {
          return JSON.parse(response.body) as unknown;
        } catch {
          throw new CloudApiError('bad-answer', what, undefined, response.status);
        }
      }
      const { code, message } = errorBody(response.body, credentials.apiKey);
      throw new CloudApiError(failureOfStatus(response.status), what, code, response.status, message);
    }
  }
}

function settingsPath(appId: string, mode: string): string[] {
  return ['apps', appId, 'environments', mode, 'settings'];
}

function envKey(appId: string, mode: string): string {
  return `env:${appId}/${mode}`;
}

/** Retry-After in seconds or as an HTTP date; without one, 1 s, 2 s, 4 s … */
export function retryAfterMs(header: string | null, attempt: number): number {
  if (header !== null) {
    const trimmed = header.trim();
    if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
    const date = Date.parse(trimmed);
    if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
  }
  return 1000 * 2 ** attempt;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * The API's error code and message. The documentation names the codes but not the body's
 * fields; `errorCode` / `errorMessage` are read, with the capitalised spellings other v1
 * answers use. The message is shortened, stripped of control characters, and any echo of
 * the key (plain or base64) is removed.
 */
function errorBody(body: string, apiKey: string): { code?: string; message?: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  const o = parsed as Record<string, unknown>;
  const code = [o.errorCode, o.ErrorCode, o.code].find((v): v is string => typeof v === 'string' && /^[A-Z0-9_ ]{1,64}$/.test(v));
  const rawMessage = [o.errorMessage, o.ErrorMessage, o.message].find((v): v is string => typeof v === 'string');
  return { code, message: rawMessage === undefined ? undefined : cleanMessage(rawMessage, apiKey) };
}

function cleanMessage(text: string, apiKey: string): string {
  let out = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  if (apiKey.length >= 3) {
    const base64 = Buffer.from(apiKey, 'utf8').toString('base64');
    for (const form of [apiKey, base64, base64.replace(/=+$/, '')]) out = out.split(form).join('****');
  }
  return out.length > 200 ? `${out.slice(0, 199)}…` : out;
}

/** The system error code behind a failed connection (ECONNREFUSED, ENOTFOUND, …), never a URL. */
function networkCause(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
