// The editor judges each file by its own app's model, the same rule as the CLI
// (test/cli/declarations.test.ts, the same tree): the nearest app root above the file, none
// for a file outside every app when the workspace holds several.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { LspClient } from '../support/lspClient';
import { THREE_APPS, THREE_APPS_UNKNOWN } from '../cli/support/fixtures';
import { ensureServerBuilt, messageOf, TempWorkspace } from './workspace';

test('three apps in one workspace: each settings file by its own app, the one without a model by none', async () => {
  ensureServerBuilt();
  const ws = new TempWorkspace();
  for (const [rel, text] of Object.entries(THREE_APPS)) ws.write(rel, text);
  const client = await LspClient.start({ root: ws.root, settings: {} });
  try {
    const unknownIn = (rel: string) =>
      (client.diagnostics.get(client.uriOf(ws.path(rel)))?.diagnostics ?? [])
        .filter((d) => d.code === 'unknown-constant')
        .map((d) => `${rel}:${d.range.start.line + 1} ${messageOf(d).split(' ')[0]}`);
    const open = (rel: string) => client.open(ws.path(rel), readFileSync(ws.path(rel), 'utf8'), 'yaml');
    // the declarations are found by a background walk, which re-checks the open files
    await open('app-a/deploy/m2ee.yaml');
    await client.until(() => unknownIn('app-a/deploy/m2ee.yaml').length > 0, 'a re-check with app-a declarations');
    // the walk is done: the next files are judged on their first check
    await open('app-b/m2ee.yaml');
    await open('app-c/m2ee.yaml');
    const found = ['app-a/deploy/m2ee.yaml', 'app-b/m2ee.yaml', 'app-c/m2ee.yaml'].flatMap(unknownIn).sort();
    assert.deepEqual(found, THREE_APPS_UNKNOWN);
  } finally {
    await client.stop();
    ws.dispose();
  }
});

test('a second app appearing (watched files) re-checks at once: the file outside both apps is no longer judged', async () => {
  ensureServerBuilt();
  const ws = new TempWorkspace();
  ws.write('app-a/model/metadata.json', THREE_APPS['app-a/model/metadata.json']);
  const path = ws.write('app-c/m2ee.yaml', THREE_APPS['app-c/m2ee.yaml']);
  const client = await LspClient.start({ root: ws.root, settings: {} });
  try {
    const unknown = () => (client.diagnostics.get(client.uriOf(path))?.diagnostics ?? []).filter((d) => d.code === 'unknown-constant').map((d) => messageOf(d).split(' ')[0]);
    await client.open(path, THREE_APPS['app-c/m2ee.yaml'], 'yaml');
    // the only app of the workspace speaks for a file outside it
    await client.until(() => unknown().length > 0, 'a re-check with app-a declarations');
    assert.deepEqual(unknown(), ['Whatever.Thing']);
    // well within the half-minute rescan: only the watcher can make this happen in time
    const created = ws.write('app-b/App.mpr', '');
    await client.changeWatchedFiles([{ path: created, type: 1 }]);
    await client.until(() => unknown().length === 0, 'a re-check after the second app appeared');
    // and back: the project file is deleted, app-a speaks again
    ws.remove('app-b/App.mpr');
    await client.changeWatchedFiles([{ path: created, type: 3 }]);
    await client.until(() => unknown().length > 0, 'a re-check after the second app went away');
  } finally {
    await client.stop();
    ws.dispose();
  }
});
