// The rule-fixture harness fails on broken fixtures: each test writes a small fixture tree (the
// same layout as test/fixtures/rules) into a temporary folder and shows the harness rejecting
// it — an unexpected finding, an unmet expectation, a wrong severity or text, a `.fixed` that
// differs, an unknown rule id, a malformed `# expect:` line — next to the good version it accepts.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FixtureError, fixtureFiles, inlineExpectations, runFixture, type FixtureOutcome } from './fixtureHarness';

const roots: string[] = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A fixture tree in a fresh folder; the path of each file is relative to it. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'mendix-email-fixtures-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Runs every fixture of the tree; the outcomes of those that do not hold. */
function run(files: Record<string, string>): FixtureOutcome[] {
  const root = tree(files);
  return fixtureFiles(root)
    .map((f) => runFixture(f, root))
    .filter((o) => o.missing.length + o.extra.length + o.problems.length > 0);
}

const PORT_25 = ['# mendix-email: target=mendix-cloud', 'MX_Mail_SMTPHost=smtp.sendgrid.net', 'MX_Mail_SMTPPort=25', 'MX_Mail_UseTLS=true', 'MX_Mail_SMTPUsername=apikey', 'MX_Mail_SMTPPassword=${SENDGRID_API_KEY}', ''];
/** the port-25 file with `lines` above its port line */
const port25With = (...lines: string[]) => [...PORT_25.slice(0, 2), ...lines, ...PORT_25.slice(2)].join('\n');
const GOOD = port25With('# expect: port-25-on-mendix-cloud error "25"');

test('a fixture whose findings are exactly its expectations holds (the control for the tests below)', () => {
  assert.deepEqual(run({ 'port-25/trigger/.env': GOOD }), []);
  assert.deepEqual(run({ 'port-25/trigger/.env': port25With('# expect: port-25-on-mendix-cloud') }), [], 'the severity left out means the default, error');
  assert.deepEqual(run({ 'clean/dotenv/.env': PORT_25.join('\n').replace('=25', '=587') }), []);
});

test('a finding nobody expects fails', () => {
  const [outcome] = run({ 'port-25/trigger/.env': PORT_25.join('\n') });
  assert.deepEqual(outcome.missing, []);
  assert.match(outcome.extra.join('\n'), /^3: port-25-on-mendix-cloud error "25"/);
});

test('an expectation no finding meets fails: wrong rule, wrong line, wrong severity, wrong text', () => {
  const port587 = PORT_25.join('\n').replace('=25', '=587').split('\n');
  const cases = {
    'rule': port25With('# expect: invalid-port'),
    'line': [...PORT_25.slice(0, 1), '# expect: port-25-on-mendix-cloud', ...PORT_25.slice(1)].join('\n'),
    'severity': port25With('# expect: port-25-on-mendix-cloud warning'),
    'text': port25With('# expect: port-25-on-mendix-cloud error "MX_Mail_SMTPPort=25"'),
    'none at all': [...port587.slice(0, 2), '# expect: port-25-on-mendix-cloud', ...port587.slice(2)].join('\n'),
  };
  for (const [what, text] of Object.entries(cases)) {
    const outcomes = run({ 'port-25/case/.env': text });
    assert.equal(outcomes.length, 1, what);
    assert.ok(outcomes[0].missing.length === 1, `${what}: ${JSON.stringify(outcomes[0])}`);
  }
});

test('the severity left out is the rule default: a finding raised by the settings must say so', () => {
  const text = '# expect: sender-noreply\nMX_Mail_FromAddress=noreply@mycompany.nl\n';
  const raised = JSON.stringify({ ruleSeverities: { 'sender-noreply': 'error' } });
  assert.deepEqual(run({ 'severities/default/.env': text }), []);
  const [outcome] = run({ 'severities/raised/.env': text, 'severities/raised/.env.options.json': raised });
  assert.deepEqual(outcome.missing, ['2: sender-noreply warning']);
  assert.deepEqual(run({ 'severities/raised/.env': text.replace('noreply\n', 'noreply error\n'), 'severities/raised/.env.options.json': raised }), []);
});

