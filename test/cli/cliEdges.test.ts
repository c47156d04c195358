// The command line at its edges (issue 13, item 13): a reader that hangs up early, a path
// that does not exist, a mistyped option, and a compose file checked with its env_file.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { CLI, ensureBuilt, makeTree, removeTree, runCli } from './support/cli';

let clean: string;
let compose: string;
before(() => {
  ensureBuilt();
  clean = makeTree({ 'm2ee.yaml': 'mxruntime:\n  MicroflowConstants:\n    Mail.SMTPPort: 587\n' });
  compose = makeTree({
    'docker-compose.yml': 'services:\n  app:\n    image: mendix/app\n    env_file: mail.env\n',
    'mail.env': ['MX_Mail_SMTPHost=smtp.sendgrid.net', 'MX_Mail_SMTPPort=587', 'MX_Mail_SMTPUsername=apikey', 'MX_Mail_FromAddress=noreply@acme-corp.com', 'MX_Mail_SMTPPassword=hunter2hunter2', ''].join('\n'),
  });
});
after(() => {
  removeTree(clean);
  removeTree(compose);
});

test('check --format sarif | head -1: the closed pipe ends the run quietly, with the run\'s own exit code', async () => {
  // the SARIF report (~100 KB) is larger than a pipe's buffer, so head's exit breaks the write
  const script = `"${process.execPath}" "${CLI}" check --offline --format sarif . | head -1; echo "cli-exit=\${PIPESTATUS[0]}" >&2`;
  const run = await new Promise<{ stdout: string; stderr: string }>((resolve) => {
    const child = spawn('bash', ['-c', script], { cwd: clean, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', () => resolve({ stdout, stderr }));
  });
  assert.equal(run.stdout, '{\n');
  assert.match(run.stderr, /cli-exit=0\n$/);
  assert.doesNotMatch(run.stderr, /EPIPE|Error|\bat /, run.stderr);
});

test('a missing path: no tick, the summary says the file could not be read, exit 2', async () => {
  const run = await runCli(['check', '--offline', 'nothere.yaml'], clean);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /nothere\.yaml: no such file/);
  assert.doesNotMatch(run.stdout, /✔|No problems/);
  assert.match(run.stdout, /✖ 1 file could not be read; no file was checked/);
  const withChecked = await runCli(['check', '--offline', 'm2ee.yaml', 'nothere.yaml'], clean);
  assert.match(withChecked.stdout, /✖ 1 file could not be read; no problems in the 1 file checked/);
});

test('an unknown option: a clear message with the closest option, not parseArgs\' text', async () => {
  const run = await runCli(['check', '--formt', 'json', '.'], clean);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /^mendix-email: unknown option --formt \(did you mean --format\?\)\n/);
  assert.doesNotMatch(run.stderr, /positional|'--/);
  const far = await runCli(['check', '--zzzzzzzz', '.'], clean);
  assert.match(far.stderr, /^mendix-email: unknown option --zzzzzzzz\n/);
  // send-test and verify have a parser of their own: the same help
  const sendTest = await runCli(['send-test', '--too', 'ops@example.org', 'm2ee.yaml'], clean);
  assert.equal(sendTest.status, 2);
  assert.match(sendTest.stderr, /unknown option --too \(did you mean --to\?\)/);
  const verify = await runCli(['verify', '--timout', '3', 'm2ee.yaml'], clean);
  assert.match(verify.stderr, /unknown option --timout \(did you mean --timeout\?\)/);
});

test('a compose file and its env_file checked together: each finding once, at the env file, counted once', async () => {
  const json = await runCli(['check', '--offline', '--format', 'json', '.'], compose);
  const findings = JSON.parse(json.stdout) as { file: string; ruleId: string; message: string }[];
  const keys = findings.map((f) => `${f.ruleId} ${f.message}`);
  assert.equal(new Set(keys).size, keys.length, json.stdout);
  for (const rule of ['sender-noreply', 'password-in-plain-text', 'provider-credential-shape']) {
    assert.deepEqual(findings.filter((f) => f.ruleId === rule).map((f) => f.file), ['mail.env'], rule);
  }
  const warnings = findings.length;
  assert.equal((await runCli(['check', '--offline', '--max-warnings', String(warnings), '.'], compose)).status, 0);
  // the compose file alone still reports what its env_file brings
  const alone = await runCli(['check', '--offline', '--format', 'json', 'docker-compose.yml'], compose);
  assert.ok((JSON.parse(alone.stdout) as { ruleId: string }[]).some((f) => f.ruleId === 'sender-noreply'), alone.stdout);
});
