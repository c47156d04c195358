// The one reader for files opened by reference (services/readFile.ts): regular files only,
// judged on the opened descriptor (a FIFO cannot block the open), a cap before reading, and
// with `within` (Restricted Mode) nothing whose real path is outside the workspace folders.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_BYTES, OUTSIDE_WORKSPACE, readRegularFile } from '../../../server/src/services/readFile';
import { GitTracking } from '../../../server/src/services/gitTracking';
import { planTransport, TrustFileError } from '../../../server/src/smtp/transport';

const base = mkdtempSync(join(tmpdir(), 'mendix-email-reader-'));
const ws = join(base, 'ws');
const outside = join(base, 'outside');
mkdirSync(ws);
mkdirSync(outside);
writeFileSync(join(ws, 'a.env'), 'A=1\n');
writeFileSync(join(outside, 'secret.env'), 'S=2\n');
symlinkSync(join(outside, 'secret.env'), join(ws, 'out.env'));
symlinkSync(join(ws, 'a.env'), join(ws, 'in.env'));
spawnSync('mkfifo', [join(ws, 'pipe')]);
after(() => rmSync(base, { recursive: true, force: true }));

const cap = { maxBytes: MAX_BYTES.envFile };

test('a regular file is read; a symlink inside the workspace to a file inside it too', () => {
  assert.deepEqual(readRegularFile(join(ws, 'a.env'), { ...cap, within: [ws] }), { text: 'A=1\n', encoding: 'utf8' });
  assert.deepEqual(readRegularFile(join(ws, 'in.env'), { ...cap, within: [ws] }), { text: 'A=1\n', encoding: 'utf8' });
});

test('devices, FIFOs, folders and files over the cap are refused, saying why', () => {
  assert.deepEqual(readRegularFile('/dev/zero', cap), { notRead: 'it is a device, not a regular file' });
  assert.deepEqual(readRegularFile(join(ws, 'pipe'), cap), { notRead: 'it is a named pipe (FIFO), not a regular file' });
  assert.deepEqual(readRegularFile(ws, cap), { notRead: 'it is a folder, not a regular file' });
  writeFileSync(join(ws, 'big'), '');
  truncateSync(join(ws, 'big'), MAX_BYTES.envFile + 1);
  assert.deepEqual(readRegularFile(join(ws, 'big'), cap), { notRead: 'it is 2 MB, over the 2 MB limit' });
  assert.deepEqual(readRegularFile(join(ws, 'missing'), cap), { notRead: 'it does not exist', missing: true });
});

test('within the workspace folders: ../ and a symlink out are refused; without `within` (trusted) they are read', () => {
  assert.deepEqual(readRegularFile(join(ws, '..', 'outside', 'secret.env'), { ...cap, within: [ws] }), { notRead: OUTSIDE_WORKSPACE });
  assert.deepEqual(readRegularFile(join(ws, 'out.env'), { ...cap, within: [ws] }), { notRead: OUTSIDE_WORKSPACE });
  assert.deepEqual(readRegularFile(join(ws, 'out.env'), cap), { text: 'S=2\n', encoding: 'utf8' });
});

test('mendixEmail.smtp.trustedCertificates naming /dev/zero or a FIFO: a clear TrustFileError at once', () => {
  for (const file of ['/dev/zero', join(ws, 'pipe')]) {
    assert.throws(() => planTransport({ host: 'smtp.example.com', port: 587 } as never, { trustedCertificates: { 'smtp.example.com': file } }), (e: Error) => {
      assert.ok(e instanceof TrustFileError);
      assert.match(e.message, /was not read: it is (a device|a named pipe \(FIFO\)), not a regular file/);
      return true;
    });
  }
});

test('git tracking: a .gitignore that is a FIFO does not hang the answer', () => {
  const repo = join(base, 'repo');
  mkdirSync(join(repo, '.git'), { recursive: true });
  spawnSync('mkfifo', [join(repo, '.gitignore')]);
  const tracking = new GitTracking({ mayRunGit: () => false });
  assert.equal(tracking.isTracked(join(repo, '.env')), true, 'no readable .gitignore: git would commit it');
});
