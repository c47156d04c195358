// `mendix-email check` as a user runs it: the built bundle in a real process on a folder of
// real files. Every test here is offline (DNS has its own test with a local server).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, makeTree, parseJsonReport, removeTree, runCli } from './support/cli';
import { TWO_APPS } from './support/fixtures';

const M2EE_PORT_25 = `# mendix-email: target=mendix-cloud
mxruntime:
  MicroflowConstants:
    Mail.SMTPHost: smtp.example.com
    Mail.SMTPPort: 25
    Mail.FromAddress: noreply@example.com
`;

const ENV_LOCALHOST = `MX_Mail_SMTPHost=localhost
MX_Mail_SMTPPort=abc
MX_Mail_FromAddress=admin
`;

/** Only warnings: a placeholder domain and a no-reply sender. */
const ENV_WARNINGS = `MX_Mail_FromAddress=noreply@test.com
`;

const CLEAN_COMPOSE = `services:
  app:
    environment:
      MX_Mail_SMTPHost: smtp.sendgrid.net
      MX_Mail_SMTPPort: "587"
      MX_Mail_SMTPUsername: apikey
      MX_Mail_SMTPPassword: \${SENDGRID_API_KEY}
      MX_Mail_FromAddress: orders@mycompany.nl
`;

/** A deployment package's config.json: its kind implies no target, so --target decides. */
const CONFIG_JSON_LOCALHOST = `{
  "Configuration": {},
  "Constants": {
    "Mail.SMTPHost": "localhost"
  }
}
`;

const TREE = {
  'deploy/m2ee.yaml': M2EE_PORT_25,
  '.env': ENV_LOCALHOST,
  'ignored/m2ee.yaml': M2EE_PORT_25,
  'build/output/docker-compose.yml': 'services:\n  app:\n    environment:\n      MX_Mail_SMTPPort: "25x"\n',
  'node_modules/some-package/m2ee.yaml': M2EE_PORT_25,
  '.gitignore': 'ignored/\n/build\n',
  '.github/workflows/ci.yml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n',
  'README.md': '# not a settings file\n',
};

