// SARIF output: valid against the SARIF 2.1.0 schema (vendored, see test/fixtures/cli/README.md)
// and shaped the way GitHub code scanning reads it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv';
import { ensureBuilt, makeTree, removeTree, runCli } from './support/cli';

const schemaFile = join(__dirname, '..', 'fixtures', 'cli', 'sarif-schema-2.1.0.json');

function sarifValidator(): ValidateFunction {
  const ajv = new Ajv04({ strict: false, allErrors: true, unicodeRegExp: false }) // the schema has a pattern that is invalid with the u flag;
  ajv.addFormat('uri', (s: string) => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s));
  ajv.addFormat('uri-reference', (s: string) => !/\s/.test(s));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
}

interface SarifLog {
  version: string;
  $schema: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: SarifRule[] } };
    results: SarifResult[];
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string } }[] }[];
    originalUriBaseIds: Record<string, { uri: string }>;
  }[];
}
interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: string };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[];
}

const TREE = {
  'deploy/m2ee.yaml': `# mendix-email: target=mendix-cloud
mxruntime:
  MicroflowConstants:
    Mail.SMTPHost: smtp.example.com
    Mail.SMTPPort: 25
    Mail.FromAddress: noreply@example.com
`,
  'app one/.env': 'MX_Mail_SMTPHost=localhost\nMX_Mail_FromAddress=admin\n',
};

describe('mendix-email check --format sarif', () => {
  let dir: string;
  let validate: ValidateFunction;
  before(() => {
    ensureBuilt();
    validate = sarifValidator();
    dir = makeTree(TREE);
  });
  after(() => removeTree(dir));

  it('the validator rejects a broken log (so a pass below means something)', () => {
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false);
    assert.equal(validate({ version: '2.0.0', runs: [] }), false);
  });

  it('is valid SARIF 2.1.0 with rules (help text, links, default level) and results (rule, level, location)', async () => {
    const run = await runCli(['check', '--offline', '--format', 'sarif', '--rule', 'sender-noreply=info'], dir);
    assert.equal(run.status, 1, run.stderr);
    const log = JSON.parse(run.stdout) as SarifLog;
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));

    assert.equal(log.version, '2.1.0');
    const [sarifRun] = log.runs;
    assert.equal(sarifRun.tool.driver.name, 'mendix-email');
    const rules = sarifRun.tool.driver.rules;
    for (const id of ['port-25-on-mendix-cloud', 'missing-credentials', 'domain-not-found', 'syntax-error']) {
      assert.ok(rules.some((r) => r.id === id), `rule ${id} described`);
    }
    for (const rule of rules) {
      assert.ok(rule.shortDescription.text && rule.fullDescription.text, rule.id);
      assert.ok(rule.help.text && rule.help.markdown, `${rule.id} has help`);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level), rule.id);
      if (rule.helpUri) assert.match(rule.helpUri, /^https?:\/\//, `${rule.id}: helpUri must be absolute`);
    }
    // every rule links to its page on the web, the tool to the repository (package.json)
    const repository = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { repository: string | { url: string } }).repository;
    const repositoryUrl = (typeof repository === 'string' ? repository : repository.url).replace(/^git\+/, '').replace(/\.git$/, '');
    assert.match(repositoryUrl, /^https:\/\/github\.com\/[^/]+\/[^/]+$/);
    assert.equal((sarifRun.tool.driver as { informationUri?: string }).informationUri, repositoryUrl);
    for (const rule of rules) assert.equal(rule.helpUri, `${repositoryUrl}/blob/main/docs/rules/${rule.id}.md`, rule.id);
    // the rule's documentation page is the help GitHub shows beside an alert, with no relative link
    const port25 = rules.find((r) => r.id === 'port-25-on-mendix-cloud')!;
    const page = readFileSync(join(__dirname, '..', '..', 'docs', 'rules', 'port-25-on-mendix-cloud.md'), 'utf8');
    const firstLine = (text: string) => text.split('\n')[0];
    assert.equal(firstLine(port25.help.markdown), firstLine(page));
    for (const rule of rules) {
      const targets = [...rule.help.markdown.matchAll(/\]\(\s*<?([^)\s>]+)/g), ...rule.help.markdown.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1]);
      for (const target of targets) assert.match(target, /^(https:|mailto:)/, `${rule.id}: link ${target} in help.markdown`);
    }

    const results = sarifRun.results;
    assert.equal(results.length, 6);
    for (const result of results) {
      assert.equal(rules[result.ruleIndex].id, result.ruleId, 'ruleIndex points at the rule');
      assert.ok(result.message.text.length > 0);
      const location = result.locations[0].physicalLocation;
      assert.equal(location.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.ok(location.region.startLine >= 1 && location.region.startColumn >= 1);
      assert.ok(location.region.endLine >= location.region.startLine);
    }
    const port = results.find((r) => r.ruleId === 'port-25-on-mendix-cloud')!;
    assert.equal(port.level, 'error');
    assert.deepEqual(port.locations[0].physicalLocation.artifactLocation.uri, 'deploy/m2ee.yaml');
    assert.deepEqual(port.locations[0].physicalLocation.region, { startLine: 5, startColumn: 20, endLine: 5, endColumn: 22 });
    assert.equal(results.find((r) => r.ruleId === 'sender-noreply')?.level, 'note', 'info becomes note');
    // a path with a space is a URI reference, percent-encoded
    assert.ok(results.some((r) => r.locations[0].physicalLocation.artifactLocation.uri === 'app%20one/.env'));
    assert.equal(sarifRun.originalUriBaseIds['%SRCROOT%'].uri, `file://${dir}/`);
    assert.equal(sarifRun.invocations[0].executionSuccessful, true);
  });

  it('a clean folder gives a valid log with no results; an unreadable file is a tool notification', async () => {
    const clean = makeTree({ 'notes.txt': 'nothing here\n' });
    try {
      const run = await runCli(['check', '--offline', '--format', 'sarif'], clean);
      assert.equal(run.status, 0);
      const log = JSON.parse(run.stdout) as SarifLog;
      assert.ok(validate(log), JSON.stringify(validate.errors));
      assert.deepEqual(log.runs[0].results, []);

      symlinkSync(join(clean, 'nowhere.yml'), join(clean, 'docker-compose.yml'));
      const broken = await runCli(['check', '--offline', '--format', 'sarif', '--output', 'out/mail.sarif'], clean);
      assert.equal(broken.status, 2);
      const written = JSON.parse(readFileSync(join(clean, 'out', 'mail.sarif'), 'utf8')) as SarifLog;
      assert.ok(validate(written), JSON.stringify(validate.errors));
      assert.equal(written.runs[0].invocations[0].executionSuccessful, false);
      assert.match(written.runs[0].invocations[0].toolExecutionNotifications[0].message.text, /docker-compose\.yml: no such file/);
    } finally {
      removeTree(clean);
    }
  });
});