test('a .fixed text that differs from what fix-all gives fails; the right one holds', () => {
  const fixed = GOOD.replace('=25', '=587');
  assert.deepEqual(run({ 'port-25/trigger/.env': GOOD, 'port-25/trigger/.env.fixed': fixed }), []);
  const [outcome] = run({ 'port-25/trigger/.env': GOOD, 'port-25/trigger/.env.fixed': GOOD.replace('=25', '=2525') });
  assert.match(outcome.problems.join('\n'), /\.env\.fixed: the text after the first fix of every finding differs/);
});

test('an unknown rule id fails: inline, in a sidecar, in the severities of the options', () => {
  assert.throws(() => run({ 'port-25/trigger/.env': port25With('# expect: port-25-on-mendix-clod error "25"') }), (e) => e instanceof FixtureError && /\.env:3: unknown rule id "port-25-on-mendix-clod"/.test(e.message));
  const json = '{"Constants": [{"Name": "Mail.SMTPHost", "Type": "String", "DefaultValue": ""}]}';
  assert.throws(() => run({ 'x/case/model/metadata.json': json, 'x/case/model/metadata.json.expected.json': '[{"ruleId": "no-such-rule", "line": 1}]' }), /unknown rule id "no-such-rule"/);
  assert.throws(() => run({ 'x/case/.env': 'A=1\n', 'x/case/.env.options.json': '{"ruleSeverities": {"no-such-rule": "off"}}' }), /unknown rule id "no-such-rule"/);
});

test('a malformed expectation fails instead of passing for a comment', () => {
  for (const line of [
    '# expect: port-25-on-mendix-cloud loud',
    '# expect: port-25-on-mendix-cloud, invalid-port',
    '# expect: port-25-on-mendix-cloud error 25',
    '# expect:',
    '# Expect: port-25-on-mendix-cloud',
    '# expected: port-25-on-mendix-cloud',
    '#expect = port-25-on-mendix-cloud',
  ]) {
    assert.throws(() => run({ 'port-25/trigger/.env': port25With(line) }), (e) => e instanceof FixtureError && /\.env:3: malformed expectation/.test(e.message), line);
  }
  assert.throws(() => inlineExpectations('A=1\n# expect: invalid-port'), /at the end of the file has no line to apply to/);
});

test('a broken sidecar or layout fails', () => {
  const json = '{"Constants": []}';
  const sidecar = (s: string) => () => run({ 'x/case/model/metadata.json': json, 'x/case/model/metadata.json.expected.json': s });
  assert.throws(sidecar('[{"ruleId": "invalid-port"}]'), /"line" is a 1-based line number/);
  assert.throws(sidecar('[{"ruleId": "invalid-port", "line": 1, "severity": "loud"}]'), /severity "loud"/);
  assert.throws(sidecar('[{"ruleId": "invalid-port", "line": 1, "lines": 2}]'), /unknown keys lines/);
  assert.throws(sidecar('{"ruleId": "invalid-port"'), /not JSON/);
  assert.throws(() => run({ 'x/case/.env': 'A=1\n', 'x/case/.env.options.json': '{"defaultTargt": "mendix-cloud"}' }), /unknown keys defaultTargt/);
  assert.throws(() => run({ 'x/case/.env.fixed': 'A=1\n' }), /a sidecar without its fixture/);
  assert.throws(() => run({ 'x/.env': 'A=1\n' }), /a fixture lives in a case folder/);
  assert.throws(() => run({ 'x/case/notes.txt': 'A=1\n' }), /not recognised as a settings file/);
});

test('env files are read from the case folder and never from outside it', () => {
  const compose = (envFile: string) => `# mendix-email: target=mendix-cloud\nservices:\n  app:\n    env_file: ${envFile}\n`;
  const mail = 'MX_Mail_SMTPHost=smtp.sendgrid.net\nMX_Mail_SMTPPort=587\nMX_Mail_SMTPUsername=apikey\nMX_Mail_SMTPPassword=${KEY}\n';
  // read: the settings come from mail.env, so no missing-credentials on the service
  assert.deepEqual(run({ 'env/inside/docker-compose.yml': compose('mail.env'), 'env/inside/mail.env': mail }), []);
  // another case's file is outside: not read, and said so
  const [outcome] = run({ 'env/other/mail.env': mail, 'env/outside/docker-compose.yml': compose('../other/mail.env') });
  assert.match(outcome.extra.join('\n'), /^4: env-file-not-read warning .*outside the workspace/);
});
