// The npm package as a user gets it (issue 15, item 4): packed from a fresh copy of the
// project, installed into an empty project without dev dependencies, and run with npx —
// check (exit codes, JSON), --version, and send-test / verify against a local SMTP server.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { npxMendixEmail, packAndInstall, type PackedCli } from './support/packed';
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
