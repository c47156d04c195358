// dist/server.js runs the language server bundle through a V8 code cache: the first start
// writes it (at exit, so it holds the checks the session compiled), the next one takes it,
// and the server says which in its log. Diagnostics are the same either way.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LspClient } from '../support/lspClient';
import { codes, ensureServerBuilt, TempWorkspace } from './workspace';

const ENV = 'MX_Mail_SMTPPort=25\n# mendix-email: target=mendix-cloud\n';
const ws = new TempWorkspace();
after(() => ws.dispose());

async function session(cacheFolder: string): Promise<{ logs: string[]; codes: string[] }> {
  const client = await LspClient.start({ root: ws.root, env: { MENDIX_EMAIL_CODE_CACHE: cacheFolder } });
  try {
    const path = ws.write('app/.env', ENV);
    const published = await client.open(path, ENV, 'dotenv');
    await client.until(() => client.logs.some((l) => l.startsWith('Code cache:')), 'the code cache log line');
    return { logs: [...client.logs], codes: codes(published) };
  } finally {
    assert.equal(await client.stop(), 0);
  }
}

const cacheLine = (logs: string[]) => logs.find((l) => l.startsWith('Code cache:'));

test('the first start writes the code cache at exit, the second takes it', async () => {
  ensureServerBuilt();
  const folder = join(ws.root, '.cache-a');
  const first = await session(folder);
  assert.match(cacheLine(first.logs) ?? '', /^Code cache: none yet; writing .*server-[0-9a-f]{16}-v.*\.v8cache\.$/);
  const files = readdirSync(folder).filter((f) => f.endsWith('.v8cache'));
  assert.equal(files.length, 1, 'written when the server exited');
  const { mtimeMs, size } = statSync(join(folder, files[0]));

  const second = await session(folder);
  assert.equal(cacheLine(second.logs), `Code cache: used ${join(folder, files[0])}.`);
  assert.deepEqual(second.codes, first.codes);
  assert.deepEqual(second.codes, ['port-25-on-mendix-cloud']);
  const after2 = statSync(join(folder, files[0]));
  assert.deepEqual([after2.mtimeMs, after2.size], [mtimeMs, size], 'not written again');
});

test('the log says why the cache is off: turned off, or a folder others can write', { skip: process.platform === 'win32' }, async () => {
  ensureServerBuilt();
  const off = await session('off');
  assert.equal(cacheLine(off.logs), 'Code cache: off (turned off by MENDIX_EMAIL_CODE_CACHE).');
  const shared = join(ws.root, '.cache-shared');
  mkdirSync(shared);
  chmodSync(shared, 0o777);
  const refused = await session(shared);
  assert.equal(cacheLine(refused.logs), `Code cache: off (${shared} is writable by other users).`);
  assert.deepEqual(refused.codes, ['port-25-on-mendix-cloud']);
  assert.deepEqual(readdirSync(shared), []);
});
