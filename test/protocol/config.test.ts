// Re-checks when something outside the document changes: the editor settings
// (workspace/didChangeConfiguration, per resource), a `.mendix-email.json` on disk (watched
// files, save) or open in the editor (as typed), the open config file's own problems, and
// settings pushed by editors that do not answer workspace/configuration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../support/lspClient';
import { codes, serverForFile, TempWorkspace, messageOf } from './workspace';
import type { FileInfo } from '../../protocol/messages';

// model/config.json has no target of its own kind: the default target decides
const CONFIG_JSON = '{\n  "Configuration": {},\n  "Constants": {\n    "Mail.SMTPHost": "smtp.sendgrid.net",\n    "Mail.SMTPPort": 25,\n    "Mail.SMTPUsername": "apikey",\n    "Mail.SMTPPassword": ""\n  }\n}\n';
const COMPOSE = [
  'services:',
  '  app:',
  '    image: mendix/app',
  '    environment:',
  '      MX_Mail_SMTPHost: smtp.sendgrid.net',
  '      MX_Mail_SMTPPort: "25"',
  '      MX_Mail_SMTPUsername: apikey',
  '      MX_Mail_SMTPPassword: ${SENDGRID_API_KEY}',
  '',
].join('\n');

const server = serverForFile({ defaultTarget: 'mendix-cloud' });

const hasPort25 = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.some((d) => d.code === 'port-25-on-mendix-cloud');

test('changed editor settings re-check the open files (default target, rule severities)', async () => {
  const path = server.ws.write('pkg/model/config.json', CONFIG_JSON);
  const opened = await server.client.open(path, CONFIG_JSON, 'json');
  assert.ok(hasPort25(opened), JSON.stringify(opened.diagnostics));
  assert.ok(server.client.configurationRequests > 0, 'settings were asked per resource');

  const selfHosted = server.client.waitForDiagnostics(path, (p) => !hasPort25(p), 'diagnostics without port-25');
  await server.client.changeConfiguration({ defaultTarget: 'self-hosted' });
  await selfHosted;
  const info = await server.client.request<FileInfo>('mendixEmail/fileInfo', { uri: server.client.uriOf(path) });
  assert.equal(info.target, 'self-hosted');
  assert.equal(info.targetSource, 'default');

  const warning = server.client.waitForDiagnostics(path, (p) => p.diagnostics.some((d) => d.code === 'port-25-on-mendix-cloud' && d.severity === 2), 'port-25 as a warning');
  await server.client.changeConfiguration({ defaultTarget: 'mendix-cloud', rules: { 'port-25-on-mendix-cloud': 'warning' } });
  await warning;

  const off = server.client.waitForDiagnostics(path, (p) => !hasPort25(p), 'port-25 off');
  await server.client.changeConfiguration({ defaultTarget: 'mendix-cloud', rules: { 'port-25-on-mendix-cloud': 'off' } });
  await off;
  await server.client.changeConfiguration({ defaultTarget: 'mendix-cloud' });
});

test('settings are per resource: each workspace folder can have its own default target', async () => {
  const perFolder = await LspClient.start({
    root: server.ws.root,
    settings: (scopeUri) => ({ defaultTarget: scopeUri?.includes('/onprem/') ? 'self-hosted' : 'mendix-cloud' }),
  });
  try {
    const cloud = await perFolder.open(server.ws.write('cloud/model/config.json', CONFIG_JSON), CONFIG_JSON, 'json');
    const onprem = await perFolder.open(server.ws.write('onprem/model/config.json', CONFIG_JSON), CONFIG_JSON, 'json');
    assert.ok(hasPort25(cloud));
    assert.ok(!hasPort25(onprem));
  } finally {
    await perFolder.stop();
  }
});

