// The .vsix as a publisher makes it: plain `vsce package` (no bypass flag) and Open VSX's
// packaging path (`ovsx publish` from source, to a stand-in registry on 127.0.0.1), each on a
// copy of the repository's files with vscode:prepublish building the production bundles.
// Then what the Marketplace and Open VSX show is checked: the manifest, the icon, that every
// link and picture resolves, the file list against the allow-list, and the size budget.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { readZip } from '../support/zip';
import { anchorsOf, linksOf } from './markdownLinks';
import { REPOSITORY_URL } from '../../server/src/core/links';

const root = join(__dirname, '..', '..');
const VSIX_BUDGET = 800 * 1024;

/** What may ship, and what must: the extension runs the bundles and shows the rest. */
const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt|ThirdPartyNotices\.txt)$/,
  /^extension\/images\/icon\.png$/,
  /^extension\/dist\/(client|server|server-core|smtp|cli|cli-core)\.js$/,
  /^extension\/docs\/rules\/[a-z0-9-]+\.md$/,
  /^extension\/docs\/(mendix-mail-facts|providers|security)\.md$/,
  /^extension\/docs\/walkthrough\/[a-z0-9-]+\.md$/,
  /^extension\/docs\/images\/[a-z0-9-]+\.png$/,
  /^extension\/schemas\/[a-z0-9.-]+\.json$/,
  /^extension\/syntaxes\/[a-zA-Z0-9.-]+\.json$/,
];
const REQUIRED = ['extension/package.json', 'extension/readme.md', 'extension/LICENSE.txt', 'extension/ThirdPartyNotices.txt', 'extension/images/icon.png', 'extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/server-core.js', 'extension/dist/smtp.js', 'extension/dist/cli.js', 'extension/dist/cli-core.js'];

let stage: string;
let vsix: Buffer;
let files: Map<string, Buffer>;

/** The repository's files (tracked, and new ones not ignored) without tests and benchmarks: a fresh clone, as a publisher has it. */
function stageRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mendix-email-package-'));
  const listed = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    if (/^(test|bench|\.ci)\//.test(file) || !existsSync(join(root, file))) continue;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(root, file), join(dir, file));
  }
  symlinkSync(realpathSync(join(root, 'node_modules')), join(dir, 'node_modules'), 'dir');
  return dir;
}

function run(args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VSCE_PAT: '', OVSX_PAT: '' } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code, output }));
  });
}

before(async () => {
  stage = stageRepository();
  const out = join(stage, 'out.vsix');
  const packaged = await run([join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '-o', out], stage);
  assert.equal(packaged.code, 0, `vsce package failed:\n${packaged.output}`);
  vsix = readFileSync(out);
  files = readZip(vsix);
});

after(() => {
  if (stage) rmSync(stage, { recursive: true, force: true });
});

const manifest = () => JSON.parse(files.get('extension/package.json')!.toString('utf8'));

