// The client's reads of workspace files (client/src/readSmallFile.ts: the env_file holding a test
// send's password, a .mendix-email.json the target picker rewrites) and the config it writes back
// (client/src/configOverride.ts), on real files: the cap, files that are no regular file (a FIFO
// must not hang the extension host, /dev/zero must not fill it), a missing file, and text decoded
// as the server decodes it, so the server's ranges point at the same characters.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileNotRead, readSmallFile } from '../../../client/src/readSmallFile';
import { configWithOverride } from '../../../client/src/configOverride';

const dir = mkdtempSync(join(tmpdir(), 'mendix-email-client-read-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const ENV = 'MX_Mail_SMTPHost=smtp.example.com\r\nMX_Mail_SMTPPassword=hünter2-😀\r\n';
function utf16(text: string, order: 'le' | 'be'): Buffer {
  const bytes = Buffer.from(text, 'utf16le');
  if (order === 'be') bytes.swap16();
  return Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), bytes]);
}

function refusal(path: string, maxBytes: number): FileNotRead {
  try {
    readSmallFile(path, maxBytes);
  } catch (error) {
    assert.ok(error instanceof FileNotRead, String(error));
    return error;
  }
  assert.fail(`${path} was read`);
}

test('a regular file up to the cap is read; one byte over is refused before it is read, the cap said in words', () => {
  const path = join(dir, 'cap.env');
  writeFileSync(path, 'A'.repeat(1000));
  assert.deepEqual(readSmallFile(path, 1000), { text: 'A'.repeat(1000), encoding: 'utf8' });
  const over = refusal(path, 999);
  assert.equal(over.missing, false);
  assert.equal(over.message, `${path} was not read: it is 1000 bytes, over the 999 bytes limit`);
  // caps under a megabyte are not "over 0 MB"
  writeFileSync(path, 'A'.repeat(300 * 1024));
  assert.equal(refusal(path, 256 * 1024).reason, 'it is 300 KB, over the 256 KB limit');
});

test('a FIFO is refused at once (no writer needed), also behind a symbolic link', { timeout: 10_000 }, () => {
  const pipe = join(dir, 'pipe.env');
  assert.equal(spawnSync('mkfifo', [pipe]).status, 0, 'mkfifo');
  symlinkSync(pipe, join(dir, 'link-to-pipe.env'));
  for (const path of [pipe, join(dir, 'link-to-pipe.env')]) {
    assert.equal(refusal(path, 1024 * 1024).reason, 'it is a named pipe (FIFO), not a regular file', path);
  }
});

test('/dev/zero and a folder are refused, not read', () => {
  assert.equal(refusal('/dev/zero', 1024 * 1024).reason, 'it is a device, not a regular file');
  assert.equal(refusal(dir, 1024 * 1024).reason, 'it is a folder, not a regular file');
});

test('a missing file says so (the target picker then starts a new config); a dangling link too', () => {
  const missing = refusal(join(dir, 'nope', '.mendix-email.json'), 1024);
  assert.equal(missing.missing, true);
  assert.equal(missing.reason, 'it does not exist');
  symlinkSync(join(dir, 'gone.env'), join(dir, 'dangling.env'));
  assert.equal(refusal(join(dir, 'dangling.env'), 1024).missing, true);
});

test('UTF-16 (LE, BE) and UTF-8 with a BOM read as the server reads them: the BOM dropped, the encoding kept', () => {
  const cases = [
    ['le.env', utf16(ENV, 'le'), 'utf16le'],
    ['be.env', utf16(ENV, 'be'), 'utf16be'],
    ['bom.env', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ENV)]), 'utf8bom'],
    ['plain.env', Buffer.from(ENV), 'utf8'],
  ] as const;
  for (const [name, bytes, encoding] of cases) {
    writeFileSync(join(dir, name), bytes);
    // the password's range from the server (line 1, after the `=`) must hold the password here too
    const read = readSmallFile(join(dir, name), 1024);
    assert.deepEqual(read, { text: ENV, encoding }, name);
    assert.equal(read.text.split('\r\n')[1].slice('MX_Mail_SMTPPassword='.length), 'hünter2-😀', name);
  }
});

test('the target picker writes a config back in its own encoding, byte order mark and line ends', () => {
  const before = '{\r\n  "overrides": {\r\n    "./a.yaml": "docker"\r\n  }\r\n}\r\n';
  const after = '{\r\n  "overrides": {\r\n    "./a.yaml": "docker",\r\n    "./m2ee.yaml": "mendix-cloud"\r\n  }\r\n}\r\n';
  const path = join(dir, 'cfg');
  mkdirSync(path);
  for (const [name, bytes, expected] of [
    ['le.json', utf16(before, 'le'), utf16(after, 'le')],
    ['be.json', utf16(before, 'be'), utf16(after, 'be')],
    ['bom.json', Buffer.from(`\uFEFF${before}`), Buffer.from(`\uFEFF${after}`)],
  ] as const) {
    writeFileSync(join(path, name), bytes);
    assert.deepEqual(Buffer.from(configWithOverride(readSmallFile(join(path, name), 1024), './m2ee.yaml', 'mendix-cloud')), expected, name);
  }
  // no config yet: a new one in UTF-8
  assert.equal(Buffer.from(configWithOverride(undefined, './m2ee.yaml', 'docker')).toString('utf8'), '{\n  "overrides": {\n    "./m2ee.yaml": "docker"\n  }\n}\n');
});