describe('mendix-email check', () => {
  let tree: string;
  before(() => {
    ensureBuilt();
    tree = makeTree(TREE);
  });
  after(() => removeTree(tree));

  it('prints findings like ESLint: file, line:col, severity, message, rule id, then a summary; exit 1 on errors', async () => {
    const run = await runCli(['check', '--offline'], tree);
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.split('\n');
    const envAt = lines.indexOf('.env');
    const m2eeAt = lines.indexOf('deploy/m2ee.yaml');
    assert.ok(envAt >= 0 && m2eeAt > envAt, `file headers in path order:\n${run.stdout}`);
    assert.match(lines[envAt + 1], /^ {2}1:18 {2}error {2}.*localhost.* {2}mendix-mail-server-unavailable$/);
    assert.match(lines[envAt + 2], /^ {2}2:18 {2}error {2}.*"abc".* {2}invalid-port$/);
    assert.match(run.stdout, /^ {2}5:20 +error +Port 25 .* port-25-on-mendix-cloud$/m);
    assert.match(run.stdout, /^ {2}6:23 +warning +.*no-reply.* sender-noreply$/m);
    assert.match(run.stdout, /✖ 7 problems \(6 errors, 1 warning\) in 2 files checked/);
    // rows of one file are aligned: each column starts at the same place
    const rows = lines.slice(m2eeAt + 1, m2eeAt + 5);
    for (const column of [1, 2, 3]) {
      const starts = rows.map((row) => row.indexOf(row.trim().split(/ {2,}/)[column], 2));
      assert.equal(new Set(starts).size, 1, `column ${column}:\n${rows.join('\n')}`);
    }
    assert.doesNotMatch(run.stdout, /\u001b\[/, 'no colours when stdout is not a terminal');
    assert.equal(run.stderr, '');
  });

  it('colours only when asked for (FORCE_COLOR, as on a terminal), never with --no-color or NO_COLOR, never into a file', async () => {
    const forced = await runCli(['check', '--offline'], tree, { FORCE_COLOR: '1' });
    assert.match(forced.stdout, /\u001b\[31merror\u001b\[39m/);
    for (const [args, env] of [
      [['--no-color'], { FORCE_COLOR: '1' }],
      [[], { FORCE_COLOR: '1', NO_COLOR: '1' }],
    ] as const) {
      const run = await runCli(['check', '--offline', ...args], tree, env);
      assert.doesNotMatch(run.stdout, /\u001b\[/, JSON.stringify(env));
    }
    await runCli(['check', '--offline', '--output', 'colours.txt'], tree, { FORCE_COLOR: '1' });
    assert.doesNotMatch(readFileSync(join(tree, 'colours.txt'), 'utf8'), /\u001b\[/);
  });

  it('respects .gitignore (folders and anchored patterns), skips node_modules and files of other kinds', async () => {
    const run = await runCli(['check', '--offline', '--format', 'json'], tree);
    const files = new Set(parseJsonReport(run).map((f) => f.file));
    assert.deepEqual([...files].sort(), ['.env', 'deploy/m2ee.yaml']);
  });

  it('checks a file named on the command line even when .gitignore lists it', async () => {
    const run = await runCli(['check', '--offline', '--format', 'json', 'ignored/m2ee.yaml'], tree);
    assert.equal(run.status, 1);
    assert.ok(parseJsonReport(run).every((f) => f.file === 'ignored/m2ee.yaml'));
  });

  it('JSON: an array of {file, line, column, endLine, endColumn, severity, ruleId, message}, 1-based, file relative to the working directory', async () => {
    const run = await runCli(['check', '--offline', '--format', 'json', '.'], join(tree, 'deploy'));
    assert.equal(run.status, 1);
    const findings = parseJsonReport(run);
    assert.equal(findings.length, 4);
    const port = findings.find((f) => f.ruleId === 'port-25-on-mendix-cloud');
    assert.deepEqual(port, {
      file: 'm2ee.yaml',
      line: 5,
      column: 20,
      endLine: 5,
      endColumn: 22,
      severity: 'error',
      ruleId: 'port-25-on-mendix-cloud',
      message: port!.message,
    });
    assert.deepEqual(Object.keys(findings[0]), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'ruleId', 'message']);
    // paths given from another folder are reported relative to the working directory
    const fromParent = parseJsonReport(await runCli(['check', '--offline', '--format', 'json', 'deploy'], tree));
    assert.ok(fromParent.every((f) => f.file === 'deploy/m2ee.yaml'));
  });

  it('--output writes the report to a file (creating folders) and prints nothing', async () => {
    const run = await runCli(['check', '--offline', '--format', 'json', '--output', 'reports/out/mail.json'], tree);
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    const findings = JSON.parse(readFileSync(join(tree, 'reports/out/mail.json'), 'utf8'));
    assert.equal(findings.length, 7);
  });

  it('--quiet reports errors only', async () => {
    const run = await runCli(['check', '--offline', '--quiet', '--format', 'json'], tree);
    const findings = parseJsonReport(run);
    assert.ok(findings.length > 0);
    assert.ok(findings.every((f) => f.severity === 'error'));
  });

  it('--rule id=severity changes a severity or turns a rule off, and beats the config file', async () => {
    writeFileSync(join(tree, '.mendix-email.json'), JSON.stringify({ rules: { 'invalid-port': 'warning', 'sender-noreply': 'error' } }));
    try {
      const withConfig = parseJsonReport(await runCli(['check', '--offline', '--format', 'json'], tree));
      assert.equal(withConfig.find((f) => f.ruleId === 'invalid-port')?.severity, 'warning');
      assert.equal(withConfig.find((f) => f.ruleId === 'sender-noreply')?.severity, 'error');

      const run = await runCli(['check', '--offline', '--format', 'json', '--rule', 'invalid-port=off', '--rule', 'sender-noreply=info'], tree);
      const findings = parseJsonReport(run);
      assert.equal(findings.find((f) => f.ruleId === 'invalid-port'), undefined);
      assert.equal(findings.find((f) => f.ruleId === 'sender-noreply')?.severity, 'info');
    } finally {
      removeTree(join(tree, '.mendix-email.json'));
    }
  });

  it('--target sets the target of files whose target nothing else decides; a directive still wins', async () => {
    const dir = makeTree({ 'model/config.json': CONFIG_JSON_LOCALHOST, 'm2ee.yaml': M2EE_PORT_25 });
    try {
      const byDefault = parseJsonReport(await runCli(['check', '--offline', '--format', 'json'], dir));
      assert.ok(
        byDefault.some((f) => f.file === 'model/config.json' && f.ruleId === 'mendix-mail-server-unavailable'),
        `default target mendix-cloud: ${JSON.stringify(byDefault)}`,
      );
      const selfHosted = parseJsonReport(await runCli(['check', '--offline', '--format', 'json', '--target', 'self-hosted'], dir));
      assert.equal(selfHosted.find((f) => f.file === 'model/config.json'), undefined);
      // m2ee.yaml says target=mendix-cloud in a directive: port 25 is still an error there
      assert.ok(selfHosted.some((f) => f.file === 'm2ee.yaml' && f.ruleId === 'port-25-on-mendix-cloud'));
    } finally {
      removeTree(dir);
    }
  });

  it('--config FILE replaces .mendix-email.json discovery', async () => {
    const dir = makeTree({
      '.env': ENV_LOCALHOST,
      '.mendix-email.json': JSON.stringify({ rules: { 'invalid-port': 'off' } }),
      'other/strict.json': JSON.stringify({ target: 'self-hosted', rules: { 'address-without-domain': 'warning' } }),
    });
    try {
      const discovered = parseJsonReport(await runCli(['check', '--offline', '--format', 'json'], dir));
      assert.equal(discovered.find((f) => f.ruleId === 'invalid-port'), undefined);
      const explicit = parseJsonReport(await runCli(['check', '--offline', '--format', 'json', '--config', 'other/strict.json'], dir));
      assert.ok(explicit.some((f) => f.ruleId === 'invalid-port'), 'the discovered file no longer applies');
      assert.equal(explicit.find((f) => f.ruleId === 'address-without-domain')?.severity, 'warning');
      assert.equal(explicit.find((f) => f.ruleId === 'mendix-mail-server-unavailable'), undefined, 'target self-hosted from --config');
      const missing = await runCli(['check', '--offline', '--config', 'nope.json'], dir);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /--config nope\.json: no such file or folder/);
    } finally {
      removeTree(dir);
    }
  });

  it('a config file with problems: each problem on stderr with its place, exit 2', async () => {
    const dir = makeTree({ '.env': ENV_WARNINGS, '.mendix-email.json': '{ "rules": { "no-such-rule": "error" } }' });
    try {
      const run = await runCli(['check', '--offline'], dir);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /^mendix-email: \.mendix-email\.json:1:\d+: .*no-such-rule/m);
    } finally {
      removeTree(dir);
    }
  });
});

describe('mendix-email check: declarations', () => {
  it('unknown-constant with the model declarations under the working directory, as the editor has them in its workspace', async () => {
    ensureBuilt();
    const dir = makeTree(TWO_APPS);
    try {
      const findings = parseJsonReport(await runCli(['check', '--offline', '--format', 'json', 'app-a'], dir));
      const unknown = findings.filter((f) => f.ruleId === 'unknown-constant');
      assert.deepEqual(unknown.map((f) => `${f.file}:${f.line}`), ['app-a/deploy/m2ee.yaml:4'], JSON.stringify(findings));
      assert.match(unknown[0].message, /Mail\.SMTPPort/, 'suggests the declared name');
      // without a model anywhere in the workspace the rule has nothing to judge by
      const alone = makeTree({ 'm2ee.yaml': TWO_APPS['app-a/deploy/m2ee.yaml'] });
      try {
        const none = parseJsonReport(await runCli(['check', '--offline', '--format', 'json'], alone));
        assert.equal(none.filter((f) => f.ruleId === 'unknown-constant').length, 0);
      } finally {
        removeTree(alone);
      }
    } finally {
      removeTree(dir);
    }
  });
});

describe('mendix-email check: worker threads', () => {
  it('a run split over workers reports exactly what one thread does (findings, unreadable files, config problems, exit code)', async () => {
    ensureBuilt();
    const files: Record<string, string> = { ...TREE, ...TWO_APPS, 'bad-config/.mendix-email.json': '{ "target": "mars" }', 'bad-config/.env': ENV_WARNINGS };
    for (let i = 0; i < 12; i++) files[`many/app-${i}/.env`] = i % 2 ? ENV_LOCALHOST : ENV_WARNINGS;
    const dir = makeTree(files);
    symlinkSync(join(dir, 'nowhere.yaml'), join(dir, 'many', 'm2ee.yaml'));
    try {
      const one = await runCli(['check', '--offline', '--format', 'json'], dir, { MENDIX_EMAIL_WORKERS: '0' });
      const three = await runCli(['check', '--offline', '--format', 'json'], dir, { MENDIX_EMAIL_WORKERS: '3' });
      assert.equal(one.status, 2, one.stderr);
      assert.equal(three.status, one.status);
      assert.ok(parseJsonReport(one).length > 20);
      assert.deepEqual(parseJsonReport(three), parseJsonReport(one));
      assert.deepEqual(three.stderr.split('\n').sort(), one.stderr.split('\n').sort());
      const text = await runCli(['check', '--offline'], dir, { MENDIX_EMAIL_WORKERS: '2' });
      assert.match(text.stdout, /in 18 files checked, 1 could not be read/);
    } finally {
      removeTree(dir);
    }
  });

  it('the worker argument typed on the main thread is an unknown option, not a silent exit', async () => {
    ensureBuilt();
    const dir = makeTree({ '.env': ENV_WARNINGS });
    try {
      const run = await runCli(['--mendix-email-check-worker', '.env'], dir);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /unknown option --mendix-email-check-worker\n/);
    } finally {
      removeTree(dir);
    }
  });
});

describe('mendix-email check: exit codes and --max-warnings', () => {
  let clean: string;
  let warnings: string;
  before(() => {
    ensureBuilt();
    clean = makeTree({ 'docker-compose.yml': CLEAN_COMPOSE });
    warnings = makeTree({ '.env': ENV_WARNINGS });
  });
  after(() => {
    removeTree(clean);
    removeTree(warnings);
  });

  it('exit 0 and a summary line when nothing is found', async () => {
    const run = await runCli(['check', '--offline'], clean);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /✔ No problems \(1 file checked\)/);
    const json = await runCli(['check', '--offline', '--format', 'json'], clean);
    assert.deepEqual(parseJsonReport(json), []);
  });

  it('warnings alone exit 0; over --max-warnings exit 1; at the limit exit 0', async () => {
    const findings = parseJsonReport(await runCli(['check', '--offline', '--format', 'json'], warnings));
    const count = findings.filter((f) => f.severity === 'warning').length;
    assert.ok(count >= 2, JSON.stringify(findings));
    assert.ok(findings.every((f) => f.severity !== 'error'));
    assert.equal((await runCli(['check', '--offline'], warnings)).status, 0);
    assert.equal((await runCli(['check', '--offline', '--max-warnings', String(count)], warnings)).status, 0);
    const over = await runCli(['check', '--offline', '--max-warnings', String(count - 1)], warnings);
    assert.equal(over.status, 1);
    assert.match(over.stderr, new RegExp(`${count} warnings, more than --max-warnings ${count - 1}`));
    assert.equal((await runCli(['check', '--offline', '--max-warnings', '0', '--quiet'], warnings)).status, 0, '--quiet drops warnings');
    assert.equal((await runCli(['check', '--offline', '--max-warnings', '-1'], warnings)).status, 0, '-1: no limit, as in ESLint');
  });

  it('bad usage exits 2 with a message on stderr', async () => {
    for (const args of [
      ['check', '--format', 'xml'],
      ['check', '--max-warnings', 'many'],
      ['check', '--target', 'mars'],
      ['check', '--rule', 'invalid-port'],
      ['check', '--rule', 'invalid-port=fatal'],
      ['check', '--rule', 'invalid-prot=off'],
      ['check', '--dns-server', 'dns.example.com'],
      ['check', '--no-such-option'],
      ['chekc'],
    ]) {
      const run = await runCli(args, clean);
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, /mendix-email: \S/, args.join(' '));
      assert.equal(run.stdout, '');
    }
    const typo = await runCli(['check', '--rule', 'invalid-prot=off'], clean);
    assert.match(typo.stderr, /did you mean invalid-port\?/);
  });

  it('a path that does not exist: exit 2, and the other paths are still checked', async () => {
    const run = await runCli(['check', '--offline', '--format', 'json', 'docker-compose.yml', 'missing-folder'], clean);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /missing-folder: no such file or folder/);
    assert.deepEqual(parseJsonReport(run), []);
  });

  it('--help, --version, and `mendix-email <path>` meaning check', async () => {
    const help = await runCli(['check', '--help'], clean);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--max-warnings N/);
    const version = await runCli(['--version'], clean);
    assert.equal(version.status, 0);
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).version);
    const bare = await runCli(['.', '--offline'], clean);
    assert.equal(bare.status, 0);
    assert.match(bare.stdout, /1 file checked/);
  });
});