test('the listing metadata: repository, bugs, homepage, icon, banner, preview, prepublish, kind, capabilities', () => {
  const m = manifest();
  assert.equal(m.repository.url.replace(/\.git$/, ''), REPOSITORY_URL);
  assert.equal(m.bugs.url, `${REPOSITORY_URL}/issues`);
  assert.equal(m.homepage, `${REPOSITORY_URL}#readme`);
  assert.equal(m.icon, 'images/icon.png');
  assert.match(m.galleryBanner.color, /^#[0-9a-f]{6}$/i);
  assert.ok(['dark', 'light'].includes(m.galleryBanner.theme));
  assert.equal(m.preview, true, 'preview while the version is 0.x');
  assert.match(m.version, /^0\./);
  assert.match(m.scripts['vscode:prepublish'], /esbuild\.mjs --production/);
  assert.deepEqual(m.extensionKind, ['workspace']);
  assert.equal(m.capabilities.virtualWorkspaces.supported, false);
  assert.ok(m.capabilities.virtualWorkspaces.description);
  // the package script packages with no bypass flag
  assert.doesNotMatch(m.scripts.package, /allow-missing-repository|no-rewrite-relative-links|baseContentUrl|baseImagesUrl/);
});

test('activation and menus are scoped to settings files: no activation on every JSON or YAML file', () => {
  const m = manifest();
  const events: string[] = m.activationEvents;
  assert.ok(events.length > 0);
  for (const e of events) assert.doesNotMatch(e, /^onLanguage:(json|jsonc|yaml|plaintext|properties)$|^\*$|^onStartupFinished$/, e);
  for (const menu of ['commandPalette', 'editor/context']) {
    const entries: { command: string; when?: string }[] = m.contributes.menus[menu];
    for (const command of ['mendixEmail.sendTestMail', 'mendixEmail.verifyConnection', 'mendixEmail.showTarget']) {
      assert.equal(entries.find((e) => e.command === command)?.when, 'mendixEmail.settingsFile', `${menu}: ${command}`);
    }
  }
});

test('the settings that go online are tagged usesOnlineServices, the others are not', () => {
  const props = manifest().contributes.configuration.properties as Record<string, { tags?: string[] }>;
  const online = Object.keys(props).filter((k) => props[k].tags?.includes('usesOnlineServices')).sort();
  assert.deepEqual(online, ['mendixEmail.cloud.apiUrl', 'mendixEmail.cloud.timeoutSeconds', 'mendixEmail.dns.servers', 'mendixEmail.online', 'mendixEmail.smtp.timeoutSeconds', 'mendixEmail.smtp.trustedCertificates']);
});

test('the icon is a PNG of at least 128×128', () => {
  const png = files.get('extension/images/icon.png')!;
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  assert.ok(width >= 128 && height >= 128 && width === height, `${width}×${height}`);
});

test('the file list is the allow-list: bundles the extension runs (the CLI too, for the task type), pages it shows, no sources, no tests, no source maps', () => {
  const names = [...files.keys()];
  const unexpected = names.filter((n) => !ALLOWED.some((p) => p.test(n)));
  assert.deepEqual(unexpected, [], 'files outside the allow-list');
  for (const required of REQUIRED) assert.ok(files.has(required), `${required} ships`);
  // every rule page ships (the "Show Rule Documentation" command renders them offline)
  const pages = readdirSync(join(root, 'docs', 'rules')).filter((f) => f.endsWith('.md'));
  for (const page of pages) assert.ok(files.has(`extension/docs/rules/${page}`), page);
});

test('every picture in the package is shown by the walkthrough, and every walkthrough medium ships', () => {
  const m = manifest();
  const media: string[] = (m.contributes.walkthroughs ?? []).flatMap((w: { steps: { media: { image?: string | Record<string, string>; markdown?: string; svg?: string } }[] }) =>
    w.steps.flatMap(({ media: { image, markdown, svg } }) => [...(typeof image === 'string' ? [image] : Object.values(image ?? {})), ...(markdown ? [markdown] : []), ...(svg ? [svg] : [])]),
  );
  assert.ok(media.length > 0, 'the walkthrough has media');
  for (const medium of media) assert.ok(files.has(`extension/${medium}`), `${medium} ships`);
  const pictures = [...files.keys()].filter((n) => /\.(png|gif|jpe?g|svg)$/.test(n) && n !== 'extension/images/icon.png');
  for (const picture of pictures) assert.ok(media.includes(picture.slice('extension/'.length)), `${picture} is shown by the walkthrough`);
});

test('the README in the package: every link and picture is https (derived from repository) or an in-page anchor, and resolves', () => {
  const readme = files.get('extension/readme.md')!.toString('utf8');
  const anchors = anchorsOf(readme);
  const links = linksOf(readme);
  assert.ok(links.length > 10, 'the README has its links');
  for (const link of links) {
    if (link.startsWith('#')) {
      assert.ok(anchors.has(link.slice(1)), `README anchor ${link}`);
      continue;
    }
    assert.match(link, /^https:\/\//, `README link ${link}`);
    // links into this repository point at files that exist in it
    const inRepo = new RegExp(`^${REPOSITORY_URL.replace(/[.]/g, '\\.')}/(?:blob|raw)/[^/]+/([^#?]+)`).exec(link);
    if (inRepo) assert.ok(existsSync(join(root, decodeURIComponent(inRepo[1]))), `${link}: ${inRepo[1]} is in the repository`);
  }
});

test('every page shipped in the package links only to https or to a file (and heading) inside the package', () => {
  const pages = [...files.keys()].filter((n) => n.endsWith('.md') && n !== 'extension/readme.md' && n !== 'extension/changelog.md');
  assert.ok(pages.length >= 34);
  for (const page of pages) {
    for (const link of linksOf(files.get(page)!.toString('utf8'))) {
      if (/^https:\/\//.test(link)) continue;
      assert.doesNotMatch(link, /^[a-z]+:/i, `${page}: ${link} is neither https nor relative`);
      const [path, anchor] = link.split('#');
      const target = path ? posix.normalize(posix.join(posix.dirname(page), path)) : page;
      const shipped = target === 'extension/README.md' ? 'extension/readme.md' : target;
      assert.ok(files.has(shipped), `${page}: ${link} → ${target} is in the package`);
      if (anchor && shipped.endsWith('.md')) assert.ok(anchorsOf(files.get(shipped)!.toString('utf8')).has(anchor), `${page}: #${anchor} in ${target}`);
    }
  }
});

test('ThirdPartyNotices.txt lists the bundled packages with their licence texts', () => {
  const notices = files.get('extension/ThirdPartyNotices.txt')!.toString('utf8');
  for (const name of ['vscode-languageclient', 'vscode-languageserver', 'nodemailer', 'yaml', 'jsonc-parser']) assert.match(notices, new RegExp(`^- ${name} \\d`, 'm'), name);
  assert.match(notices, /Permission is hereby granted, free of charge/);
  // dev-only tools are not bundled, so not listed
  for (const name of ['esbuild', 'typescript', 'mocha', 'smtp-server']) assert.doesNotMatch(notices, new RegExp(`^- ${name} \\d`, 'm'), name);
});

test(`the .vsix stays within its budget (${VSIX_BUDGET / 1024} KB)`, (t) => {
  t.diagnostic(`.vsix: ${Math.round(vsix.length / 1024)} KB, ${files.size} files`);
  assert.ok(vsix.length <= VSIX_BUDGET, `${Math.round(vsix.length / 1024)} KB`);
});

test('Open VSX: `ovsx publish` packages the same files without a bypass flag (to a stand-in registry on 127.0.0.1)', async () => {
  const received: Buffer[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST' && req.url?.startsWith('/api/-/publish')) received.push(Buffer.concat(chunks));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ namespace: 'mendix-email', name: 'mendix-email', version: manifest().version, targetPlatform: 'universal' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const port = (server.address() as { port: number }).port;
    const published = await run([join(root, 'node_modules', 'ovsx', 'bin', 'ovsx'), 'publish', '-r', `http://127.0.0.1:${port}`, '-p', 'stand-in-token'], stage);
    assert.equal(published.code, 0, `ovsx publish failed:\n${published.output}`);
    assert.equal(received.length, 1);
    const theirs = readZip(received[0]);
    assert.deepEqual([...theirs.keys()].sort(), [...files.keys()].sort());
  } finally {
    server.close();
  }
});

test('vscode:prepublish built the bundles in the copy, which had no dist/ (git ignores it)', () => {
  assert.ok(statSync(join(stage, 'dist', 'client.js')).isFile());
  assert.doesNotMatch(files.get('extension/dist/client.js')!.toString('utf8'), /sourceMappingURL/, 'production bundles, no source maps');
});
