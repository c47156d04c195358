// Issue 13, item 2 over the real LSP connection: an env_file that names a device, a FIFO, a
// 2 GB sparse file or a file outside the workspace. Each check finishes at once with a finding
// on the env_file entry saying why it was not read, memory stays bounded, and in Restricted
// Mode nothing outside the workspace folders is read (no value of it reaches a diagnostic).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hover, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../support/lspClient';
import { ensureServerBuilt } from './workspace';

ensureServerBuilt();

const base = mkdtempSync(join(tmpdir(), 'mendix-email-hostile-files-'));
const root = join(base, 'workspace');
const outside = join(base, 'outside');
// values only the outside file holds: none may appear in Restricted Mode
const OUTSIDE_ENV = 'MX_Mail_SMTPHost=smtp.outside-canary.example\nMX_Mail_SMTPPort=25\nMX_Mail_SMTPUsername=canary-user\nMX_Mail_SMTPPassword=Outside7Canary7Secret\n';

before(() => {
  mkdirSync(root);
  mkdirSync(outside);
  writeFileSync(join(outside, 'mail.env'), OUTSIDE_ENV);
  symlinkSync(join(outside, 'mail.env'), join(root, 'linked.env'));
  assert.equal(spawnSync('mkfifo', [join(root, 'pipe.env')]).status, 0, 'mkfifo');
  writeFileSync(join(root, 'huge.env'), '');
  truncateSync(join(root, 'huge.env'), 2 * 1024 * 1024 * 1024);
});
after(() => rmSync(base, { recursive: true, force: true }));

const compose = (envFile: string) => `# mendix-email: target=mendix-cloud\nservices:\n  app:\n    env_file: ${envFile}\n    environment:\n      MX_Mail_FromAddress: mail@mycompany.nl\n`;
const messageOf = (d: { message: string | MarkupContent }) => (typeof d.message === 'string' ? d.message : d.message.value);
const notRead = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'env-file-not-read').map(messageOf);

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

const OUTSIDE = /was not read: it is outside the workspace folders and the workspace is not trusted \(Restricted Mode\)/;
const CASES: { name: string; envFile: string; reason: RegExp; restricted?: RegExp }[] = [
  // in Restricted Mode a device is first of all outside the workspace
  { name: '/dev/zero', envFile: '/dev/zero', reason: /\/dev\/zero was not read: it is a device, not a regular file/, restricted: OUTSIDE },
  { name: '/dev/urandom', envFile: '/dev/urandom', reason: /\/dev\/urandom was not read: it is a device, not a regular file/, restricted: OUTSIDE },
  { name: 'a FIFO', envFile: './pipe.env', reason: /pipe\.env was not read: it is a named pipe \(FIFO\), not a regular file/ },
  { name: 'a 2 GB sparse file', envFile: './huge.env', reason: /huge\.env was not read: it is 2 GB, over the 2 MB limit/ },
];

for (const trusted of [false, true]) {
  const mode = trusted ? 'trusted' : 'Restricted Mode';
  test(`${mode}: env_file naming a device, a FIFO or a 2 GB file is refused at once with a finding; memory stays bounded`, async () => {
    const client = await LspClient.start({ root, initializationOptions: { trusted } });
    try {
      for (const c of CASES) {
        const file = join(root, `compose-${c.name.replace(/\W+/g, '-')}.yml`);
        const started = performance.now();
        const published = await client.open(file, compose(c.envFile));
        const ms = performance.now() - started;
        assert.ok(ms < 3_000, `${c.name}: diagnostics after ${Math.round(ms)} ms`);
        const found = notRead(published);
        assert.equal(found.length, 1, `${c.name}: ${JSON.stringify(published.diagnostics.map(messageOf))}`);
        assert.match(found[0], (!trusted && c.restricted) || c.reason);
      }
      assert.ok(rssMb(client.child.pid!) < 400, `server RSS ${Math.round(rssMb(client.child.pid!))} MB`);
    } finally {
      await client.stop();
    }
  });
}

test('Restricted Mode: an env_file outside the workspace (../ or a symlink out) is not read; no value of it reaches a diagnostic or hover', async () => {
  const client = await LspClient.start({ root, initializationOptions: { trusted: false } });
  try {
    for (const envFile of ['../outside/mail.env', './linked.env', join(outside, 'mail.env')]) {
      const file = join(root, 'docker-compose.yml');
      const published = await client.open(file, compose(envFile));
      const found = notRead(published);
      assert.equal(found.length, 1, `${envFile}: ${JSON.stringify(published.diagnostics.map(messageOf))}`);
      assert.match(found[0], /was not read: it is outside the workspace folders and the workspace is not trusted \(Restricted Mode\)/);
      const all = JSON.stringify(published.diagnostics);
      for (const secret of ['outside-canary', 'canary-user', 'Outside7Canary7Secret']) assert.ok(!all.includes(secret), `${envFile}: ${secret} in diagnostics`);
      assert.ok(!published.diagnostics.some((d) => d.code === 'port-25-on-mendix-cloud'));
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: published.uri }, position: { line: 3, character: 6 } });
      assert.ok(!JSON.stringify(hover ?? {}).includes('canary'), 'hover shows nothing of the outside file');
      await client.close(file);
    }
  } finally {
    await client.stop();
  }
});

test('trusted: the same ../ env_file is read and its values are checked', async () => {
  const client = await LspClient.start({ root, initializationOptions: { trusted: true } });
  try {
    const published = await client.open(join(root, 'docker-compose.yml'), compose('../outside/mail.env'));
    assert.deepEqual(notRead(published), []);
    assert.ok(published.diagnostics.some((d) => d.code === 'port-25-on-mendix-cloud'), JSON.stringify(published.diagnostics.map((d) => [d.code, messageOf(d)])));
  } finally {
    await client.stop();
  }
});
