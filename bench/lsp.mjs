// Language-server benchmark (issue 2): start-up, didOpen → diagnostics, didChange →
// fresh diagnostics, memory, bundle sizes; each figure beside a reference measured in the
// same run (`node -e 0`, yaml-language-server on the same files) and the ratio.
// Usage: node bench/lsp.mjs [--runs N] [--json FILE]   (run `npm run build -- --production` first, or npm run bench)
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync, mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { m2eeFile } from './m2eeFile.mjs';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');

const root = join(import.meta.dirname, '..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 9;
const jsonArg = process.argv.indexOf('--json');

// the Node flags the extension starts the server with (SERVER_EXEC_ARGV in
// client/src/languageClient.ts; test/unit/benchFlags.test.ts keeps the two equal)
const SERVER_EXEC_ARGV = ['--max-semi-space-size=4'];
const OURS = { name: 'mendix-email', args: [...SERVER_EXEC_ARGV, join(root, 'dist/server.js'), '--stdio'] };
const YAMLLS = { name: 'yaml-language-server', args: [require.resolve('yaml-language-server/bin/yaml-language-server'), '--stdio'] };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;


class Session {
  constructor(server, workspace) {
    this.server = server;
    const t0 = process.hrtime.bigint();
    this.spawnedAt = t0;
    this.child = spawn(process.execPath, server.args, { stdio: ['pipe', 'pipe', 'ignore'], env: { ...process.env, ...server.env } });
    this.conn = rpc.createMessageConnection(
      new rpc.StreamMessageReader(this.child.stdout),
      new rpc.StreamMessageWriter(this.child.stdin),
    );
    this.waiters = new Map();
    this.conn.onNotification('textDocument/publishDiagnostics', (p) => {
      const w = this.waiters.get(p.uri);
      if (w && (p.version === undefined || p.version === null || p.version >= w.version)) {
        this.waiters.delete(p.uri);
        w.resolve(p.diagnostics);
      }
    });
    // yaml-language-server asks for configuration; answer with validation on.
    this.conn.onRequest('workspace/configuration', (p) =>
      p.items.map((i) =>
        i.section === 'yaml'
          ? { validate: true, hover: true, completion: true, format: { enable: false } }
          : i.section === 'mendixEmail'
            ? { online: false } // measure the offline checks; DNS has its own benchmark
            : null,
      ),
    );
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onNotification(() => {});
    this.conn.listen();
    this.workspace = workspace;
  }

  async initialize() {
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(this.workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(this.workspace).href, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: { publishDiagnostics: { versionSupport: true }, synchronization: { didSave: true } },
      },
      initializationOptions: { trusted: true },
    });
    this.initMs = ms(this.spawnedAt);
    this.pull = Boolean(result.capabilities.diagnosticProvider);
    this.conn.sendNotification('initialized', {});
    if (this.server === YAMLLS) {
      this.conn.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: { validate: true } } });
    }
    return result;
  }

  diagnosticsFor(uri, version) {
    if (this.pull) return this.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } }).then((r) => r.items);
    return new Promise((resolve) => this.waiters.set(uri, { resolve, version }));
  }

  async open(path, text, version = 1) {
    const uri = pathToFileURL(path).href;
    const t0 = process.hrtime.bigint();
    const pending = this.pull ? null : this.diagnosticsFor(uri, version);
    this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    const diags = await (pending ?? this.diagnosticsFor(uri, version));
    return { ms: ms(t0), count: diags.length, uri };
  }

  async change(uri, version, line, newText) {
    const t0 = process.hrtime.bigint();
    const pending = this.pull ? null : this.diagnosticsFor(uri, version);
    this.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 1000 } }, text: newText }],
    });
    const diags = await (pending ?? this.diagnosticsFor(uri, version));
    return { ms: ms(t0), count: diags.length };
  }

  peakRssMiB() {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  }

  async close() {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      this.conn.sendNotification('exit');
    } catch {}
    // wait for the exit (where ours writes its code cache), at most half a second
    const exited = new Promise((r) => this.child.once('exit', r));
    await Promise.race([exited, new Promise((r) => setTimeout(r, 500))]);
    this.child.kill('SIGKILL');
    this.conn.dispose();
  }
}

