// Which documents the client sends to the server, and that package.json activates on the same names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSettingsDocument, isSettingsFileName, SETTINGS_FILE_GLOBS } from '../../../client/src/settingsFiles';
import { classifyByName } from '../../../server/src/sources/detect';

const never = () => {
  throw new Error('the text is read only for YAML without a settings name');
};

test('settings files by name, whatever their language', () => {
  for (const path of [
    '/app/m2ee.yaml', '/app/m2ee-prod.yml', '/cf/manifest.yml', '/cf/manifest-staging.yaml', '/d/docker-compose.yml', '/d/compose.prod.yaml',
    '/d/.env', '/d/mail.env', '/d/.env.production', '/pkg/model/metadata.json', '/pkg/model/config.json',
    '/p/javasource/mymodule/proxies/constants/Constants.java', '/p/.mendix-email.json', 'C:\\app\\model\\config.json',
  ]) assert.ok(isSettingsDocument(path, 'plaintext', never), path);
});

test('not settings files: package.json, tsconfig.json, a config.json outside model/, any other Java file', () => {
  for (const path of ['/p/package.json', '/p/tsconfig.json', '/p/src/config.json', '/p/metadata.json', '/p/javasource/m/Other.java', '/p/Constants.java', '/p/README.md']) {
    assert.equal(isSettingsDocument(path, 'json', () => '{"Constants": {}}'), false, path);
  }
});

test('YAML without a settings name is sent only when its text looks like a Mendix file', () => {
  assert.ok(isSettingsDocument('/k/app.yaml', 'yaml', () => 'apiVersion: privatecloud.mendix.com/v1alpha1\nkind: MendixApp\n'));
  assert.ok(isSettingsDocument('/k/app.yaml.tmpl', 'yaml', () => "kind: 'MendixApp'\n"));
  assert.ok(isSettingsDocument('/k/deploy.yaml', 'yaml', () => 'env:\n  - name: MX_Mail_SMTPHost\n    value: smtp.example.com\n'));
  assert.ok(isSettingsDocument('/k/cf.yml', 'yaml', () => "applications:\n- env:\n    CONSTANTS: '{}'\n"));
  assert.ok(isSettingsDocument('/k/values.yml', 'yaml', () => 'mxruntime:\n  MicroflowConstants: {}\n'));
  assert.equal(isSettingsDocument('/k/.github/workflows/ci.yml', 'yaml', () => 'on: push\njobs: {}\n'), false);
  assert.equal(isSettingsDocument('/k/openapi.yaml', 'yaml', () => 'paths:\n  /mx: {}\n'), false);
});

test("package.json's workspaceContains activation events name the client's settings file patterns", () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
  const globs = (manifest.activationEvents as string[]).filter((e) => e.startsWith('workspaceContains:')).map((e) => e.slice('workspaceContains:'.length));
  for (const glob of SETTINGS_FILE_GLOBS) assert.ok(globs.includes(glob), `activation on ${glob}`);
  assert.ok(!manifest.activationEvents.includes('onLanguage:json') && !manifest.activationEvents.includes('onLanguage:yaml'));
  assert.ok(isSettingsFileName('/x/.env.local'));
});

test("the client's name tests agree with the server's (sources/detect.ts)", () => {
  const names = ['m2ee.yaml', 'm2ee-acc.yml', 'M2EE.YAML', 'docker-compose.yml', 'compose.yaml', 'compose-dev.yml', 'docker-compose.override.yaml', '.env', '.env.local', 'mail.env', 'prod.ENV', 'composer.yml', 'm2ee.json', 'env', 'x.envrc'];
  for (const name of names) {
    const server = classifyByName(`/p/${name}`);
    const serverByName = server !== undefined && (server.reader === 'dotenv' || ('kind' in server && server.kind !== undefined));
    assert.equal(isSettingsFileName(`/p/${name}`), serverByName, name);
  }
  for (const path of ['/p/model/metadata.json', '/p/model/config.json', '/p/javasource/m/proxies/constants/Constants.java']) {
    assert.ok(classifyByName(path) && isSettingsFileName(path), path);
  }
});
