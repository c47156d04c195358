// Issue 13, item 2 for the command line: a file given or referenced that is not a regular
// file, or is huge, is refused at once with a message that says why (env_file: a finding on the
// entry), instead of hanging in open() or reading gigabytes; the same for --ca.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ensureBuilt } from './support/cli';

const dir = mkdtempSync(join(tmpdir(), 'mendix-email-cli-hostile-'));
before(() => {
  ensureBuilt();
  assert.equal(spawnSync('mkfifo', [join(dir, 'pipe.env')]).status, 0, 'mkfifo');
  writeFileSync(join(dir, 'huge.env'), '');
  truncateSync(join(dir, 'huge.env'), 2 * 1024 * 1024 * 1024);
  writeFileSync(join(dir, 'm2ee.yaml'), 'mxruntime:\n  MicroflowConstants:\n    Mail.SMTPHost: 127.0.0.1\n    Mail.SMTPPort: 2525\n');
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI and samples its peak memory (VmHWM) before it exits. */
function run(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string; ms: number; peakMb: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakMb = 0;
    const sample = setInterval(() => {
      try {
        peakMb = Math.max(peakMb, Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024);
      } catch {
        // exited
      }
    }, 20);
    // a hang would otherwise outlive the test: the deadline is the failure
    const deadline = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(sample);
      clearTimeout(deadline);
      resolve({ status, stdout, stderr, ms: performance.now() - started, peakMb });
    });
  });
}

const compose = (envFile: string) => `# mendix-email: target=docker\nservices:\n  app:\n    env_file: ${envFile}\n    environment:\n      MX_Mail_FromAddress: mail@mycompany.nl\n`;

for (const [name, envFile, reason] of [
  ['/dev/zero', '/dev/zero', /it is a device, not a regular file/],
  ['/dev/urandom', '/dev/urandom', /it is a device, not a regular file/],
  ['a FIFO', './pipe.env', /it is a named pipe \(FIFO\), not a regular file/],
  ['a 2 GB sparse file', './huge.env', /it is 2 GB, over the 2 MB limit/],
] as const) {
  test(`check: env_file naming ${name} is refused at once with a finding on the entry`, async () => {
    const file = `compose-${name.replace(/\W+/g, '-')}.yml`;
    writeFileSync(join(dir, file), compose(envFile));
    const r = await run(['check', file, '--offline', '--format', 'json']);
    assert.ok(r.ms < 5_000, `took ${Math.round(r.ms)} ms`);
    assert.ok(r.peakMb < 300, `peak memory ${Math.round(r.peakMb)} MB`);
    const findings = (JSON.parse(r.stdout) as { ruleId: string; message: string; line: number }[]).filter((f) => f.ruleId === 'env-file-not-read');
    assert.equal(findings.length, 1, r.stdout);
    assert.equal(findings[0].line, 4, "on the env_file line");
    assert.match(findings[0].message, reason);
  });
}

test('check: a FIFO or a 2 GB file named on the command line is not read, and the run says why', async () => {
  const r = await run(['check', 'pipe.env', 'huge.env', '--offline']);
  assert.ok(r.ms < 5_000, `took ${Math.round(r.ms)} ms`);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /pipe\.env: not read: it is a named pipe \(FIFO\), not a regular file/);
  assert.match(r.stderr, /huge\.env: not read: it is 2 GB, over the 10 MB limit/);
});

for (const [name, ca, reason] of [
  ['/dev/zero', '/dev/zero', /--ca \/dev\/zero: not read: it is a device, not a regular file/],
  ['a FIFO', 'pipe.env', /--ca pipe\.env: not read: it is a named pipe \(FIFO\), not a regular file/],
  ['a 2 GB file', 'huge.env', /--ca huge\.env: not read: it is 2 GB, over the 1 MB limit/],
] as const) {
  test(`verify --ca ${name}: refused at once, nothing sent`, async () => {
    const r = await run(['verify', 'm2ee.yaml', '--ca', ca]);
    assert.ok(r.ms < 5_000, `took ${Math.round(r.ms)} ms`);
    assert.ok(r.peakMb < 300, `peak memory ${Math.round(r.peakMb)} MB`);
    assert.equal(r.status, 2);
    assert.match(r.stderr, reason);
  });
}