function nodeBaseline() {
  const t0 = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0']);
  return ms(t0);
}

const workspace = mkdtempSync(join(tmpdir(), 'mendix-email-bench-'));
// the V8 code cache (server/src/boot/) in a folder of this run: the first session writes it,
// as the first start after installing a version does; `no code cache` measures that start
OURS.env = { MENDIX_EMAIL_CODE_CACHE: join(workspace, 'code-cache') };
const OURS_UNCACHED = { ...OURS, env: { MENDIX_EMAIL_CODE_CACHE: 'off' } };
const sizes = [200, 2000, 20000];
const files = Object.fromEntries(sizes.map((n) => [n, m2eeFile(n)]));

async function measure(server, runs) {
  const init = [];
  const open = Object.fromEntries(sizes.map((n) => [n, []]));
  const change = [];
  const typing = [];
  const bigTyping = [];
  const first = [];
  let peak = 0;
  let peakAfterTyping = 0;
  let counts = {};
  for (let r = 0; r < runs; r++) {
    const s = new Session(server, workspace);
    await s.initialize();
    init.push(s.initMs);
    // The first file after start-up also pays for loading the checks (deferred past
    // `initialize`); measured on its own so the per-size figures are steady-state.
    mkdirSync(join(workspace, `run${r}-first`), { recursive: true });
    first.push((await s.open(join(workspace, `run${r}-first`, 'm2ee.yaml'), files[200])).ms);
    for (const n of sizes) {
      const dir = join(workspace, `run${r}-${n}`);
      mkdirSync(dir, { recursive: true });
      const res = await s.open(join(dir, 'm2ee.yaml'), files[n]);
      open[n].push(res.ms);
      counts[n] = res.count;
      if (n === 2000) {
        const c = await s.change(res.uri, 2, 5, '    Mail.SMTPPort: 587');
        change.push(c.ms);
        // then typing: ten more one-line edits, each waiting for its diagnostics
        const keystrokes = [];
        for (let k = 0; k < 10; k++) keystrokes.push((await s.change(res.uri, 3 + k, 5, `    Mail.SMTPPort: ${k % 2 ? 587 : 2525}`)).ms);
        typing.push(median(keystrokes));
      }
      // peak memory of opening the three files, before any typing in the big one
      if (n === 20000) peak = Math.max(peak, s.peakRssMiB());
      // typing in the 20,000-line file: ours only (the peer takes ~30 s a check at this size)
      if (n === 20000 && server === OURS) {
        const keystrokes = [];
        for (let k = 0; k < 6; k++) keystrokes.push((await s.change(res.uri, 2 + k, 5, `    Mail.SMTPPort: ${k % 2 ? 587 : 2525}`)).ms);
        bigTyping.push(median(keystrokes));
      }
    }
    peakAfterTyping = Math.max(peakAfterTyping, s.peakRssMiB());
    await s.close();
  }
  return { init: median(init), first: median(first), open: Object.fromEntries(sizes.map((n) => [n, median(open[n])])), change: median(change), typing: median(typing), bigTyping: bigTyping.length ? median(bigTyping) : NaN, peak, peakAfterTyping, counts };
}

async function thousandFiles(server, run) {
  const s = new Session(server, workspace);
  await s.initialize();
  const t0 = process.hrtime.bigint();
  const text = m2eeFile(200);
  for (let i = 0; i < 1000; i++) {
    const dir = join(workspace, `many${run}`, String(i));
    mkdirSync(dir, { recursive: true });
    await s.open(join(dir, 'm2ee.yaml'), text);
  }
  const total = ms(t0);
  const rss = s.peakRssMiB();
  await s.close();
  return { total, rss };
}

async function initOnly(server, runs) {
  const init = [];
  for (let r = 0; r < runs; r++) {
    const s = new Session(server, workspace);
    await s.initialize();
    init.push(s.initMs);
    await s.close();
  }
  return median(init);
}

