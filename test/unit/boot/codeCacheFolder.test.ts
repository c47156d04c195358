// The code cache holds bytecode that runs as this program: where it lives, and the refusal of
// folders and files that another user could have written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheFolderFor, prepareFolder, readCacheFile, sealCacheFile } from '../../../server/src/boot/codeCacheFolder';

const isRoot = process.getuid?.() === 0;
const posix = process.platform !== 'win32';

function scratch(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'mendix-email-codecache-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('the per-user cache folder of each platform', () => {
  assert.deepEqual(cacheFolderFor({}, 'linux', '/home/ann'), { folder: '/home/ann/.cache/mendix-email' });
  assert.deepEqual(cacheFolderFor({ XDG_CACHE_HOME: '/var/cache/ann' }, 'linux', '/home/ann'), { folder: '/var/cache/ann/mendix-email' });
  // a relative XDG_CACHE_HOME is invalid by the XDG spec: the default is used
  assert.deepEqual(cacheFolderFor({ XDG_CACHE_HOME: 'cache' }, 'linux', '/home/ann'), { folder: '/home/ann/.cache/mendix-email' });
  assert.deepEqual(cacheFolderFor({}, 'darwin', '/Users/ann'), { folder: '/Users/ann/Library/Caches/mendix-email' });
  assert.deepEqual(cacheFolderFor({ LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local' }, 'win32', ''), { folder: join('C:\\Users\\ann\\AppData\\Local', 'mendix-email', 'Cache') });
  assert.ok('off' in cacheFolderFor({}, 'win32', ''));
  assert.ok('off' in cacheFolderFor({}, 'linux', ''));
});

test('MENDIX_EMAIL_CODE_CACHE turns the cache off or puts it elsewhere; a relative path is refused', () => {
  assert.deepEqual(cacheFolderFor({ MENDIX_EMAIL_CODE_CACHE: 'off' }, 'linux', '/home/ann'), { off: 'turned off by MENDIX_EMAIL_CODE_CACHE' });
  assert.ok('off' in cacheFolderFor({ MENDIX_EMAIL_CODE_CACHE: '0' }, 'linux', '/home/ann'));
  assert.deepEqual(cacheFolderFor({ MENDIX_EMAIL_CODE_CACHE: '/srv/cache' }, 'linux', '/home/ann'), { folder: '/srv/cache' });
  assert.deepEqual(cacheFolderFor({ MENDIX_EMAIL_CODE_CACHE: 'cache' }, 'linux', '/home/ann'), { off: 'MENDIX_EMAIL_CODE_CACHE is not an absolute path' });
});

test('a new folder is made for its owner alone', { skip: !posix }, (t) => {
  const folder = join(scratch(t), 'a', 'b');
  assert.equal(prepareFolder(folder), undefined);
  assert.equal(statSync(folder).mode & 0o777, 0o700);
});

test('a folder that cannot be made (a file is in the way) is not used, with the reason', (t) => {
  const base = scratch(t);
  writeFileSync(join(base, 'file'), 'x');
  assert.match(prepareFolder(join(base, 'file', 'cache')) ?? '', /ENOTDIR|EEXIST/);
});

test('a folder others can write, a symbolic link or another user\'s folder is not used', { skip: !posix }, (t) => {
  const base = scratch(t);
  const open = join(base, 'open');
  mkdirSync(open);
  chmodSync(open, 0o777);
  assert.match(prepareFolder(open) ?? '', /writable by other users/);

  const real = join(base, 'real');
  mkdirSync(real, { mode: 0o700 });
  const link = join(base, 'link');
  symlinkSync(real, link);
  assert.match(prepareFolder(link) ?? '', /is not a folder/);

  if (isRoot) {
    const theirs = join(base, 'theirs');
    mkdirSync(theirs, { mode: 0o700 });
    chownSync(theirs, 65534, 65534);
    assert.match(prepareFolder(theirs) ?? '', /belongs to another user/);
  }
});

test('a cache file is read only when it is this user\'s regular file that nobody else can write', { skip: !posix }, (t) => {
  const dir = scratch(t);
  const good = join(dir, 'good.v8cache');
  writeFileSync(good, 'bytes', { mode: 0o600 });
  assert.deepEqual(readCacheFile(good), { unsealed: 'the cache file was not written here by this program (its seal does not match)' }, 'no seal: not read');
  sealCacheFile(good);
  assert.equal(readCacheFile(good).data?.toString(), 'bytes');
  // the same bytes written again (a checkout, a restored CI cache) do not match the seal
  const seal = readFileSync(`${good}.seal`);
  writeFileSync(`${good}.new`, 'bytes', { mode: 0o600 });
  renameSync(`${good}.new`, good);
  writeFileSync(`${good}.seal`, seal, { mode: 0o600 });
  assert.equal(readCacheFile(good).data, undefined, 'rewritten bytes with the old seal are not read');
  sealCacheFile(good);

  assert.deepEqual(readCacheFile(join(dir, 'none.v8cache')), {}, 'no file: nothing, and no refusal');

  const shared = join(dir, 'shared.v8cache');
  writeFileSync(shared, 'bytes');
  chmodSync(shared, 0o666);
  assert.match(readCacheFile(shared).refused ?? '', /writable by other users/);
  assert.equal(readCacheFile(shared).data, undefined);

  const link = join(dir, 'link.v8cache');
  symlinkSync(good, link);
  assert.equal(readCacheFile(link).data, undefined, 'a symbolic link is not followed');

  if (isRoot) {
    const theirs = join(dir, 'theirs.v8cache');
    writeFileSync(theirs, 'bytes', { mode: 0o600 });
    chownSync(theirs, 65534, 65534);
    assert.match(readCacheFile(theirs).refused ?? '', /belongs to another user/);
  }
});
