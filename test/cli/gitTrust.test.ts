// Issue 13, item 1 for the command line: the CLI is trusted by whoever runs it, but git still
// runs asynchronously, under a deadline, with the repository's fsmonitor switched off.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { hostileRepo, plainGitRunsTheMarker } from '../support/hostileRepo';
import { ensureBuilt, runCli } from './support/cli';

before(() => ensureBuilt());

type JsonReport = { ruleId: string; message: string; file: string }[];

const passwordMessages = (stdout: string) => (JSON.parse(stdout) as JsonReport).filter((f) => f.ruleId === 'password-in-plain-text').map((f) => f.message);

for (const route of ['config', 'git-file', 'include'] as const) {
  test(`check asks git with fsmonitor off (${route}): a tracked ignored .env is reported, the script never runs`, async () => {
    const repo = hostileRepo(route, { trackEnv: true });
    try {
      assert.ok(plainGitRunsTheMarker(repo), 'the repository runs its script under plain git');
      const run = await runCli(['check', '.env', '--offline', '--format', 'json'], repo.root);
      assert.equal(run.stderr, '');
      assert.match(passwordMessages(run.stdout).join('\n'), /a file git tracks.*git still tracks it/);
      assert.equal(repo.markerWritten(), false, 'the fsmonitor script ran');
    } finally {
      repo.dispose();
    }
  });
}

test('check: include.path is a FIFO: git is stopped at its deadline, the run says so and finishes', async () => {
  const repo = hostileRepo('include-fifo', { trackEnv: true });
  try {
    const started = performance.now();
    const run = await runCli(['check', '.env', '--offline', '--format', 'json'], repo.root);
    const ms = performance.now() - started;
    assert.ok(ms < 9_000, `finished after ${Math.round(ms)} ms`);
    assert.match(run.stderr, /git tracking in .*did not answer within 5 s and was stopped; ignored files with a password count as "may be committed"/);
    assert.match(passwordMessages(run.stdout).join('\n'), /may be committed/);
  } finally {
    repo.dispose();
  }
});