describe('mendix-email check: a file that cannot be read', () => {
  let dir: string;
  before(() => {
    ensureBuilt();
    dir = makeTree({ 'good/.env': ENV_LOCALHOST });
    // Root reads any file whatever its mode, so use things that fail for root too: a link to
    // nowhere with a settings file's name, and a file with no read permission (for non-root).
    mkdirSync(join(dir, 'broken'));
    symlinkSync(join(dir, 'does-not-exist.yaml'), join(dir, 'broken', 'm2ee.yaml'));
    writeFileSync(join(dir, 'broken', '.env.production'), 'MX_Mail_SMTPPort=25\n');
    chmodSync(join(dir, 'broken', '.env.production'), 0o000);
  });
  after(() => removeTree(dir));

  it('says which file and why on stderr, still reports the rest, exits 2', async () => {
    const run = await runCli(['check', '--offline'], dir);
    assert.equal(run.status, 2, run.stdout + run.stderr);
    assert.match(run.stderr, /^mendix-email: broken\/m2ee\.yaml: no such file or folder$/m);
    assert.match(run.stdout, /good\/\.env/);
    assert.match(run.stdout, /invalid-port/);
    assert.match(run.stdout, /could not be read/);
    const json = await runCli(['check', '--offline', '--format', 'json'], dir);
    assert.equal(json.status, 2);
    assert.ok(parseJsonReport(json).some((f) => f.file === 'good/.env'));
  });

  it('a folder named like a settings file is walked, not read', async () => {
    const inner = makeTree({ 'm2ee.yaml/.env': ENV_WARNINGS });
    try {
      const run = await runCli(['check', '--offline', '--format', 'json'], inner);
      assert.equal(run.status, 0, run.stderr);
      assert.ok(parseJsonReport(run).every((f) => f.file === 'm2ee.yaml/.env'));
    } finally {
      removeTree(inner);
    }
  });
});
