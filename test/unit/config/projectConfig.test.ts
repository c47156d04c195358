// .mendix-email.json: discovery from the file's folder up to the workspace root, JSON with
// comments, validation with problems on the right ranges, caching by mtime.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findConfigFile, loadProjectConfigFor, ProjectConfigCache } from '../../../server/src/config/projectConfig';
import { parseProjectConfig } from '../../../server/src/config/parseProjectConfig';
import schema from '../../../schemas/mendix-email.schema.json';
import { TARGETS } from '../../../server/src/core/types';
import { ROLES } from '../../../server/src/core/settings';

function tempTree(): string {
  const root = mkdtempSync(join(tmpdir(), 'mendix-email-config-'));
  mkdirSync(join(root, 'deploy', 'prod'), { recursive: true });
  return root;
}

test('the schema lists exactly the targets and roles of the core types', () => {
  assert.deepEqual([...schema.definitions.target.enum].sort(), [...TARGETS].sort());
  assert.deepEqual([...schema.definitions.role.enum].sort(), [...ROLES].sort());
});

test('finds the nearest config file, searching up to the workspace root only', () => {
  const root = tempTree();
  try {
    const configs = new ProjectConfigCache();
    const file = join(root, 'deploy', 'prod', 'm2ee.yaml');
    assert.equal(configs.for(file, root), undefined);

    writeFileSync(join(root, '.mendix-email.json'), '{ "target": "docker" }');
    configs.invalidate();
    assert.equal(configs.for(file, root)?.config.target, 'docker');
    assert.equal(configs.for(file, root)?.file, join(root, '.mendix-email.json'));

    // a nearer one wins
    writeFileSync(join(root, 'deploy', '.mendix-email.json'), '{ "target": "self-hosted" }');
    configs.invalidate(join(root, 'deploy', '.mendix-email.json'));
    assert.equal(configs.for(file, root)?.config.target, 'self-hosted');

    // the search stops at the workspace root: a root of deploy/prod sees none of them
    assert.equal(findConfigFile(join(root, 'deploy', 'prod'), join(root, 'deploy', 'prod')), undefined);
    assert.equal(configs.for(file, join(root, 'deploy', 'prod')), undefined);
    // the one-off look keeps nothing and gives the same answers
    assert.equal(loadProjectConfigFor(file, root)?.config.target, 'self-hosted');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a changed file is read again (mtime), an unchanged one is served from the cache', () => {
  const root = tempTree();
  try {
    const configs = new ProjectConfigCache();
    const configPath = join(root, '.mendix-email.json');
    const file = join(root, 'm2ee.yaml');
    writeFileSync(configPath, '{ "target": "docker" }');
    const first = configs.for(file, root);
    assert.equal(first?.config.target, 'docker');
    assert.equal(configs.for(file, root), first, 'same object from the cache');

    writeFileSync(configPath, '{ "target": "free-app" }');
    utimesSync(configPath, new Date(), new Date(Date.now() + 5000));
    configs.invalidate(configPath);
    assert.equal(configs.for(file, root)?.config.target, 'free-app');

    rmSync(configPath);
    configs.invalidate(configPath);
    assert.equal(configs.for(file, root), undefined);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('two sessions keep their own configs: one told of a change does not change the other, which sees it after FRESH_MS', () => {
  const root = tempTree();
  try {
    let now = 1_000_000;
    const clock = () => now;
    const told = new ProjectConfigCache(clock);
    const other = new ProjectConfigCache(clock);
    const configPath = join(root, '.mendix-email.json');
    const file = join(root, 'm2ee.yaml');
    writeFileSync(configPath, '{ "target": "docker" }');
    assert.equal(told.for(file, root)?.config.target, 'docker');
    assert.equal(other.for(file, root)?.config.target, 'docker');

    writeFileSync(configPath, '{ "target": "free-app" }');
    utimesSync(configPath, new Date(), new Date(Date.now() + 5000));
    told.invalidate(configPath);
    assert.equal(told.for(file, root)?.config.target, 'free-app');
    assert.equal(other.for(file, root)?.config.target, 'docker', 'not told, and its answer is still fresh');
    now += 1001;
    assert.equal(other.for(file, root)?.config.target, 'free-app', 'after FRESH_MS it looks again');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a session in Restricted Mode never gets a config another session read outside its folders', () => {
  const root = tempTree();
  try {
    const trusted = new ProjectConfigCache();
    const restricted = new ProjectConfigCache();
    writeFileSync(join(root, '.mendix-email.json'), '{ "target": "docker" }');
    const file = join(root, 'deploy', 'm2ee.yaml');
    assert.equal(trusted.for(file, root)?.config.target, 'docker');
    // the restricted session's only folder is deploy/: the config above it is not read
    const refused = restricted.for(file, root, [join(root, 'deploy')]);
    assert.equal(refused?.config.target, undefined);
    assert.match(refused?.problems[0]?.message ?? '', /was not read/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('JSON with comments and trailing commas, every setting read', () => {
  const loaded = parseProjectConfig(
    `// where these files deploy
{
  "$schema": "./node_modules/mendix-email/schemas/mendix-email.schema.json",
  "target": "mendix-cloud", /* default */
  "overrides": { "k8s/**": "private-cloud", },
  "roles": { "MyModule.MailRelay": "host", "MyModule.Sender": "from" },
  "rules": { "sender-noreply": "off", "placeholder-domain": "error" },
  "online": false,
  "dns": { "servers": ["127.0.0.1:5353"] },
}`,
    '/x/.mendix-email.json',
  );
  assert.deepEqual(loaded.problems, []);
  assert.deepEqual(loaded.config, {
    target: 'mendix-cloud',
    overrides: { 'k8s/**': 'private-cloud' },
    roles: { 'MyModule.MailRelay': 'host', 'MyModule.Sender': 'from' },
    rules: { 'sender-noreply': 'off', 'placeholder-domain': 'error' },
    online: false,
    dns: { servers: ['127.0.0.1:5353'] },
  });
});

test('invalid entries are reported on their range and dropped; valid ones stay', () => {
  const text = [
    '{',
    '  "target": "mendix-cloud-v4",',
    '  "roles": { "SMTPHost": "host", "Mail.Port": "prot", "Mail.Host": "host" },',
    '  "rules": { "no-such-rule": "off", "invalid-port": "fatal", "sender-noreply": "hint" },',
    '  "online": "yes",',
    '  "colour": 1',
    '}',
  ].join('\n');
  const loaded = parseProjectConfig(text, '/x/.mendix-email.json');
  assert.deepEqual(loaded.config, { roles: { 'Mail.Host': 'host' }, rules: { 'sender-noreply': 'hint' } });
  const byLine = loaded.problems.map((p) => [p.range?.start.line, p.message]);
  assert.equal(byLine.length, 7, JSON.stringify(byLine));
  const target = loaded.problems[0];
  assert.match(target.message, /Target is "mendix-cloud-v4"; use one of: mendix-cloud,/);
  assert.deepEqual(target.range, { start: { line: 1, character: 12 }, end: { line: 1, character: 29 } });
  assert.ok(loaded.problems.some((p) => /"SMTPHost" is not a constant name/.test(p.message)));
  assert.ok(loaded.problems.some((p) => /"no-such-rule" is not a Mendix Email rule id/.test(p.message)));
  assert.ok(loaded.problems.some((p) => /severity of "invalid-port" is "fatal"/.test(p.message)));
  assert.ok(loaded.problems.some((p) => /"online" must be true or false/.test(p.message) && p.range?.start.line === 4));
  assert.ok(loaded.problems.some((p) => /Unknown setting "colour"/.test(p.message) && p.range?.start.line === 5));
});

test('malformed JSON is one clear problem and what can be read is still used', () => {
  const loaded = parseProjectConfig('{ "target": "docker" "online": false }', '/x/.mendix-email.json');
  assert.equal(loaded.problems.length, 1);
  assert.match(loaded.problems[0].message, /not valid JSON: comma expected/);
  assert.equal(loaded.config.target, 'docker');

  for (const text of ['[1, 2]', '"docker"', '\u0000\u0001\u0002 binary']) {
    const bad = parseProjectConfig(text, '/x/.mendix-email.json');
    assert.ok(bad.problems.length >= 1, text);
    assert.deepEqual(bad.config, {});
  }
  assert.deepEqual(parseProjectConfig('', '/x/.mendix-email.json').problems, []);
});

test('parsing takes linear time: 64k overrides and a 1 MB file of unclosed comments each parse in seconds, not minutes', () => {
  const overrides: Record<string, string> = {};
  for (let i = 0; i < 65536; i++) overrides[`d${i.toString(36)}/**`] = 'docker';
  const cases = [JSON.stringify({ overrides }), '/*x'.repeat(333_000), `${'/*x*/'.repeat(200_000)}{}`];
  for (const text of cases) {
    const started = performance.now();
    const loaded = parseProjectConfig(text, '/p/.mendix-email.json');
    const ms = performance.now() - started;
    // ~1 s alone on a 2-core machine, more under a parallel test run; 60 s to minutes with the quadratic comment regex
    assert.ok(ms < 15_000, `${text.slice(0, 12)}…: ${Math.round(ms)} ms`);
    assert.ok(loaded.problems.length <= 21, 'a broken file reports its first syntax errors, not all of them');
  }
  assert.equal(Object.keys(parseProjectConfig(cases[0], '/p/.mendix-email.json').config.overrides ?? {}).length, 65536);
  assert.match(parseProjectConfig(cases[1], '/p/.mendix-email.json').problems[0].message, /not valid JSON/);
});
