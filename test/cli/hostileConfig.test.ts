// `mendix-email check` beside a hostile `.mendix-email.json` (see test/protocol/hostileConfig.test.ts
// for the editor): a 1 MB config of unclosed comments and a backtracking glob finish in
// bounded time; a refused glob is printed as a config problem.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ensureBuilt, makeTree, removeTree, runCli } from './support/cli';

const M2EE = 'mxruntime:\n  MicroflowConstants:\n    Mail.SMTPHost: smtp.example.com\n    Mail.SMTPPort: 25\n';
/** Generous for a slow CI machine (process start included); these took 30 s and more before. */
const BOUND_MS = 6000;
let dir = '';

before(() => {
  ensureBuilt();
  dir = makeTree({
    'comments/.mendix-email.json': '/*x'.repeat(333_000),
    'comments/m2ee.yaml': M2EE,
    'evil/.mendix-email.json': JSON.stringify({ overrides: { 'a*a*a*a*a*a*a*a*b/**': 'mendix-cloud', [`${'*a'.repeat(600)}`]: 'docker' } }),
    [`evil/${'a'.repeat(80)}/m2ee.yaml`]: M2EE,
  });
});
after(() => removeTree(dir));

test('a 1 MB config of unclosed comments: checked in bounded time, the config reported', async () => {
  const started = performance.now();
  const run = await runCli(['check', 'comments'], dir);
  assert.ok(performance.now() - started < BOUND_MS, `took ${Math.round(performance.now() - started)} ms`);
  assert.match(run.stdout, /missing-credentials/);
  assert.match(run.stderr, /comments\/\.mendix-email\.json:1:\d+: \.mendix-email\.json is not valid JSON/);
});

test('a backtracking glob against a folder of 80 `a`s: bounded time; a glob over 1000 characters printed as refused', async () => {
  const started = performance.now();
  const run = await runCli(['check', 'evil'], dir);
  assert.ok(performance.now() - started < BOUND_MS, `took ${Math.round(performance.now() - started)} ms`);
  assert.match(run.stdout, /missing-credentials/);
  assert.doesNotMatch(run.stdout, /port-25-on-mendix-cloud/, 'neither glob matches: the file kind\'s target (self-hosted) applies');
  assert.match(run.stderr, /evil\/\.mendix-email\.json:1:\d+: The glob is 1200 characters long; globs over 1000 are not used\. This entry of "overrides" is ignored\./);
});
