// The CLI's way to the Deploy API: node:http / node:https, through the proxy HTTPS_PROXY (or
// HTTP_PROXY for a plain-http stand-in) names unless NO_PROXY excludes the host. Node 20's
// fetch reads no proxy variables and undici's proxy agent is not a dependency here, so an
// https request through a proxy is a CONNECT tunnel made here. Never follows a redirect (the
// key header would go along) and never prints the proxy URL (it may hold a password).
import * as http from 'node:http';
import * as https from 'node:https';
import * as tls from 'node:tls';
import type { Socket } from 'node:net';
import type { HttpRequest, HttpResponse, HttpTransport } from '../cloud/http';

const MAX_BODY = 10 * 1024 * 1024;

/** The proxy for a URL by the usual variables, or undefined for a direct connection. */
export function proxyFor(target: URL, env: NodeJS.ProcessEnv): URL | undefined {
  const raw = target.protocol === 'https:' ? (env.HTTPS_PROXY ?? env.https_proxy) : (env.HTTP_PROXY ?? env.http_proxy);
  if (!raw) return undefined;
  const noProxy = (env.NO_PROXY ?? env.no_proxy ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  for (const entry of noProxy) {
    if (entry === '*') return undefined;
    const name = entry.replace(/:\d+$/, '').replace(/^\*?\./, '');
    if (host === name || host.endsWith(`.${name}`)) return undefined;
  }
  try {
    const url = new URL(raw.includes('://') ? raw : `http://${raw}`);
    return url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

export function nodeTransport(env: NodeJS.ProcessEnv): HttpTransport {
  return (request) => send(request, env);
}

function proxyAuthorization(proxy: URL): Record<string, string> {
  if (!proxy.username) return {};
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { 'Proxy-Authorization': `Basic ${Buffer.from(credentials).toString('base64')}` };
}

/** A CONNECT tunnel through the proxy to host:port; the socket once the proxy said 200. */
function tunnel(proxy: URL, host: string, port: number, signal: AbortSignal): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: proxy.hostname,
      port: Number(proxy.port || 80),
      method: 'CONNECT',
      path: `${host}:${port}`,
      headers: { Host: `${host}:${port}`, ...proxyAuthorization(proxy) },
      signal,
    });
    req.once('connect', (res, socket) => {
      if (res.statusCode === 200) return resolve(socket);
      socket.destroy();
      reject(Object.assign(new Error('the proxy refused the tunnel'), { code: `PROXY_${res.statusCode}` }));
    });
    req.once('error', reject);
    req.end();
  });
}

async function send(request: HttpRequest, env: NodeJS.ProcessEnv): Promise<HttpResponse> {
  const target = new URL(request.url);
  const proxy = proxyFor(target, env);
  const secure = target.protocol === 'https:';
  const port = Number(target.port || (secure ? 443 : 80));
  const headers: Record<string, string> = { ...request.headers };
  if (request.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(request.body));
  let options: https.RequestOptions;
  if (secure && proxy) {
    const socket = await tunnel(proxy, target.hostname, port, request.signal);
    // no agent: only then does Node use createConnection
    options = { createConnection: () => tls.connect({ socket, servername: target.hostname }) };
  } else if (proxy) {
    // plain http through a proxy: the absolute URL as the request target
    options = { host: proxy.hostname, port: Number(proxy.port || 80), path: target.href, agent: false };
    Object.assign(headers, proxyAuthorization(proxy));
  } else {
    options = { host: target.hostname.replace(/^\[|\]$/g, ''), port, agent: false };
  }
  const path = proxy && !secure ? target.href : `${target.pathname}${target.search}`;
  return new Promise<HttpResponse>((resolve, reject) => {
    const req = (secure ? https : http).request(
      { ...options, method: request.method, path, headers: { Host: target.host, ...headers }, signal: request.signal, servername: target.hostname },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY) {
            req.destroy(Object.assign(new Error('answer too large'), { code: 'ANSWER_TOO_LARGE' }));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, header: (name) => headerOf(res.headers[name.toLowerCase()]), body });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}

function headerOf(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}
