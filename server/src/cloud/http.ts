// The one thing the Deploy API client needs of the network, as an interface: the editor's
// extension host passes its own fetch (which follows VS Code's http.proxy), the CLI passes a
// Node transport that honours HTTPS_PROXY (cli/cloudTransport.ts), tests pass either.

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

export interface HttpResponse {
  status: number;
  /** a response header by (case-insensitive) name, or null */
  header(name: string): string | null;
  body: string;
}

export type HttpTransport = (request: HttpRequest) => Promise<HttpResponse>;

/**
 * A transport over the global fetch. Redirects are refused: fetch would carry the
 * Mendix-ApiKey header along to wherever a redirect points.
 */
export function fetchTransport(fetchImpl: typeof fetch = fetch): HttpTransport {
  return async (request) => {
    const response = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: request.signal,
      redirect: 'error',
    });
    const body = await response.text();
    return { status: response.status, header: (name) => response.headers.get(name), body };
  };
}

/** The documented address of the Deploy API. */
export const DEFAULT_DEPLOY_API_URL = 'https://deploy.mendix.com';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The API's base URL from configuration, or a sentence saying why not. Plain http is taken only
 * for a loopback address (a local stand-in): anywhere else the key would cross the network in
 * clear text. No user or password in the URL, no query: the key travels in a header only.
 */
export function parseBaseUrl(text: string): { url: string } | { error: string } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { error: `"${text}" is not a URL (for example ${DEFAULT_DEPLOY_API_URL})` };
  }
  if (url.username || url.password) return { error: 'the Deploy API URL must not hold a user name or password' };
  if (url.search || url.hash) return { error: 'the Deploy API URL must not have a query or fragment' };
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname)) {
    return { error: `plain http is accepted only for a loopback address (127.0.0.1, localhost, [::1]); use https for ${url.hostname}` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { error: `the Deploy API URL must be https (got ${url.protocol})` };
  return { url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}
