// SMTP test-send benchmark (issue 3). Two comparisons in one run, against one local
// smtp-server (STARTTLS + AUTH PLAIN, self-signed certificate made by openssl now), medians
// over repeated runs:
//  1. in process: our sendTestMail (stage report, transcript, redaction) vs a bare
//     nodemailer createTransport().sendMail() of a similar message. Target: ratio ≤ 1.1.
//  2. whole process: `node dist/cli.js send-test FILE --to …` vs `swaks` doing the same
//     STARTTLS + AUTH send. Target: ours no slower than swaks.
// Usage: node bench/smtp.mjs [--runs N]
import * as esbuild from 'esbuild';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 31;
const PROCESS_RUNS = Math.max(5, Math.round(RUNS / 2));
const work = mkdtempSync(join(tmpdir(), 'mendix-email-bench-smtp-'));
const require = createRequire(import.meta.url);

// the code under test and the test server helpers, bundled as the extension bundles them
const bundle = join(work, 'smtp.cjs');
await esbuild.build({
  stdin: {
    contents: `
      export { sendTestMail, formatReport } from './server/src/smtp/index';
      export { makeCert, startSmtpServer, settingsFor, m2eeFor, USER, PASSWORD } from './test/smtp/support/servers';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  mainFields: ['module', 'main'],
  target: 'node20',
  format: 'cjs',
  minify: true,
  outfile: bundle,
  logLevel: 'warning',
});
const { sendTestMail, formatReport, makeCert, startSmtpServer, settingsFor, m2eeFor, USER, PASSWORD } = require(bundle);
const nodemailer = require('nodemailer');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${x.toFixed(1)} ms`;

const cert = makeCert();
const server = await startSmtpServer({ key: cert.key, cert: cert.cert, authMethods: ['PLAIN', 'LOGIN'] });
const TO = 'bench@mendix-email.test';
const settings = settingsFor(server.port);
const ours = async () => {
  const report = await sendTestMail(settings, { to: TO, password: PASSWORD, trustedCertificates: { '127.0.0.1': cert.certFile }, timeoutSeconds: 10 });
  if (!report.ok) throw new Error(`our send failed:\n${formatReport(report)}`);
};
const bare = async () => {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: server.port,
    secure: false,
    requireTLS: true,
    auth: { user: USER, pass: PASSWORD },
    tls: { ca: cert.cert },
  });
  await transport.sendMail({ from: USER, to: TO, subject: 'bench', text: 'a test message\nwith two lines', html: '<p>a test message</p>' });
  transport.close();
};

// 1. in process, alternating so both see the same machine state; a few warm-up rounds first
for (let i = 0; i < 3; i++) {
  await ours();
  await bare();
}
const t = { ours: [], bare: [] };
for (let i = 0; i < RUNS; i++) {
  for (const [name, fn] of i % 2 ? [['bare', bare], ['ours', ours]] : [['ours', ours], ['bare', bare]]) {
    const start = performance.now();
    await fn();
    t[name].push(performance.now() - start);
  }
}
const inOurs = median(t.ours);
const inBare = median(t.bare);
console.log(`in-process send, median of ${RUNS} (STARTTLS + AUTH PLAIN + one message, local smtp-server):`);
console.log(`  ours (sendTestMail, with stage report):  ${ms(inOurs)}`);
console.log(`  reference (bare nodemailer sendMail):    ${ms(inBare)}`);
console.log(`  ratio ${(inOurs / inBare).toFixed(2)} (target ≤ 1.10) ${inOurs / inBare <= 1.1 ? 'OK' : 'OVER TARGET'}`);

// 2. whole process
const file = join(work, 'm2ee.yaml');
writeFileSync(file, m2eeFor(server.port));

// wall time, and the CPU time of the child (user + sys, through /usr/bin/time when present):
// on a busy machine the wall time mostly measures the queue for a CPU
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const runProcess = (cmd, args, env = {}) =>
  new Promise((resolve, reject) => {
    const start = performance.now();
    const [file, argv] = TIME ? [TIME, ['-f', 'CPU %U %S', cmd, ...args]] : [cmd, args];
    const child = spawn(file, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = performance.now() - start;
      const m = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(err);
      const cpu = m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN;
      if (code === 0) resolve({ wall, cpu });
      else reject(new Error(`${cmd} exited ${code}:\n${out}${err}`));
    });
  });

// dist/cli.js as built by `npm run bench` (esbuild.mjs --production); when that bundle cannot
// run send-test, a bundle made here the same way stands in, and the output says so
let cli = join(root, 'dist', 'cli.js');
const cliArgs = (c) => [c, 'send-test', file, '--to', TO, '--ca', cert.certFile];
const env = { MENDIX_EMAIL_SMTP_PASSWORD: PASSWORD };
let cliNote = 'dist/cli.js';
try {
  if (!existsSync(cli)) throw new Error('dist/cli.js not built');
  await runProcess(process.execPath, cliArgs(cli), env);
} catch (error) {
  const own = join(work, 'cli.js');
  await esbuild.build({ entryPoints: [join(root, 'server/src/cli/main.ts')], outfile: own, bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, mainFields: ['module', 'main'], logLevel: 'silent' });
  cliNote = `a minified bundle of server/src/cli/main.ts made here (dist/cli.js failed: ${String(error.message).split('\n').find((l) => /error|Error/.test(l)) ?? error.message})`;
  cli = own;
}
const swaks = spawnSync('swaks', ['--version'], { encoding: 'utf8' });
const haveSwaks = swaks.status === 0;
const swaksArgs = [
  '--server', '127.0.0.1', '--port', String(server.port), '--tls',
  '--auth', 'PLAIN', '--auth-user', USER, '--auth-password', PASSWORD,
  '--from', USER, '--to', TO, '--h-Subject', 'bench', '--body', 'a test message', '--silent', '2',
];
const w = { ours: [], swaks: [] };
await runProcess(process.execPath, cliArgs(cli), env);
if (haveSwaks) await runProcess('swaks', swaksArgs);
for (let i = 0; i < PROCESS_RUNS; i++) {
  w.ours.push(await runProcess(process.execPath, cliArgs(cli), env));
  if (haveSwaks) w.swaks.push(await runProcess('swaks', swaksArgs));
}
const wall = (xs) => median(xs.map((x) => x.wall));
const cpu = (xs) => median(xs.map((x) => x.cpu));
const wOurs = wall(w.ours);
console.log(`\nwhole-process send, median of ${PROCESS_RUNS} (same server, STARTTLS + AUTH PLAIN; wall / CPU user+sys):`);
console.log(`  ours (node ${cliNote} send-test): ${ms(wOurs)} / ${ms(cpu(w.ours))}`);
if (haveSwaks) {
  const wSwaks = wall(w.swaks);
  console.log(`  reference (${swaks.stdout.trim().split('\n')[0]}): ${ms(wSwaks)} / ${ms(cpu(w.swaks))}`);
  console.log(`  ratio wall ${(wOurs / wSwaks).toFixed(2)}, CPU ${(cpu(w.ours) / cpu(w.swaks)).toFixed(2)} (target ≤ 1.00) ${wOurs <= wSwaks ? 'OK' : 'SLOWER THAN SWAKS'}`);
} else {
  console.log('  reference: swaks is not installed (apt-get install -y swaks); no comparison made');
}
console.log(`  (machine load average while measuring: ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')})`);

await server.close();
cert.cleanup();
