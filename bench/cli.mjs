// CLI benchmark (issue 7): `mendix-email check --offline` on 1,000 settings files of 200
// lines each (a mix of kinds), beside the floor measured in the same run: one Node process
// that only reads and parses the same files with yaml / jsonc-parser. Targets: the CLI under
// 2 s wall, and at most 1.5× the floor.
// Usage: node bench/cli.mjs [--runs N] [--files N] [--json FILE]   (build first: npm run bench does)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(arg('--runs', 7));
const FILES = Number(arg('--files', 1000));
const LINES = 200;
const jsonOut = arg('--json', undefined);
/** --keep DIR: generate the files into DIR and leave them (for profiling); nothing is timed */
const keep = arg('--keep', undefined);

const cli = process.env.MENDIX_EMAIL_CLI ?? join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `node esbuild.mjs --production` (or npm run bench) first');
  process.exit(1);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pad = (lines, make) => {
  for (let i = lines.length; i < LINES; i++) lines.push(make(i));
  return `${lines.join('\n')}\n`;
};

// Each kind starts with real mail settings (some with findings) and is padded with other constants.
const kinds = [
  {
    name: 'm2ee.yaml',
    make: (n) =>
      pad(
        [
          'mxruntime:',
          '  DTAPMode: P',
          '  MicroflowConstants:',
          '    Mail.SMTPHost: smtp.sendgrid.net',
          `    Mail.SMTPPort: ${n % 3 ? 587 : 25}`,
          '    Mail.SMTPUsername: apikey',
          '    Mail.SMTPPassword: ""',
          '    Mail.FromAddress: noreply@test.com',
          '    Mail.UseSSL: false',
          '    Mail.UseTLS: true',
        ],
        (i) => `    Module${i % 97}.Constant${i}: "value ${i}"`,
      ),
  },
  {
    name: 'docker-compose.yml',
    make: (n) =>
      pad(
        [
          'services:',
          '  mendix:',
          '    image: mendix/app:latest',
          '    environment:',
          '      MX_Mail_SMTPHost: smtp.office365.com',
          '      MX_Mail_SMTPPort: "587"',
          '      MX_Mail_SMTPUsername: mailer@example.com',
          '      MX_Mail_SMTPPassword: ${SMTP_PASSWORD}',
          `      MX_Mail_FromAddress: app${n}@example.com`,
          '      CONSTANTS: \'{"Mail.UseTLS": true, "Mail.UseSSL": false}\'',
        ],
        (i) => `      MX_Module${i % 89}_Constant${i}: "value ${i}"`,
      ),
  },
  {
    name: '.env',
    make: (n) =>
      pad(
        [
          '# mendix-email: target=docker',
          'MX_Mail_SMTPHost=email-smtp.eu-west-1.amazonaws.com',
          'MX_Mail_SMTPPort=465',
          'MX_Mail_UseSSL=true',
          'MX_Mail_SMTPUsername=AKIAEXAMPLEEXAMPLE12',
          'MX_Mail_SMTPPassword=${SES_SMTP_PASSWORD}',
          `MX_Mail_FromAddress=orders${n}@example.org`,
        ],
        (i) => `MX_Module${i % 83}_Constant${i}=value-${i}`,
      ),
  },
  {
    name: 'manifest.yml',
    make: (n) =>
      pad(
        [
          'applications:',
          `- name: app-${n}`,
          '  memory: 1G',
          '  env:',
          '    MX_Mail_SMTPHost: smtp.gmail.com',
          '    MX_Mail_SMTPPort: 587',
          '    MX_Mail_SMTPUsername: someone@gmail.com',
          '    MX_Mail_SMTPPassword: ((smtp-password))',
          '    MX_Mail_FromAddress: someone@gmail.com',
        ],
        (i) => `    MX_Module${i % 79}_Constant${i}: value-${i}`,
      ),
  },
  {
    name: 'mendixapp.yaml',
    make: (n) =>
      pad(
        [
          'apiVersion: privatecloud.mendix.com/v1alpha1',
          'kind: MendixApp',
          'metadata:',
          `  name: app-${n}`,
          'spec:',
          '  runtime:',
          '    dtapMode: P',
          '    microflowConstants:',
          '      Mail.SMTPHost: smtp.eu.sparkpostmail.com',
          '      Mail.SMTPPort: "587"',
          '      Mail.SMTPUsername: SMTP_Injection',
          '      Mail.FromAddress: no-reply@example.com',
        ],
        (i) => `      Module${i % 73}.Constant${i}: "value ${i}"`,
      ),
  },
  {
    name: 'model/config.json',
    make: (n) => {
      const constants = ['    "Mail.SMTPHost": "smtp.example.com"', '    "Mail.SMTPPort": 587', `    "Mail.FromAddress": "app${n}@example.com"`];
      for (let i = constants.length; i < LINES - 6; i++) constants.push(`    "Module${i % 71}.Constant${i}": "value ${i}"`);
      return `{\n  "Configuration": {\n    "DTAPMode": "D"\n  },\n  "Constants": {\n${constants.join(',\n')}\n  }\n}\n`;
    },
  },
];

