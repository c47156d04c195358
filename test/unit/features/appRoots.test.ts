// Which app's declarations a settings file gets (services/appRoots.ts, the rule the editor and
// the CLI share): the nearest app root above the file; outside every app, the workspace's only
// app, or nothing when there are several.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { appRootFor, appsOf, isAppMarker } from '../../../server/src/services/appRoots';
import { WorkspaceDeclarations } from '../../../server/src/services/workspaceDeclarations';

const W = '/ws';
const p = (rel: string) => join(W, rel);

test('two apps in one workspace: each file takes the app above it, a file outside both takes none', () => {
  const apps = appsOf([p('app-a/model/metadata.json'), p('apps/b/javasource/mail/proxies/constants/Constants.java')]);
  assert.deepEqual([...apps.keys()].sort(), [p('app-a'), p('apps/b')]);
  assert.equal(appRootFor(p('app-a/deploy/m2ee.yaml'), W, apps), p('app-a'));
  assert.equal(appRootFor(p('app-a/m2ee.yaml'), W, apps), p('app-a'));
  assert.equal(appRootFor(p('apps/b/k8s/mendixapp.yaml'), W, apps), p('apps/b'));
  assert.equal(appRootFor(p('app-c/m2ee.yaml'), W, apps), undefined, 'another app without a model is not judged by these');
  assert.equal(appRootFor(p('m2ee.yaml'), W, apps), undefined);
  assert.equal(appRootFor(p('apps/m2ee.yaml'), W, apps), undefined);
});

test('a file outside any app, with one app in the workspace, takes that app', () => {
  const apps = appsOf([p('app-a/model/metadata.json')]);
  assert.equal(appRootFor(p('app-b/m2ee.yaml'), W, apps), p('app-a'));
  assert.equal(appRootFor(p('.env'), W, apps), p('app-a'));
  assert.equal(appRootFor(p('app-b/m2ee.yaml'), W, new Map()), undefined, 'no app at all: none');
});

test('a Studio Pro project (*.mpr) is an app even with nothing generated; its deployment/ folder is the same app', () => {
  const apps = appsOf([
    p('project/App.mpr'),
    p('project/deployment/model/metadata.json'),
    p('project/javasource/mail/proxies/constants/Constants.java'),
    p('bare/Other.mpr'),
    p('package/model/metadata.json'),
  ]);
  assert.deepEqual(
    [...apps].map(([root, files]) => [root, files.length]).sort(),
    [
      [p('bare'), 0],
      [p('package'), 1],
      [p('project'), 2],
    ],
  );
  assert.equal(appRootFor(p('project/deployment/model/config.json'), W, apps), p('project'));
  assert.equal(appRootFor(p('bare/m2ee.yaml'), W, apps), p('bare'), 'the nearest app, even one without declarations');
  assert.equal(appRootFor(p('m2ee.yaml'), W, apps), undefined, 'three apps: none');
  // a deployment/ folder outside a project is a package of its own
  assert.deepEqual([...appsOf([p('x/deployment/model/metadata.json')]).keys()], [p('x/deployment')]);
  assert.equal(isAppMarker(p('a/App.mpr')), true);
  assert.equal(isAppMarker(p('a/model/config.json')), false);
});

test('the walk and the rule together: declarations per app, none for a file between two apps, the app above never past the workspace root', async () => {
  const root = mkdtempSync(join(tmpdir(), 'mendix-email-apps-'));
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  const metadata = (names: string[]) => JSON.stringify({ Constants: names.map((Name) => ({ Name, Type: 'String', DefaultValue: '' })) });
  try {
    write('model/metadata.json', metadata(['Outer.Constant'])); // the folder above the workspace is an app too
    const workspace = join(root, 'repo');
    write('repo/app-a/model/metadata.json', metadata(['Mail.SMTPHost']));
    write('repo/app-b/model/metadata.json', metadata(['Other.Constant']));
    write('repo/app-c/m2ee.yaml', '');
    const decl = new WorkspaceDeclarations();
    decl.prepare(workspace);
    await decl.idle();
    const names = (file: string) => decl.declarationsFor(workspace, join(workspace, file)).map((d) => d.name);
    assert.deepEqual(names('app-a/deploy/m2ee.yaml'), ['Mail.SMTPHost']);
    assert.deepEqual(names('app-b/m2ee.yaml'), ['Other.Constant']);
    assert.deepEqual(names('app-c/m2ee.yaml'), [], 'two apps: no guessing');
    assert.equal(decl.declarationsFor(workspace, join(workspace, 'app-a/x.env')), decl.declarationsFor(workspace, join(workspace, 'app-a/y.env')), 'one array per app');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
