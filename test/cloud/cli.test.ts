// `mendix-email check --mendix-cloud …` as a user runs it: the built CLI, the stand-in Deploy
// API on 127.0.0.1, credentials only from the environment. Findings name the environment's
// document, the line and the constant in every format; API failures are exit 2 with the code
// and what to do; the key is never in any output or URL, plain or base64.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, runCli, type CliRun } from '../cli/support/cli';
import { startDeployApi, type DeployApiStandIn } from './support/deployApi';
import { API_KEY, landscape, PASSWORD, USER } from './support/landscape';

let api: DeployApiStandIn;
let cwd: string;
before(async () => {
  ensureBuilt();
  api = await startDeployApi({ users: { [USER]: API_KEY, 'bob@mycompany.nl': 'bob-key-123' }, apps: landscape() });
  api.apps[1].environments[0].apiAccess = [USER];
  cwd = mkdtempSync(join(tmpdir(), 'mendix-email-cloud-'));
});
after(async () => {
  await api.close();
  rmSync(cwd, { recursive: true, force: true });
});

function env(more: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return { MENDIX_USERNAME: USER, MENDIX_API_KEY: API_KEY, MENDIX_DEPLOY_API_URL: api.url, HTTPS_PROXY: undefined, HTTP_PROXY: undefined, https_proxy: undefined, http_proxy: undefined, ...more };
}

function cloud(args: string[], more?: Record<string, string | undefined>): Promise<CliRun> {
  return runCli(['check', ...args], cwd, env(more));
}

/** The key in no output, no request path, not even base64-encoded. */
function assertNoKey(run: CliRun): void {
  const forms = [API_KEY, Buffer.from(API_KEY).toString('base64'), Buffer.from(API_KEY).toString('base64').replace(/=+$/, ''), encodeURIComponent(API_KEY), PASSWORD];
  for (const form of forms) {
    assert.ok(!run.stdout.includes(form), `stdout holds a secret form: ${form}`);
    assert.ok(!run.stderr.includes(form), `stderr holds a secret form: ${form}`);
  }
  for (const r of api.requests) for (const form of forms) assert.ok(!r.path.includes(form), r.path);
}

test('AppId/Mode: JSON findings carry file, line and constant; port 25 is exit 1', async () => {
  const run = await cloud(['--mendix-cloud', 'calc/Acceptance', '--format', 'json', '--offline']);
  assertNoKey(run);
  assert.equal(run.status, 1, run.stderr);
  const findings = JSON.parse(run.stdout) as { file: string; line: number; ruleId: string; constant?: string; severity: string }[];
  const port = findings.find((f) => f.ruleId === 'port-25-on-mendix-cloud');
  assert.ok(port, run.stdout);
  assert.equal(port.file, 'mendix-cloud://calc/Acceptance');
  assert.equal(port.constant, 'Email_Connector.SMTPPort');
  // the line in the rendered document: header (4 lines), then constants sorted by name
  assert.equal(port.line, 8);
  assert.match(run.stderr, /calc\/Acceptance\s+1 error/);
});

test("AppId alone: every environment; not-yet-deployed on Production's port with both values", async () => {
  const run = await cloud(['--mendix-cloud', 'calc', '--offline']);
  assertNoKey(run);
  assert.equal(run.status, 1);
  assert.match(run.stdout, /mendix-cloud:\/\/calc\/Production/);
  assert.match(run.stdout, /Email_Connector\.SMTPPort: The running app still uses 25; 587 takes effect at the next restart/);
  assert.match(run.stdout, /Mendix Cloud environments:\n {2}calc\/Acceptance\s+1 error, 0 warnings\n {2}calc\/Production\s+0 errors, 0 warnings, 1 info \(production\)/);
});

test('SARIF: the environment URI as the artifact and the constant in the location message', async () => {
  const run = await cloud(['--mendix-cloud', 'calc/Acceptance', '--format', 'sarif', '--offline']);
  assertNoKey(run);
  const log = JSON.parse(run.stdout);
  const result = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'port-25-on-mendix-cloud');
  const location = result.locations[0];
  assert.deepEqual(location.physicalLocation.artifactLocation, { uri: 'mendix-cloud://calc/Acceptance' });
  assert.equal(location.physicalLocation.region.startLine, 8);
  assert.equal(location.message.text, 'Email_Connector.SMTPPort in mendix-cloud://calc/Acceptance');
});

