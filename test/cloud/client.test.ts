// The Deploy API client against the stand-in: the documented answers and error codes, 429 with
// Retry-After, timeouts, one request at a time per environment, and a write that posts exactly
// the changed constant. The key is never in a URL or an error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDeployApi, type DeployApiStandIn } from './support/deployApi';
import { API_KEY, landscape, USER } from './support/landscape';
import { DeployApiClient, type DeployApiClientOptions } from '../../server/src/cloud/client';
import { CloudApiError } from '../../server/src/cloud/errors';
import { fetchTransport, parseBaseUrl } from '../../server/src/cloud/http';

let api: DeployApiStandIn;
before(async () => {
  api = await startDeployApi({ users: { [USER]: API_KEY, 'bob@mycompany.nl': 'bob-key-123' }, apps: landscape() });
  api.apps[0].environments[1].apiAccess = [USER];
});
after(() => api.close());

function client(more: Partial<DeployApiClientOptions> = {}): DeployApiClient {
  return new DeployApiClient({ baseUrl: api.url, credentials: { username: USER, apiKey: API_KEY }, transport: fetchTransport(), timeoutMs: 2000, ...more });
}

async function failure(run: Promise<unknown>): Promise<CloudApiError> {
  try {
    await run;
  } catch (error) {
    assert.ok(error instanceof CloudApiError, String(error));
    assert.ok(!error.message.includes(API_KEY), error.message);
    assert.ok(!error.message.includes(Buffer.from(API_KEY).toString('base64').slice(0, 20)), error.message);
    return error;
  }
  assert.fail('expected a CloudApiError');
}

test('apps, environments and settings as documented, with the two headers', async () => {
  api.requests.length = 0;
  const c = client();
  assert.deepEqual((await c.listApps()).map((a) => a.AppId), ['calc', 'orders']);
  const envs = await c.listEnvironments('calc');
  assert.deepEqual(envs.map((e) => [e.Mode, e.Production]), [['Acceptance', false], ['Production', true]]);
  const settings = await c.getSettings('calc', 'Production');
  assert.equal(settings.Constants.find((k) => k.Name === 'Email_Connector.SMTPPort')?.DeployedValue, '25');
  assert.deepEqual(api.requests.map((r) => `${r.method} ${r.path}`), ['GET /api/1/apps', 'GET /api/1/apps/calc/environments', 'GET /api/1/apps/calc/environments/Production/settings']);
  for (const r of api.requests) {
    assert.equal(r.headers['mendix-username'], USER);
    assert.equal(r.headers['mendix-apikey'], '(present)');
    assert.ok(!r.path.includes(API_KEY) && !r.path.toLowerCase().includes('key'), r.path);
  }
});

test('401 on a bad key: says to check MENDIX_USERNAME and MENDIX_API_KEY', async () => {
  const e = await failure(new DeployApiClient({ baseUrl: api.url, credentials: { username: USER, apiKey: 'wrong-key-456' }, transport: fetchTransport() }).listApps());
  assert.equal(e.failure, 'unauthorized');
  assert.equal(e.status, 401);
  assert.match(e.message, /MENDIX_API_KEY/);
});

test("403 NO_ACCESS: allow API access in the portal's Permissions tab", async () => {
  const bob = new DeployApiClient({ baseUrl: api.url, credentials: { username: 'bob@mycompany.nl', apiKey: 'bob-key-123' }, transport: fetchTransport() });
  const e = await failure(bob.getSettings('calc', 'Production'));
  assert.equal(e.errorCode, 'NO_ACCESS');
  assert.match(e.message, /HTTP 403 NO_ACCESS/);
  assert.match(e.message, /Permissions tab/);
});

test('404 APP_NOT_FOUND / ENVIRONMENT_NOT_FOUND and 400 INVALID_ENVIRONMENT carry the code and what to do', async () => {
  assert.equal((await failure(client().listEnvironments('nope'))).errorCode, 'APP_NOT_FOUND');
  const env = await failure(client().getSettings('calc', 'Staging'));
  assert.equal(env.errorCode, 'ENVIRONMENT_NOT_FOUND');
  assert.match(env.message, /reading the settings of calc\/Staging/);
  assert.equal((await failure(client().getSettings('calc', 'Prod uction'))).errorCode, 'INVALID_ENVIRONMENT');
});

