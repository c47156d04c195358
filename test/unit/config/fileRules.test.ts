// `files` in .mendix-email.json: rule severities for the files a glob matches. Parsing and
// validation, the precedence (a matching `files` entry → `rules` → the editor's
// `mendixEmail.rules`), the glob matching shared with `overrides`, the glob the "Disable …
// for this file" action writes, and the edit it makes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseProjectConfig } from '../../../server/src/config/parseProjectConfig';
import { globForFile, matchingGlobs } from '../../../server/src/config/configGlobs';
import { checkDocument, configuredSeverity } from '../../../server/src/engine/check';
import { disableForFileEdits } from '../../../server/src/features/disableForFile';
import { ONLINE_RULES } from '../../../server/src/rules/online/index';
import { checkOnline } from '../../../server/src/engine/online';
import type { DnsResolver } from '../../../server/src/dns/resolver';
import type { CheckOptions, LoadedProjectConfig, ProjectConfig } from '../../../server/src/core/settings';
import schema from '../../../schemas/mendix-email.schema.json';

const CONFIG_FILE = '/p/.mendix-email.json';
const project = (config: ProjectConfig): LoadedProjectConfig => ({ config, file: CONFIG_FILE, problems: [] });
const RULE = 'port-25-on-mendix-cloud';
const CONFIG_JSON = '{\n  "Constants": {\n    "Mail.SMTPHost": "smtp.sendgrid.net",\n    "Mail.SMTPPort": 25\n  }\n}\n';

test('`files` is read with comments; the schema knows it', () => {
  const loaded = parseProjectConfig(
    `{
  "rules": { "${RULE}": "warning" },
  // the deployment package's defaults: port 25 is replaced per environment
  "files": {
    "model/config.json": { "rules": { "${RULE}": "off", "sender-noreply": "hint" } },
    "deploy/**": { "rules": {} },
  },
}`,
    CONFIG_FILE,
  );
  assert.deepEqual(loaded.problems, []);
  assert.deepEqual(loaded.config, {
    rules: { [RULE]: 'warning' },
    files: { 'model/config.json': { rules: { [RULE]: 'off', 'sender-noreply': 'hint' } }, 'deploy/**': { rules: {} } },
  });
  assert.ok('files' in schema.properties);
});

test('invalid `files` entries are reported on their range and dropped; valid ones stay', () => {
  const text = [
    '{',
    '  "files": {',
    '    "model/config.json": { "rules": { "no-such-rule": "off", "invalid-port": "fatal", "sender-noreply": "off" } },',
    '    "": { "rules": { "sender-noreply": "off" } },',
    '    "a.json": "off",',
    '    "b.json": { "rule": { "sender-noreply": "off" } },',
    '    "c.json": { "rules": ["sender-noreply"] }',
    '  }',
    '}',
  ].join('\n');
  const loaded = parseProjectConfig(text, CONFIG_FILE);
  assert.deepEqual(loaded.config, { files: { 'model/config.json': { rules: { 'sender-noreply': 'off' } }, 'b.json': {}, 'c.json': {} } });
  const problems = loaded.problems.map((p) => `${p.range?.start.line}: ${p.message}`);
  assert.equal(problems.length, 6, JSON.stringify(problems, null, 2));
  const on = (line: number, pattern: RegExp) => assert.ok(problems.some((p) => p.startsWith(`${line}: `) && pattern.test(p)), `${pattern} on line ${line}: ${JSON.stringify(problems, null, 2)}`);
  on(2, /"no-such-rule" is not a Mendix Email rule id\. Known ids: syntax-error,/);
  on(2, /The severity of "invalid-port" is "fatal"; use one of: error, warning, info, hint, off/);
  on(3, /An empty glob in "files" matches nothing/);
  on(4, /The entry for "a\.json" in "files" must be an object/);
  on(5, /Unknown setting "rule" for "b\.json" in "files" \(known: rules\)/);
  on(6, /"files\["c\.json"\]\.rules" must be an object/);

  const notAnObject = parseProjectConfig('{ "files": ["model/config.json"] }', CONFIG_FILE);
  assert.match(notAnObject.problems[0].message, /"files" must be an object of "glob": \{ "rules": \{ … \} \} entries/);
});

test('a matching `files` entry wins over `rules`, which wins over the editor setting; other files keep `rules`', () => {
  const options: CheckOptions = {
    ruleSeverities: { [RULE]: 'info', 'sender-noreply': 'hint' },
    projectConfig: project({ rules: { [RULE]: 'warning' }, files: { 'model/config.json': { rules: { [RULE]: 'off' } } } }),
  };
  assert.equal(configuredSeverity(RULE, options, '/p/model/config.json'), 'off');
  assert.equal(configuredSeverity(RULE, options, '/p/other/model/config.json'), 'warning', 'the glob has a `/`: relative to the config folder');
  assert.equal(configuredSeverity('sender-noreply', options, '/p/model/config.json'), 'hint', 'a rule the entry does not name: the editor setting');
  assert.equal(configuredSeverity(RULE, options), 'warning', 'no path: `rules`');

  const severityOf = (o: CheckOptions, path: string) => checkDocument({ path, text: CONFIG_JSON }, o)?.findings.find((f) => f.ruleId === RULE)?.severity;
  assert.equal(severityOf(options, '/p/model/config.json'), undefined, 'off for that file');
  assert.equal(severityOf(options, '/p/other/model/config.json'), 'warning');
  const raised: CheckOptions = { projectConfig: project({ rules: { [RULE]: 'off' }, files: { '**/config.json': { rules: { [RULE]: 'hint' } } } }) };
  assert.equal(severityOf(raised, '/p/deploy/model/config.json'), 'hint', 'a file entry also turns a rule back on');
  assert.equal(severityOf(raised, '/elsewhere/model/config.json'), undefined, 'a file outside the config folder: only `rules`');
});