function generate(dir) {
  const files = [];
  for (let n = 0; n < FILES; n++) {
    const kind = kinds[n % kinds.length];
    const path = join(dir, `app-${String(n).padStart(4, '0')}`, kind.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, kind.make(n));
    files.push(path);
  }
  return files;
}

// The floor: read and parse every file in one process, nothing else.
const floorScript = `
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(${JSON.stringify(pathToFileURL(join(root, 'package.json')).href)});
// the build of yaml the bundles carry (esbuild.mjs aliases yaml to its ES-module build)
const { parseAllDocuments, LineCounter } = await import(${JSON.stringify(pathToFileURL(join(root, 'node_modules/yaml/browser/index.js')).href)});
const { parseTree } = require('jsonc-parser');
const files = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let nodes = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.json')) nodes += parseTree(text)?.children?.length ?? 0;
  else if (/\\.ya?ml$/.test(file)) {
    const lineCounter = new LineCounter();
    nodes += parseAllDocuments(text, { lineCounter }).length;
  } else nodes += text.split(/\\r?\\n/).filter((l) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(l)).length;
}
if (nodes === 0) process.exit(1);
`;

function time(args, cwd, env = process.env) {
  const t0 = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e6;
  return { elapsed, status: result.status, stderr: result.stderr };
}

if (keep) {
  mkdirSync(keep, { recursive: true });
  generate(keep);
  writeFileSync(join(keep, 'floor.mjs'), floorScript);
  console.log(`generated ${FILES} files in ${keep}`);
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'mendix-email-bench-cli-'));
try {
  const files = generate(dir);
  const list = join(dir, 'files.json');
  writeFileSync(list, JSON.stringify(files));
  const floorFile = join(dir, 'floor.mjs');
  writeFileSync(floorFile, floorScript);

  // one warm-up each (file system cache), then alternate so drift hits both alike
  const cliArgs = [cli, 'check', '--offline', '--format', 'json', '.'];
  const first = time(cliArgs, dir);
  if (first.status !== 0 && first.status !== 1) {
    console.error(`the CLI failed (exit ${first.status}):\n${first.stderr}`);
    process.exit(1);
  }
  const check = spawnSync(process.execPath, cliArgs, { cwd: dir, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const findings = JSON.parse(check.stdout).length;
  time([floorFile, list], dir);

  const cliTimes = [];
  const singleTimes = [];
  const floorTimes = [];
  const oneThread = { ...process.env, MENDIX_EMAIL_WORKERS: '0' };
  for (let i = 0; i < RUNS; i++) {
    cliTimes.push(time(cliArgs, dir).elapsed);
    singleTimes.push(time(cliArgs, dir, oneThread).elapsed);
    const floor = time([floorFile, list], dir);
    if (floor.status !== 0) {
      console.error(`the parse-only floor failed:\n${floor.stderr}`);
      process.exit(1);
    }
    floorTimes.push(floor.elapsed);
  }

  const cliMs = median(cliTimes);
  const singleMs = median(singleTimes);
  const floorMs = median(floorTimes);
  // the floor parses on one thread, so the like-for-like ratio is the one-thread run's
  const ratio = singleMs / floorMs;
  const okAbsolute = cliMs < 2000;
  const okRatio = ratio <= 1.5;
  console.log(`${FILES} files × ${LINES} lines (${kinds.map((k) => k.name).join(', ')}), median of ${RUNS} runs, wall time including Node start-up`);
  console.log(`  mendix-email check --offline   ${cliMs.toFixed(0).padStart(6)} ms   (${findings} findings; a worker per core, the default from 200 files)   target < 2000 ms: ${okAbsolute ? 'met' : 'MISSED'}`);
  console.log(`    on one thread                 ${singleMs.toFixed(0).padStart(6)} ms   (MENDIX_EMAIL_WORKERS=0)`);
  console.log(`  parse only (yaml/jsonc-parser) ${floorMs.toFixed(0).padStart(6)} ms   (one thread)`);
  console.log(`  ratio, one thread to the floor  ${ratio.toFixed(2).padStart(6)} ×    target ≤ 1.5×: ${okRatio ? 'met' : 'MISSED'}`);
  console.log(`  (${os.availableParallelism()} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}: figures from a busy machine run long)`);
  if (jsonOut) {
    mkdirSync(dirname(jsonOut), { recursive: true });
    writeFileSync(jsonOut, JSON.stringify({ files: FILES, lines: LINES, runs: RUNS, cliMs, workersMs: singleMs, floorMs, ratio, findings, cliTimes, workersTimes: singleTimes, floorTimes, loadavg: os.loadavg() }, null, 2));
  }
  process.exitCode = okAbsolute && okRatio ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
