// The npm package as a user gets it (issue 15, item 4): packed from a fresh copy of the
// project, installed into an empty project without dev dependencies, and run with npx —
// check (exit codes, JSON), --version, and send-test / verify against a local SMTP server.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { npmEnv, npxMendixEmail, packAndInstall, type PackedCli } from './support/packed';
import { runAction } from './support/actionRunner';
import { m2eeFor, makeCert, PASSWORD, startSmtpServer, type RunningServer, type TestCert } from '../smtp/support/servers';

/** The npm tarball's budget (README, "Budgets"). */
const TARBALL_BUDGET = 600 * 1024;
/** What the package may hold: the CLI's two bundles, the rule pages, and npm's own picks. */
const ALLOWED = [/^package\.json$/, /^README\.md$/, /^LICENSE$/, /^dist\/cli\.js$/, /^dist\/cli-core\.js$/, /^docs\/rules\/[a-z0-9-]+\.md$/];

let packed: PackedCli;
before(() => {
  packed = packAndInstall();
  cpSync(join(__dirname, '..', 'fixtures', 'rules', 'port-25-on-mendix-cloud'), join(packed.project, 'deploy'), { recursive: true });
  cpSync(join(__dirname, '..', 'fixtures', 'rules', 'clean'), join(packed.project, 'clean'), { recursive: true });
  cpSync(join(__dirname, '..', 'fixtures', 'rules', 'sender-noreply', 'trigger'), join(packed.project, 'warn only'), { recursive: true });
});
after(() => rmSync(packed.root, { recursive: true, force: true }));