test('several matching `files` entries: the last one that names the rule wins, as in `overrides`', () => {
  const loaded = project({
    files: {
      'config.json': { rules: { [RULE]: 'hint', 'sender-noreply': 'off' } },
      'deploy/**': { rules: { [RULE]: 'error' } },
      'deploy/test/**': { rules: { 'invalid-port': 'off' } },
    },
  });
  const options: CheckOptions = { projectConfig: loaded };
  assert.equal(configuredSeverity(RULE, options, '/p/deploy/test/model/config.json'), 'error');
  assert.equal(configuredSeverity('sender-noreply', options, '/p/deploy/test/model/config.json'), 'off', 'a name without `/` matches in every folder');
  assert.equal(configuredSeverity('invalid-port', options, '/p/deploy/test/model/config.json'), 'off');
  assert.equal(configuredSeverity(RULE, options, '/p/model/config.json'), 'hint');
});

test('the DNS checks follow a `files` entry too', async () => {
  const m2ee = 'mxruntime:\n  MicroflowConstants:\n    Mail.SMTPHost: smtp.sendgrid.net\n    Mail.FromAddress: orders@order-portal.nl\n';
  const path = '/p/deploy/m2ee.yaml';
  const checked = checkDocument({ path, text: m2ee })!;
  assert.ok(checked.settings.length > 0);
  const off = Object.fromEntries(ONLINE_RULES.map((r) => [r.id, 'off' as const]));
  const asked: string[] = [];
  // answers nothing, remembers every question
  const resolver = {
    servers: [],
    rejectedServers: [],
    sent: 0,
    clearCache: () => undefined,
    cancelAll: () => undefined,
    lookup: async (name: string, type: string) => {
      asked.push(`${type} ${name}`);
      throw new Error('no DNS in unit tests');
    },
  } as unknown as DnsResolver;
  const run = (files: ProjectConfig['files']) => checkOnline(checked, { resolver, options: { projectConfig: project({ files }) }, budgetMs: 500 });
  await run({ 'other/m2ee.yaml': { rules: off } });
  assert.ok(asked.length > 0, 'an entry for another file changes nothing: the domains are looked up');
  asked.length = 0;
  const result = await run({ 'deploy/m2ee.yaml': { rules: off } });
  assert.deepEqual(result.findings, []);
  assert.deepEqual(asked, [], 'every online rule is off for this file: nothing is looked up');
});

test('the glob the action writes matches exactly its file, like an `overrides` glob would', () => {
  const cases: [string, string][] = [
    ['/p/model/config.json', 'model/config.json'],
    ['/p/config.json', './config.json'],
    ['/p/app (copy)/model/[old]config.json', 'app \\(copy\\)/model/\\[old\\]config.json'],
  ];
  for (const [file, glob] of cases) {
    assert.equal(globForFile(file, CONFIG_FILE), glob);
    assert.deepEqual(matchingGlobs({ [glob]: true }, file, CONFIG_FILE).map((h) => h.glob), [glob], `${glob} matches ${file}`);
  }
  assert.deepEqual(matchingGlobs({ './config.json': true }, '/p/sub/config.json', CONFIG_FILE), [], './ keeps a bare name to its folder');
  assert.equal(globForFile('/elsewhere/config.json', CONFIG_FILE), undefined);
});

test('the edit adds the entry and keeps comments; without a config it is the whole new file; no JSON object: no edit', () => {
  const text = '// settings of the order portal\n{\n  // shared sender\n  "rules": { "sender-noreply": "off" }\n}\n';
  const edits = disableForFileEdits(text, 'model/config.json', RULE)!;
  const fixed = TextDocument.applyEdits(TextDocument.create('file:///p/.mendix-email.json', 'jsonc', 1, text), edits);
  assert.ok(fixed.startsWith('// settings of the order portal\n{\n  // shared sender\n'), fixed);
  assert.deepEqual(parse(fixed), { rules: { 'sender-noreply': 'off' }, files: { 'model/config.json': { rules: { [RULE]: 'off' } } } });
  assert.deepEqual(parseProjectConfig(fixed, CONFIG_FILE).problems, []);

  const created = disableForFileEdits(undefined, 'model/config.json', RULE)!;
  assert.equal(created.length, 1);
  assert.deepEqual(created[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  assert.deepEqual(parse(created[0].newText), { files: { 'model/config.json': { rules: { [RULE]: 'off' } } } });
  assert.ok(created[0].newText.endsWith('}\n'));

  assert.equal(disableForFileEdits('[1, 2]', 'model/config.json', RULE), undefined);
});
