// HTTPS_PROXY in the CLI: Node's fetch reads no proxy variables, so the CLI opens a CONNECT
// tunnel itself. A real CONNECT proxy on 127.0.0.1 and the stand-in over https (a certificate
// made now, trusted through NODE_EXTRA_CA_CERTS) show that the request goes through the proxy,
// with the key inside the tunnel only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, runCli } from '../cli/support/cli';
import { makeCert, type TestCert } from '../smtp/support/servers';
import { startDeployApi, type DeployApiStandIn } from './support/deployApi';
import { API_KEY, landscape, USER } from './support/landscape';
import { proxyFor } from '../../server/src/cli/cloudTransport';

let cert: TestCert;
let api: DeployApiStandIn;
let proxy: Server;
let proxyUrl: string;
const tunnels: string[] = [];
const proxyHeaders: string[] = [];
let cwd: string;

before(async () => {
  ensureBuilt();
  cert = makeCert();
  api = await startDeployApi({ users: { [USER]: API_KEY }, apps: landscape(), tls: { key: cert.key, cert: cert.cert } });
  proxy = createServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (req, client, head) => {
    tunnels.push(req.url ?? '');
    proxyHeaders.push(JSON.stringify(req.headers));
    const [host, port] = (req.url ?? '').split(':');
    // only loopback: tests touch nothing outside 127.0.0.0/8
    if (host !== 'localhost' && host !== '127.0.0.1') return client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    const upstream = connect(Number(port), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  cwd = mkdtempSync(join(tmpdir(), 'mendix-email-proxy-'));
});

after(async () => {
  await api.close();
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
  cert.cleanup();
  rmSync(cwd, { recursive: true, force: true });
});

test('the CLI reaches an https Deploy API through HTTPS_PROXY (CONNECT), the key only inside the tunnel', async () => {
  const run = await runCli(['check', '--mendix-cloud', 'calc/Acceptance', '--format', 'json', '--offline'], cwd, {
    MENDIX_USERNAME: USER,
    MENDIX_API_KEY: API_KEY,
    MENDIX_DEPLOY_API_URL: api.url,
    HTTPS_PROXY: proxyUrl,
    NO_PROXY: '',
    no_proxy: '',
    NODE_EXTRA_CA_CERTS: cert.certFile,
  });
  assert.equal(run.status, 1, run.stderr);
  assert.ok(JSON.parse(run.stdout).some((f: { ruleId: string }) => f.ruleId === 'port-25-on-mendix-cloud'));
  const port = new URL(api.url).port;
  assert.ok(tunnels.length >= 2 && tunnels.every((t) => t === `localhost:${port}`), tunnels.join());
  for (const h of proxyHeaders) assert.ok(!h.includes(API_KEY) && !h.toLowerCase().includes('mendix-apikey'), h);
  assert.equal(api.requests.length, 2, 'environments, then settings: through the tunnel');
});

test('NO_PROXY and the variables decide the proxy', () => {
  const target = new URL('https://deploy.mendix.com/api/1/apps');
  assert.equal(proxyFor(target, {}), undefined);
  assert.equal(proxyFor(target, { HTTPS_PROXY: 'http://proxy.corp:3128' })?.host, 'proxy.corp:3128');
  assert.equal(proxyFor(target, { https_proxy: 'proxy.corp:3128' })?.host, 'proxy.corp:3128');
  assert.equal(proxyFor(target, { HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: '.mendix.com' }), undefined);
  assert.equal(proxyFor(target, { HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: '*' }), undefined);
  assert.equal(proxyFor(new URL('http://127.0.0.1:8080/'), { HTTPS_PROXY: 'http://proxy.corp:3128' }), undefined, 'http targets use HTTP_PROXY');
});
