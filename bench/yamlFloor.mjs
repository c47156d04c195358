// The floor under the language server's didOpen budgets (issue 2): how long `yaml` alone
// takes to parse the files bench/lsp.mjs opens, in a fresh process per size with nothing
// else in it (first parse, second parse, warm median), and the memory such a process holds.
// Usage: node bench/yamlFloor.mjs
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { m2eeFile } from './m2eeFile.mjs';

// the build of yaml the bundles carry (esbuild.mjs aliases yaml to its ES-module build)
const loadYaml = () => import(pathToFileURL(join(import.meta.dirname, '..', 'node_modules', 'yaml', 'browser', 'index.js')).href);

const sizes = [200, 2000, 20000];
const budgets = { 200: 15, 2000: 40, 20000: 400 };
const childArg = process.argv.indexOf('--child');

if (childArg > 0) {
  const lines = Number(process.argv[childArg + 1]);
  const YAML = await loadYaml();
  const text = m2eeFile(lines);
  const rounds = lines >= 20000 ? 8 : 22;
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    // the options the readers use: duplicates are reported by the readers themselves
    YAML.parseDocument(text, { uniqueKeys: false });
    times.push(performance.now() - t0);
  }
  const warm = times.slice(2).sort((a, b) => a - b);
  console.log(JSON.stringify({ first: times[0], second: times[1], warm: warm[warm.length >> 1] }));
} else if (process.argv.includes('--memory')) {
  // one parse, the document kept (as a server keeps what it checks): the process's peak
  const lines = Number(process.argv[process.argv.indexOf('--memory') + 1]);
  const doc = (await loadYaml()).parseDocument(m2eeFile(lines), { uniqueKeys: false });
  const peakKiB = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN);
  console.log(JSON.stringify({ peakMiB: peakKiB / 1024, kept: doc.contents !== null }));
} else {
  console.log('`yaml` parseDocument alone, a fresh process per size (times in ms; peak RSS of a process that parsed the file once and kept it; Linux)');
  console.log('| lines | first parse | second parse | warm median | peak RSS | didOpen budget |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const n of sizes) {
    const run = spawnSync(process.execPath, [import.meta.filename, '--child', String(n)], { encoding: 'utf8' });
    if (run.status !== 0) {
      console.log(`| ${n} | failed: ${run.stderr.trim().split('\n').pop()} | | | | |`);
      continue;
    }
    const r = JSON.parse(run.stdout);
    const mem = spawnSync(process.execPath, [import.meta.filename, '--memory', String(n)], { encoding: 'utf8' });
    const peak = mem.status === 0 ? `${JSON.parse(mem.stdout).peakMiB.toFixed(0)} MiB` : 'n/a';
    console.log(`| ${n} | ${r.first.toFixed(1)} | ${r.second.toFixed(1)} | ${r.warm.toFixed(1)} | ${peak} | ${budgets[n]} ms |`);
  }
}