test('a .mendix-email.json written, changed and deleted on disk re-checks the open files at once', async () => {
  const compose = server.ws.write('svc/docker-compose.yml', COMPOSE);
  const opened = await server.client.open(compose, COMPOSE);
  assert.ok(!hasPort25(opened), 'a compose file is docker by its kind');

  const configPath = server.ws.write('.mendix-email.json', '// deploys to Mendix Cloud\n{ "target": "mendix-cloud" }\n');
  const cloud = server.client.waitForDiagnostics(compose, hasPort25, 'port-25 after the config file appeared');
  await server.client.changeWatchedFiles([{ path: configPath, type: 1 }]);
  await cloud;
  const info = await server.client.request<FileInfo>('mendixEmail/fileInfo', { uri: server.client.uriOf(compose) });
  assert.equal(info.targetSource, 'config');
  assert.equal(info.configFile, configPath);
  assert.equal(info.targetDetail, '.mendix-email.json (target)');
  await server.client.until(() => server.client.logs.some((l) => l.includes('svc/docker-compose.yml') && l.includes(`config ${configPath}`)), 'log of the config file');

  // an override for this folder, and a rule turned off
  server.ws.write('.mendix-email.json', '{ "target": "mendix-cloud", "overrides": { "svc/**": "self-hosted" } }');
  const overridden = server.client.waitForDiagnostics(compose, (p) => !hasPort25(p), 'override applied');
  await server.client.changeWatchedFiles([{ path: configPath, type: 2 }]);
  await overridden;

  server.ws.write('.mendix-email.json', '{ "target": "mendix-cloud", "rules": { "port-25-on-mendix-cloud": "info" } }');
  const info3 = server.client.waitForDiagnostics(compose, (p) => p.diagnostics.some((d) => d.code === 'port-25-on-mendix-cloud' && d.severity === 3), 'severity from the config file');
  await server.client.changeWatchedFiles([{ path: configPath, type: 2 }]);
  await info3;

  server.ws.remove('.mendix-email.json');
  const gone = server.client.waitForDiagnostics(compose, (p) => !hasPort25(p), 'config file deleted');
  await server.client.changeWatchedFiles([{ path: configPath, type: 3 }]);
  await gone;
});

test('problems in a .mendix-email.json show on that file, open or not', async () => {
  const compose = server.ws.path('svc/docker-compose.yml');
  const configPath = server.ws.write('svc/.mendix-email.json', '{\n  "target": "mendix-cloud-v4",\n  "online": false\n}\n');
  const problems = server.client.waitForDiagnostics(configPath, (p) => p.diagnostics.length > 0, 'config file problems');
  await server.client.changeWatchedFiles([{ path: configPath, type: 1 }]);
  const published = await problems;
  assert.equal(published.diagnostics.length, 1);
  assert.equal(published.diagnostics[0].code, 'invalid-project-config');
  assert.deepEqual(published.diagnostics[0].range.start, { line: 1, character: 12 });
  assert.match(messageOf(published.diagnostics[0]), /mendix-cloud-v4/);
  const info = await server.client.request<FileInfo>('mendixEmail/fileInfo', { uri: server.client.uriOf(compose) });
  assert.equal(info.configFile, configPath);
  assert.equal(info.configProblems, 1);
  assert.equal(info.targetSource, 'file-kind', 'an invalid target does not apply');

  // open: the unsaved text is checked as it is typed
  const text = '{\n  "target": "mendix-cloud-v4",\n  "online": false\n}\n';
  await server.client.open(configPath, text, 'jsonc');
  const fixed = await server.client.change(configPath, [{ range: { start: { line: 1, character: 12 }, end: { line: 1, character: 29 } }, text: '"docker"' }]);
  assert.deepEqual(fixed.diagnostics, []);

  // the other open files follow the unsaved text (lsp/openProjectConfig.ts), before any save
  const typed = server.client.waitForDiagnostics(compose, hasPort25, 'compose re-checked after the unsaved edit');
  await server.client.change(configPath, [{ range: { start: { line: 1, character: 12 }, end: { line: 1, character: 20 } }, text: '"mendix-cloud"' }]);
  await typed;

  // saved, then closed: the saved file applies, even without a file watcher event
  server.ws.write('svc/.mendix-email.json', '{\n  "target": "mendix-cloud",\n  "online": false\n}\n');
  await server.client.save(configPath);
  const recheck = server.client.waitForDiagnostics(compose, hasPort25, 'compose re-checked after save and close');
  await server.client.close(configPath);
  await recheck;
  server.ws.remove('svc/.mendix-email.json');
  await server.client.changeWatchedFiles([{ path: configPath, type: 3 }]);
});

test('editors without workspace/configuration: settings from initializationOptions and didChangeConfiguration', async () => {
  const bare = await LspClient.start({
    root: server.ws.root,
    capabilities: {},
    initializationOptions: { settings: { defaultTarget: 'self-hosted' } },
  });
  try {
    const path = server.ws.write('bare/model/config.json', CONFIG_JSON);
    const opened = await bare.open(path, CONFIG_JSON, 'json');
    assert.ok(!hasPort25(opened));
    assert.equal(bare.configurationRequests, 0);
    const cloud = bare.waitForDiagnostics(path, hasPort25, 'pushed default target');
    await bare.changeConfiguration(undefined, { mendixEmail: { defaultTarget: 'mendix-cloud', online: false } });
    await cloud;
    assert.equal(bare.registrations.length, 0, 'nothing registered with a server.client that cannot');
  } finally {
    await bare.stop();
  }
});

