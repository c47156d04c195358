// dist/cli.js runs dist/cli-core.js through a V8 code cache (server/src/boot/): the first
// run writes it, later runs take it, a damaged cache costs nothing but a rewrite, and a
// folder another user could write is never used. The output is the same in every case.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CLI, ensureBuilt, makeTree, removeTree, runCli } from './support/cli';

const M2EE = `mxruntime:
  MicroflowConstants:
    Mail.SMTPHost: smtp.example.com
    Mail.SMTPPort: 25
    Mail.FromAddress: noreply@example.com
`;

describe('the CLI code cache', () => {
  let dir: string;
  let expected: { status: number | null; stdout: string };
  const caches = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.v8cache'));
  const check = (cacheFolder: string, env: Record<string, string> = {}) => runCli(['check', '--offline', 'm2ee.yaml'], dir, { MENDIX_EMAIL_CODE_CACHE: cacheFolder, ...env });

  before(async () => {
    ensureBuilt();
    dir = makeTree({ 'm2ee.yaml': M2EE });
    const plain = await check('off');
    expected = { status: plain.status, stdout: plain.stdout };
    assert.equal(plain.status, 1, plain.stderr);
    assert.match(plain.stdout, /missing-credentials/);
  });
  after(() => removeTree(dir));

  it('is written by the first run (owner-only file) and taken, unchanged, by the next', async () => {
    const folder = join(dir, 'cache');
    const first = await check(folder);
    assert.deepEqual({ status: first.status, stdout: first.stdout }, expected);
    const files = caches(folder);
    assert.equal(files.length, 1, 'one cache file');
    assert.match(files[0], /^cli-[0-9a-f]{16}-v\d+\.\d+\.\d+-/);
    const file = join(folder, files[0]);
    if (process.platform !== 'win32') {
      assert.equal(statSync(folder).mode & 0o777, 0o700);
      assert.equal(statSync(file).mode & 0o777, 0o600);
    }
    const bytes = readFileSync(file);
    assert.ok(bytes.length > 10_000, 'holds compiled code');
    const { mtimeMs } = statSync(file);

    const second = await check(folder);
    assert.deepEqual({ status: second.status, stdout: second.stdout }, expected);
    // V8 took the cache, so nothing was written again
    assert.equal(statSync(file).mtimeMs, mtimeMs);
    assert.deepEqual(readFileSync(file), bytes);
  });

  it('a damaged cache is refused by V8, the run goes on as usual and the cache is written again', async () => {
    const folder = join(dir, 'damaged');
    await check(folder);
    const file = join(folder, caches(folder)[0]);
    const good = readFileSync(file);
    writeFileSync(file, Buffer.alloc(good.length, 7), { mode: 0o600 });
    const run = await check(folder);
    assert.deepEqual({ status: run.status, stdout: run.stdout }, expected);
    assert.equal(run.stderr, '');
    assert.notDeepEqual(readFileSync(file), Buffer.alloc(good.length, 7), 'rewritten');
  });

  it('a cache of another version of the program is removed when the new one is written', async () => {
    const folder = join(dir, 'versions');
    mkdirSync(folder, { mode: 0o700 });
    writeFileSync(join(folder, 'cli-0000000000000000-v20.0.0-x64-0.v8cache'), 'old', { mode: 0o600 });
    writeFileSync(join(folder, 'server-0000000000000000-v20.0.0-x64-0.v8cache'), 'the server\'s', { mode: 0o600 });
    await check(folder);
    const left = caches(folder);
    assert.equal(left.filter((f) => f.startsWith('cli-')).length, 1);
    assert.ok(!left.includes('cli-0000000000000000-v20.0.0-x64-0.v8cache'));
    assert.ok(left.includes('server-0000000000000000-v20.0.0-x64-0.v8cache'), 'another program\'s cache is left alone');
  });

  it('runs under other Node flags (NODE_OPTIONS) keep a cache of their own, and each is taken again', async () => {
    const folder = join(dir, 'flags');
    const flags = { NODE_OPTIONS: '--max-old-space-size=300' };
    await check(folder);
    await check(folder, flags);
    const files = caches(folder);
    assert.equal(files.length, 2, files.join(', '));
    const stamps = () => files.map((f) => statSync(join(folder, f)).mtimeMs);
    const before = stamps();
    const plain = await check(folder);
    const flagged = await check(folder, flags);
    assert.deepEqual([plain.stdout, flagged.stdout], [expected.stdout, expected.stdout]);
    assert.deepEqual(stamps(), before, 'V8 took both caches: neither was written again');
  });

  it('a cache folder other users can write is not used, and the run is not disturbed', { skip: process.platform === 'win32' }, async () => {
    const folder = join(dir, 'shared');
    mkdirSync(folder);
    chmodSync(folder, 0o777);
    const run = await check(folder);
    assert.deepEqual({ status: run.status, stdout: run.stdout }, expected);
    assert.deepEqual(caches(folder), []);
  });

  it('a cache file other users can write is not read and not replaced', { skip: process.platform === 'win32' }, async () => {
    const folder = join(dir, 'planted');
    await check(folder);
    const file = join(folder, caches(folder)[0]);
    writeFileSync(file, 'planted');
    chmodSync(file, 0o666);
    const run = await check(folder);
    assert.deepEqual({ status: run.status, stdout: run.stdout }, expected);
    assert.equal(readFileSync(file, 'utf8'), 'planted');
  });

  it('a cache compiled from a modified bundle of the same length, planted with its seal, never runs (issue 13 item 6)', async () => {
    const folder = join(dir, 'attack');
    await check(folder);
    const file = join(folder, caches(folder)[0]);
    const seal = existsSync(`${file}.seal`) ? readFileSync(`${file}.seal`) : undefined;
    // the attacker's bundle: code injected at the top, a comment shortened by as much (V8 checks the length)
    const core = join(dirname(CLI), 'cli-core.js');
    const source = readFileSync(core, 'utf8');
    // the CLI runs in `dir`: a relative marker keeps the injection short
    const marker = join(dir, 'INJECTED');
    const injection = 'require("fs").writeFileSync("INJECTED", "x");\n';
    const comment = /^\/\/ .{60,}$/m.exec(source)!;
    assert.ok(comment[0].length > injection.length + 3);
    const shortened = source.slice(0, comment.index) + comment[0].slice(0, comment[0].length - injection.length) + source.slice(comment.index + comment[0].length);
    const modified = shortened.replace('"use strict";\n', `"use strict";\n${injection}`);
    assert.equal(modified.length, source.length);
    const forged = join(dir, 'forged.v8cache');
    // compiled in a fresh node (the same V8 flags as the CLI's), as an attacker would
    writeFileSync(join(dir, 'modified.js'), modified);
    const compiled = spawnSync(process.execPath, ['-e', `
      const { Script } = require('node:vm'); const Module = require('node:module'); const fs = require('node:fs');
      const script = new Script(Module.wrap(fs.readFileSync(process.argv[1], 'utf8')), { filename: process.argv[2] });
      fs.writeFileSync(process.argv[3], script.createCachedData());`, join(dir, 'modified.js'), core, forged], { encoding: 'utf8' });
    assert.equal(compiled.status, 0, compiled.stderr);
    // planted where the cache is, owner-only, with the seal that came along (a checkout, a CI cache)
    writeFileSync(file, readFileSync(forged), { mode: 0o600 });
    if (seal) writeFileSync(`${file}.seal`, seal, { mode: 0o600 });
    const run = await check(folder);
    assert.deepEqual({ status: run.status, stdout: run.stdout }, expected);
    assert.equal(existsSync(marker), false, 'the injected code ran');
    assert.notDeepEqual(readFileSync(file), readFileSync(forged), 'the planted cache was replaced');
  });

  it('MENDIX_EMAIL_CODE_CACHE inside a git repository is not used', async () => {
    const repo = join(dir, 'checkout');
    mkdirSync(join(repo, '.git'), { recursive: true });
    const folder = join(repo, '.cache', 'mendix-email');
    const run = await check(folder);
    assert.deepEqual({ status: run.status, stdout: run.stdout }, expected);
    assert.equal(existsSync(folder), false, 'nothing written inside the repository');
  });
});