const baseline = median(Array.from({ length: RUNS }, nodeBaseline));
const uncachedInit = await initOnly(OURS_UNCACHED, RUNS);
// one session as a user's first one: it opens a file and edits it, and at exit writes the
// code cache, which then holds the checks too
{
  const s = new Session(OURS, workspace);
  await s.initialize();
  mkdirSync(join(workspace, 'warm-up'), { recursive: true });
  const { uri } = await s.open(join(workspace, 'warm-up', 'm2ee.yaml'), files[2000]);
  await s.change(uri, 2, 5, '    Mail.SMTPPort: 587');
  await s.close();
}
const ours = await measure(OURS, RUNS);
const peer = await measure(YAMLLS, Math.max(3, Math.ceil(RUNS / 3)));
// three sessions: the peak depends on when the collector runs, and moves by ±10 MiB
const manyRuns = [];
for (let r = 0; r < 3; r++) manyRuns.push(await thousandFiles(OURS, r));
const many = { rss: median(manyRuns.map((m) => m.rss)), total: median(manyRuns.map((m) => m.total)), min: Math.min(...manyRuns.map((m) => m.rss)), max: Math.max(...manyRuns.map((m) => m.rss)) };
const size = (f) => statSync(join(root, f)).size / 1024;

const rows = [
  ['spawn → initialize', ours.init, `node -e 0: ${baseline.toFixed(0)} ms (budget +60 ms → ${(baseline + 60).toFixed(0)})`, peer.init],
  ['spawn → initialize, no code cache yet (first start of a version)', uncachedInit, `node -e 0: ${baseline.toFixed(0)} ms`, peer.init],
  ['first didOpen after start (loads the checks), 200 lines', ours.first, '', peer.first],
  ...sizes.map((n) => [`didOpen → diagnostics, ${n} lines`, ours.open[n], `budget ${{ 200: 15, 2000: 40, 20000: 400 }[n]} ms`, peer.open[n]]),
  ['didChange (1 line, 2,000-line file) → diagnostics', ours.change, 'budget 20 ms', peer.change],
  ['typing: each of 10 more one-line edits → diagnostics (median)', ours.typing, 'budget 20 ms', peer.typing],
  ['typing in the 20,000-line file: 6 one-line edits → diagnostics (median)', ours.bigTyping, 'no budget', NaN],
];
console.log(`\nLanguage server (median of ${RUNS} runs; yaml-language-server: ${Math.max(3, Math.ceil(RUNS / 3))} runs)`);
console.log('| measure | mendix-email | budget / reference | yaml-language-server | ratio |');
console.log('| --- | ---: | --- | ---: | ---: |');
for (const [label, mine, budget, theirs] of rows) {
  const peerCell = Number.isNaN(theirs) ? 'not measured' : `${theirs.toFixed(1)} ms`;
  const ratio = Number.isNaN(theirs) ? '' : `${(theirs / mine).toFixed(1)}× faster`;
  console.log(`| ${label} | ${mine.toFixed(1)} ms | ${budget} | ${peerCell} | ${ratio} |`);
}
console.log(`| peak memory (3 files up to 20,000 lines opened) | ${ours.peak.toFixed(0)} MiB | ≤ half of yaml-language-server | ${peer.peak.toFixed(0)} MiB | ${(ours.peak / peer.peak).toFixed(2)} |`);
console.log(`| peak memory after also typing in the 20,000-line file | ${ours.peakAfterTyping.toFixed(0)} MiB | | | |`);
console.log(`| 1,000 files of 200 lines opened (median of 3 sessions) | ${many.rss.toFixed(0)} MiB peak (${many.min.toFixed(0)}–${many.max.toFixed(0)}), ${many.total.toFixed(0)} ms | ≤ 150 MB | | |`);
console.log(`| bundle: dist/client.js | ${size('dist/client.js').toFixed(0)} KB | ≤ 400 KB | | |`);
console.log(`| bundle: dist/server.js + dist/server-core.js | ${(size('dist/server.js') + size('dist/server-core.js')).toFixed(0)} KB | ≤ 500 KB | | |`);
console.log(`findings per file: ours ${JSON.stringify(ours.counts)}; yaml-language-server ${JSON.stringify(peer.counts)}`);
if (jsonArg > 0) writeFileSync(process.argv[jsonArg + 1], JSON.stringify({ baseline, ours, peer, many, manyRuns }, null, 2));
process.exit(0);