test('workspace trust: initializationOptions and the didChangeTrust notification', async () => {
  // online on, but any look-up would go to 127.0.0.1:9 (nothing in this file needs one)
  const untrusted = await LspClient.start({ root: server.ws.root, initializationOptions: { trusted: false }, settings: { online: true, dns: { servers: ['127.0.0.1:9'] } } });
  try {
    await untrusted.until(() => untrusted.logs.some((l) => l.includes('not trusted')), 'untrusted log');
    const text = 'MX_Mail_SMTPPort=25\n# mendix-email: target=mendix-cloud\n';
    const path = server.ws.write('trust/.env', text);
    const opened = await untrusted.open(path, text, 'dotenv');
    assert.deepEqual(codes(opened), ['port-25-on-mendix-cloud'], 'offline checks run without trust');
    const before = await untrusted.request<FileInfo>('mendixEmail/fileInfo', { uri: untrusted.uriOf(path) });
    assert.equal(before.online, 'untrusted');
    const recheck = untrusted.waitForDiagnostics(path, () => true, 're-check after trust');
    await untrusted.notify('mendixEmail/didChangeTrust', { trusted: true });
    await recheck;
    assert.ok(untrusted.logs.some((l) => l.includes('trusted: network checks allowed')));
    const after = await untrusted.request<FileInfo>('mendixEmail/fileInfo', { uri: untrusted.uriOf(path) });
    assert.equal(after.online, 'on');
    await untrusted.changeConfiguration({ online: false });
    await untrusted.until(() => untrusted.configurationRequests > 1, 'settings asked again');
    const off = await untrusted.request<FileInfo>('mendixEmail/fileInfo', { uri: untrusted.uriOf(path) });
    assert.equal(off.online, 'off');
  } finally {
    await untrusted.stop();
  }
});

test('a compose file re-checks when its env_file changes: open text first, then the saved file', async () => {
  const compose = ['# mendix-email: target=mendix-cloud', 'services:', '  app:', '    image: mendix/app', '    env_file: mail.env', ''].join('\n');
  const envPath = server.ws.write('envfile/mail.env', 'MX_Mail_SMTPHost=smtp.sendgrid.net\nMX_Mail_SMTPPort=25\n');
  const composePath = server.ws.write('envfile/docker-compose.yml', compose);
  const opened = await server.client.open(composePath, compose);
  assert.ok(hasPort25(opened), `the port comes from mail.env: ${JSON.stringify(opened.diagnostics)}`);

  const envText = 'MX_Mail_SMTPHost=smtp.sendgrid.net\nMX_Mail_SMTPPort=25\n';
  await server.client.open(envPath, envText, 'dotenv');
  const fixed = server.client.waitForDiagnostics(composePath, (p) => !hasPort25(p), 'compose re-checked with the unsaved env file');
  await server.client.change(envPath, [{ range: { start: { line: 1, character: 17 }, end: { line: 1, character: 19 } }, text: '587' }]);
  await fixed;

  // closed without saving: the file on disk (port 25) counts again
  const back = server.client.waitForDiagnostics(composePath, hasPort25, 'compose re-checked after the env file closed');
  await server.client.close(envPath);
  await back;

  server.ws.write('envfile/mail.env', 'MX_Mail_SMTPHost=smtp.sendgrid.net\nMX_Mail_SMTPPort=587\n');
  const saved = server.client.waitForDiagnostics(composePath, (p) => !hasPort25(p), 'compose re-checked after mail.env changed on disk');
  await server.client.changeWatchedFiles([{ path: envPath, type: 2 }]);
  await saved;
});

test('a default target nobody set is the built-in default and says so; one the user set is named as the setting', async () => {
  const other = new TempWorkspace();
  // what the VS Code server.client sends when the user set no default target: the section without it
  const unset = await LspClient.start({ root: other.root, settings: { online: false } });
  try {
    const path = other.write('app/model/config.json', CONFIG_JSON);
    const opened = await unset.open(path, CONFIG_JSON, 'json');
    assert.ok(hasPort25(opened), 'the built-in default is mendix-cloud');
    let info = await unset.request<FileInfo>('mendixEmail/fileInfo', { uri: unset.uriOf(path) });
    assert.equal(info.target, 'mendix-cloud');
    assert.equal(info.targetDetail, 'built-in default (mendix-cloud)');
    const changed = unset.waitForDiagnostics(path, (p) => !hasPort25(p), 'diagnostics for self-hosted');
    await unset.changeConfiguration({ online: false, defaultTarget: 'self-hosted' });
    await changed;
    info = await unset.request<FileInfo>('mendixEmail/fileInfo', { uri: unset.uriOf(path) });
    assert.equal(info.targetDetail, 'setting mendixEmail.defaultTarget');
  } finally {
    await unset.stop();
    other.dispose();
  }
});
