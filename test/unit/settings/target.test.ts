import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { resolveTarget } from '../../../server/src/settings/target';
import type { LoadedProjectConfig, ProjectConfig } from '../../../server/src/core/settings';
import { read, scope } from '../rules/build';
import type { FileKind } from '../../../server/src/core/types';

const root = path.resolve('/work/project');
const cfg = (config: ProjectConfig): LoadedProjectConfig => ({ config, file: path.join(root, '.mendix-email.json'), problems: [] });
const r = (kind: FileKind, directive?: string) =>
  read([scope([], kind)], directive ? { targetDirective: { target: directive, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 30 } } } } : {});

test('the inline directive comes first', () => {
  const t = resolveTarget(r('m2ee', 'free-app'), path.join(root, 'm2ee.yaml'), { projectConfig: cfg({ target: 'docker' }), defaultTarget: 'docker' });
  assert.deepEqual(t, { target: 'free-app', source: 'directive', detail: 'inline directive on line 3' });
});

test('an unknown directive value is ignored, and the detail says so', () => {
  const t = resolveTarget(r('m2ee', 'mars'), path.join(root, 'm2ee.yaml'), {});
  assert.equal(t.source, 'file-kind');
  assert.equal(t.target, 'self-hosted');
  assert.equal(
    t.detail,
    'file kind: m2ee.yaml; the inline directive on line 3 names no target ("mars"; known: mendix-cloud, mendix-cloud-v3, free-app, private-cloud, cloud-foundry, docker, self-hosted) and is ignored',
  );
});

test('project config: overrides (relative to the config folder, last match wins) before target', () => {
  const config = cfg({ target: 'docker', overrides: { 'deploy/**': 'mendix-cloud', 'deploy/v3/*.yml': 'mendix-cloud-v3', '*.env': 'cloud-foundry' } });
  const at = (rel: string, kind: FileKind = 'cf-manifest') => resolveTarget(r(kind), path.join(root, rel), { projectConfig: config });
  assert.deepEqual(at('deploy/prod/manifest.yml'), { target: 'mendix-cloud', source: 'config', detail: '.mendix-email.json (overrides: deploy/**)' });
  assert.equal(at('deploy/v3/manifest.yml').target, 'mendix-cloud-v3');
  // a glob without / matches the file name anywhere
  assert.equal(at('svc/a/prod.env', 'dotenv').target, 'cloud-foundry');
  assert.equal(at('deploy/.hidden/manifest.yml').target, 'mendix-cloud');
  assert.deepEqual(at('other/manifest.yml'), { target: 'docker', source: 'config', detail: '.mendix-email.json (target)' });
  // outside the config file's folder the overrides do not apply
  const outside = resolveTarget(r('cf-manifest'), path.resolve('/elsewhere/deploy/manifest.yml'), { projectConfig: config });
  assert.equal(outside.detail, '.mendix-email.json (target)');
});

test('file kind, then the default setting, then mendix-cloud', () => {
  const kinds: [FileKind, string, string][] = [
    ['mendix-app', 'private-cloud', 'file kind: MendixApp resource'],
    ['m2ee', 'self-hosted', 'file kind: m2ee.yaml'],
    ['cf-manifest', 'cloud-foundry', 'file kind: Cloud Foundry manifest'],
    ['compose', 'docker', 'file kind: compose file'],
    ['kubernetes', 'docker', 'file kind: Kubernetes manifest'],
    ['dotenv', 'docker', 'file kind: .env file'],
  ];
  for (const [kind, target, detail] of kinds) {
    assert.deepEqual(resolveTarget(r(kind), path.join(root, 'f'), { defaultTarget: 'free-app' }), { target, source: 'file-kind', detail });
  }
  assert.deepEqual(resolveTarget(r('metadata-json'), path.join(root, 'model/metadata.json'), { defaultTarget: 'free-app' }), {
    target: 'free-app', source: 'default', detail: 'setting mendixEmail.defaultTarget',
  });
  assert.equal(resolveTarget(r('config-json'), path.join(root, 'model/config.json'), {}).target, 'mendix-cloud');
});