test('429 is retried after Retry-After; past the retries it is a clear error', async () => {
  api.requests.length = 0;
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
  };
  api.failNext(429, { retryAfter: 2 });
  assert.equal((await client({ sleep }).listApps()).length, 2);
  assert.deepEqual(waits, [2000]);
  assert.equal(api.requests.length, 2);
  for (let i = 0; i < 3; i++) api.failNext(429);
  const e = await failure(client({ sleep, maxRetries: 2 }).listApps());
  assert.equal(e.failure, 'rate-limited');
  assert.match(e.message, /HTTP 429/);
  api.failNext(429, { retryAfter: 3600 });
  assert.equal((await failure(client({ sleep }).listApps())).failure, 'rate-limited', 'a Retry-After of an hour is not waited for');
});

test('5xx is a clear error', async () => {
  api.failNext(503);
  const e = await failure(client().listApps());
  assert.equal(e.failure, 'server');
  assert.match(e.message, /HTTP 503/);
});

test('a slow answer times out with a clear error', async () => {
  api.setDelay(1000);
  try {
    const e = await failure(client({ timeoutMs: 100 }).listApps());
    assert.equal(e.failure, 'timeout');
    assert.match(e.message, /timed out/);
  } finally {
    api.setDelay(0);
  }
});

test('one request at a time per environment', async () => {
  api.setDelay(50);
  try {
    let open = 0;
    let most = 0;
    const counting = client({
      transport: async (r) => {
        open++;
        most = Math.max(most, open);
        try {
          return await fetchTransport()(r);
        } finally {
          open--;
        }
      },
    });
    await Promise.all([counting.getSettings('calc', 'Production'), counting.getSettings('calc', 'Production'), counting.getSettings('calc', 'Production')]);
    assert.equal(most, 1);
  } finally {
    api.setDelay(0);
  }
});

test('setConstant posts exactly the changed constant; a refused write changes nothing', async () => {
  api.requests.length = 0;
  const c = client();
  const after = await c.setConstant('calc', 'Acceptance', 'Email_Connector.SMTPPort', '587');
  assert.equal(after.Constants.find((k) => k.Name === 'Email_Connector.SMTPPort')?.Value, '587');
  const posts = api.requests.filter((r) => r.method === 'POST');
  assert.equal(posts.length, 1);
  assert.deepEqual(JSON.parse(posts[0].body), { Constants: [{ Name: 'Email_Connector.SMTPPort', Value: '587' }] });
  assert.equal(posts[0].path, '/api/1/apps/calc/environments/Acceptance/settings');

  const before = JSON.stringify(api.apps[0].environments[0].Constants);
  const e = await failure(c.setConstant('calc', 'Acceptance', 'Email_Connector.Nope', '1'));
  assert.equal(e.errorCode, 'CONSTANT_NOT_FOUND');
  assert.match(e.message, /nothing was changed/);
  assert.equal(JSON.stringify(api.apps[0].environments[0].Constants), before);
});

test('the base URL: https anywhere, plain http only for loopback, never credentials in it', () => {
  assert.deepEqual(parseBaseUrl('https://deploy.mendix.com/'), { url: 'https://deploy.mendix.com' });
  assert.deepEqual(parseBaseUrl('http://127.0.0.1:8080'), { url: 'http://127.0.0.1:8080' });
  assert.deepEqual(parseBaseUrl('http://localhost:1'), { url: 'http://localhost:1' });
  assert.ok('error' in parseBaseUrl('http://deploy.mendix.com'));
  assert.ok('error' in parseBaseUrl('https://user:pw@deploy.mendix.com'));
  assert.ok('error' in parseBaseUrl('ftp://deploy.mendix.com'));
  assert.ok('error' in parseBaseUrl('not a url'));
});