test("'*' over several apps with a 429 in between: every environment read once the API lets us", async () => {
  api.requests.length = 0;
  api.failNext(429, { retryAfter: 1, pathIncludes: '/settings' });
  const run = await cloud(['--mendix-cloud', '*', '--format', 'json', '--offline']);
  assertNoKey(run);
  assert.equal(run.status, 1, run.stderr);
  const files = new Set((JSON.parse(run.stdout) as { file: string }[]).map((f) => f.file));
  assert.deepEqual([...files].sort(), ['mendix-cloud://calc/Acceptance', 'mendix-cloud://calc/Production']);
  const settings = api.requests.filter((r) => r.path.endsWith('/settings'));
  assert.equal(settings.length, 4, '3 environments, one of them asked twice');
  assert.equal(api.requests.filter((r) => r.path === '/api/1/apps').length, 1);
  assert.match(run.stderr, /orders\/Production\s+0 errors, 0 warnings \(production\)/);
});

test('401 bad key: exit 2, says which variables to check, never the key', async () => {
  const run = await cloud(['--mendix-cloud', 'calc/Production', '--offline'], { MENDIX_API_KEY: 'wrong-key-456' });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /HTTP 401/);
  assert.match(run.stderr, /MENDIX_API_KEY/);
  assert.ok(!run.stderr.includes('wrong-key-456') && !run.stdout.includes('wrong-key-456'));
});

test("403 NO_ACCESS: exit 2 with the code and the portal's Permissions tab", async () => {
  const run = await cloud(['--mendix-cloud', 'orders/Production', '--offline'], { MENDIX_USERNAME: 'bob@mycompany.nl', MENDIX_API_KEY: 'bob-key-123' });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /mendix-cloud:\/\/orders\/Production: .*HTTP 403 NO_ACCESS.*Permissions tab/);
  assert.match(run.stdout, /orders\/Production\s+could not be read: NO_ACCESS/);
});

test('404 APP_NOT_FOUND and ENVIRONMENT_NOT_FOUND: exit 2 with the code', async () => {
  const app = await cloud(['--mendix-cloud', 'nope', '--offline']);
  assert.equal(app.status, 2);
  assert.match(app.stderr, /HTTP 404 APP_NOT_FOUND/);
  const environment = await cloud(['--mendix-cloud', 'calc/Staging', '--offline']);
  assert.equal(environment.status, 2);
  assert.match(environment.stderr, /HTTP 404 ENVIRONMENT_NOT_FOUND/);
});

test('a Deploy API that does not answer in time: exit 2, timed out', async () => {
  api.setDelay(3000);
  try {
    const run = await cloud(['--mendix-cloud', 'calc/Production', '--offline', '--cloud-timeout', '0.3']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /timed out/);
  } finally {
    api.setDelay(0);
  }
});

test('credentials only from the environment; http only to loopback; bad specs are usage errors', async () => {
  const none = await cloud(['--mendix-cloud', 'calc'], { MENDIX_API_KEY: undefined });
  assert.equal(none.status, 2);
  assert.match(none.stderr, /MENDIX_USERNAME .* MENDIX_API_KEY/);
  const plain = await cloud(['--mendix-cloud', 'calc'], { MENDIX_DEPLOY_API_URL: 'http://deploy.example.com' });
  assert.equal(plain.status, 2);
  assert.match(plain.stderr, /plain http is accepted only for a loopback address/);
  const bad = await cloud(['--mendix-cloud', 'calc/Prod/x']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--mendix-cloud: "calc\/Prod\/x" is not/);
});

test('no progress line when stderr is not a terminal', async () => {
  const run = await cloud(['--mendix-cloud', 'calc', '--offline']);
  assert.ok(!run.stderr.includes('\r'), JSON.stringify(run.stderr));
});

test('github and gitlab formats name the environment and the constant too', async () => {
  const github = await cloud(['--mendix-cloud', 'calc/Acceptance', '--format', 'github', '--offline']);
  assertNoKey(github);
  assert.match(github.stdout, /::error file=mendix-cloud%3A\/\/calc\/Acceptance,line=8,.*::Email_Connector\.SMTPPort: Port 25/);
  const gitlab = await cloud(['--mendix-cloud', 'calc/Acceptance', '--format', 'gitlab', '--offline']);
  const issue = (JSON.parse(gitlab.stdout) as { check_name: string; description: string; location: { path: string; lines: { begin: number } } }[]).find((i) => i.check_name === 'port-25-on-mendix-cloud')!;
  assert.deepEqual(issue.location, { path: 'mendix-cloud://calc/Acceptance', lines: { begin: 8, end: 8 } });
  assert.match(issue.description, /^Email_Connector\.SMTPPort: Port 25/);
});