describe('npm pack', () => {
  it('holds only what the CLI needs, within the size budget', () => {
    const paths = packed.pack.files.map((f) => f.path);
    const stray = paths.filter((p) => !ALLOWED.some((re) => re.test(p)));
    assert.deepEqual(stray, [], 'files outside the allow-list');
    for (const needed of ['dist/cli.js', 'dist/cli-core.js', 'package.json', 'docs/rules/port-25-on-mendix-cloud.md']) assert.ok(paths.includes(needed), needed);
    assert.ok(packed.pack.size <= TARBALL_BUDGET, `tarball ${packed.pack.size} bytes > ${TARBALL_BUDGET}`);
    // built for users: minified, no source maps
    assert.ok(!paths.some((p) => p.endsWith('.map')));
  });

  it('installs with nothing but itself: no dependencies, a bin link', () => {
    const installed = readdirSync(join(packed.project, 'node_modules')).filter((n) => !n.startsWith('.'));
    assert.deepEqual(installed, ['mendix-email']);
    const manifest = JSON.parse(readFileSync(join(packed.project, 'node_modules', 'mendix-email', 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(manifest.dependencies, undefined, 'no runtime dependencies');
    assert.ok(existsSync(join(packed.project, 'node_modules', '.bin', 'mendix-email')));
  });
});

describe('npx mendix-email (installed from the tarball)', () => {
  it('--version prints the package version', async () => {
    const r = await npxMendixEmail(packed, ['--version']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), packed.version);
  });

  it('check: exit 1 and JSON findings on a finding, exit 0 on clean files', async () => {
    const bad = await npxMendixEmail(packed, ['check', 'deploy', '--offline', '--format', 'json']);
    assert.equal(bad.status, 1, bad.stderr);
    const findings = JSON.parse(bad.stdout) as { ruleId: string; file: string }[];
    assert.ok(findings.some((f) => f.ruleId === 'port-25-on-mendix-cloud' && f.file.startsWith('deploy/')), bad.stdout);
    const clean = await npxMendixEmail(packed, ['check', 'clean', '--offline']);
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    assert.match(clean.stdout, /No problems/);
  });

  it('check --format sarif reads the rule pages shipped in the package', async () => {
    const r = await npxMendixEmail(packed, ['check', 'deploy', '--offline', '--format', 'sarif']);
    assert.equal(r.status, 1, r.stderr);
    const rule = (JSON.parse(r.stdout) as { runs: { tool: { driver: { rules: { id: string; help: { markdown: string } }[] } } }[] }).runs[0].tool.driver.rules.find((x) => x.id === 'port-25-on-mendix-cloud');
    assert.ok(rule && rule.help.markdown.startsWith('#'), 'help.markdown is the rule page');
  });

  it('bad usage exits 2', async () => {
    const r = await npxMendixEmail(packed, ['check', '--format', 'nope']);
    assert.equal(r.status, 2);
  });

  describe('send-test and verify against a local SMTP server', () => {
    let cert: TestCert;
    let server: RunningServer;
    before(async () => {
      cert = makeCert();
      server = await startSmtpServer({ key: cert.key, cert: cert.cert });
      writeFileSync(join(packed.project, 'm2ee.yaml'), m2eeFor(server.port, { dtapMode: 'P' }));
    });
    after(async () => {
      await server.close();
      cert.cleanup();
    });

    it('verify: exit 0', async () => {
      const r = await npxMendixEmail(packed, ['verify', 'm2ee.yaml', '--ca', cert.certFile, '--timeout', '5'], packed.project, { MENDIX_EMAIL_SMTP_PASSWORD: PASSWORD });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.ok(!r.stdout.includes(PASSWORD) && !r.stderr.includes(PASSWORD));
    });

    it('send-test: the mail arrives, exit 0', async () => {
      const received = server.nextMessage();
      const r = await npxMendixEmail(packed, ['send-test', 'm2ee.yaml', '--to', 'someone@mendix-email.test', '--ca', cert.certFile, '--timeout', '5'], packed.project, { MENDIX_EMAIL_SMTP_PASSWORD: PASSWORD });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /SENT to someone@mendix-email\.test/);
      const message = await received;
      assert.match(message.parsed.text ?? '', /mendix-email CLI/);
      assert.ok(!r.stdout.includes(PASSWORD) && !r.stderr.includes(PASSWORD));
    });
  });
});

// action.yml's steps run here against the installed tarball: the project that holds it is the
// workspace, and npm is offline, so `npx --yes mendix-email@<version>` must find exactly the
// pinned version installed (a mismatch would try the registry and fail).
describe('GitHub Action (action.yml) run locally', () => {
  const env = () => ({ ...npmEnv(packed.root), npm_config_offline: 'true' });

  it('default format github: annotations, exit code 1 handed to the last step, which fails', async () => {
    const r = await runAction(packed.project, { paths: 'deploy', offline: 'true' }, env());
    assert.equal(r.check.status, 0, r.check.stderr);
    assert.match(r.check.stdout, /^::error file=deploy\/[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=port-25-on-mendix-cloud::/m);
    assert.equal(r.outputs['exit-code'], '1');
    assert.equal(r.outputs['sarif-file'], undefined);
    assert.equal(r.verdict?.status, 1);
  });

  it('clean files: exit code 0, the last step does not run', async () => {
    const r = await runAction(packed.project, { paths: 'clean', offline: 'true', format: 'text' }, env());
    assert.equal(r.outputs['exit-code'], '0', r.check.stdout + r.check.stderr);
    assert.match(r.check.stdout, /No problems/);
    assert.equal(r.verdict, undefined);
  });

  it('paths one per line (with a space), max-warnings 0 fails on a warning', async () => {
    const within = await runAction(packed.project, { paths: 'clean\nwarn only\n', offline: 'true', format: 'json' }, env());
    assert.equal(within.outputs['exit-code'], '0', within.check.stderr);
    const findings = JSON.parse(within.check.stdout) as { file: string; severity: string }[];
    assert.ok(findings.some((f) => f.file.startsWith('warn only/') && f.severity === 'warning'), within.check.stdout);
    const strict = await runAction(packed.project, { paths: 'clean\nwarn only', offline: 'true', 'max-warnings': '0' }, env());
    assert.equal(strict.outputs['exit-code'], '1');
    assert.equal(strict.verdict?.status, 1);
  });

  it('sarif-upload: writes the SARIF file for the upload step and still annotates', async () => {
    const r = await runAction(packed.project, { paths: 'deploy', offline: 'true', 'sarif-upload': 'true' }, env());
    const sarifFile = r.outputs['sarif-file'];
    assert.ok(sarifFile && existsSync(sarifFile), JSON.stringify(r.outputs));
    const log = JSON.parse(readFileSync(sarifFile, 'utf8')) as { version: string; runs: { results: { ruleId: string }[] }[] };
    assert.equal(log.version, '2.1.0');
    assert.ok(log.runs[0].results.some((x) => x.ruleId === 'port-25-on-mendix-cloud'));
    assert.match(r.check.stdout, /^::error /m);
    assert.equal(r.outputs['exit-code'], '1');
  });

  it('a bad input is a clear error with exit code 2', async () => {
    const r = await runAction(packed.project, { paths: 'deploy', offline: 'maybe' }, env());
    assert.match(r.check.stdout, /offline must be true or false/);
    assert.equal(r.outputs['exit-code'], '2');
    assert.equal(r.verdict?.status, 2);
  });
});
