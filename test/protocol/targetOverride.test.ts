// "Set the target of this file in .mendix-email.json" writes what the server's fileInfo says
// (config file and glob, from the one writer of config globs): the override names the picked
// file only, never every file of that name below the config.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
// the picker's own JSON edit (client/src/targetPicker.ts)
import { applyEdits, modify } from 'jsonc-parser';
import type { FileInfo } from '../../protocol/messages';
import { serverForFile } from './workspace';

const server = serverForFile();
const M2EE = ['mxruntime:', '  MicroflowConstants:', '    Mail.SMTPHost: smtp.sendgrid.net', '    Mail.SMTPPort: 587', ''].join('\n');

const info = (path: string) => server.client.request<FileInfo>('mendixEmail/fileInfo', { uri: server.client.uriOf(path) });

test('the override the picker writes matches the picked file only', async () => {
  const { ws, client } = server;
  const picked = ws.write('m2ee.yaml', M2EE);
  const below = ws.write('deploy/m2ee.yaml', M2EE);
  const odd = ws.write('m2ee[prod].yaml', M2EE);
  for (const path of [picked, below, odd]) await client.open(path, M2EE);

  const before = await info(picked);
  assert.deepEqual(before.override, { configFile: join(ws.root, '.mendix-email.json'), glob: './m2ee.yaml' });
  assert.equal((await info(below)).override?.glob, 'deploy/m2ee.yaml');
  assert.equal((await info(odd)).override?.glob, './m2ee\\[prod\\].yaml', 'glob characters in the name are escaped');

  // what the picker does with it: one `overrides` entry in the config file it names
  let config = '{\n}\n';
  for (const path of [picked, odd]) {
    const { configFile, glob } = (await info(path)).override!;
    assert.equal(configFile, join(ws.root, '.mendix-email.json'));
    config = applyEdits(config, modify(config, ['overrides', glob], 'mendix-cloud', { formattingOptions: { insertSpaces: true, tabSize: 2 } }));
  }
  const configPath = ws.write('.mendix-email.json', config);
  await client.changeWatchedFiles([{ path: configPath, type: 1 }]);

  assert.equal((await info(picked)).target, 'mendix-cloud');
  assert.equal((await info(odd)).target, 'mendix-cloud');
  const other = await info(below);
  assert.equal(other.target, 'self-hosted', `deploy/m2ee.yaml keeps its own target: ${other.targetDetail}`);
  assert.equal(other.override?.glob, 'deploy/m2ee.yaml', 'and names the config that now applies');
});
