// --format github and --format gitlab, run through the built CLI: the GitHub workflow-command
// lines parse back (properties and message unescaped) to the findings of --format json, and
// a message cannot break out of its command; the GitLab report validates against GitLab's
// Code Quality format written down below as a JSON schema.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import { ensureBuilt, makeTree, parseJsonReport, removeTree, runCli } from './support/cli';
import { escapeData, escapeProperty } from '../../server/src/cli/formats/github';

// https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format: an array of
// issues; these fields are required, severity is one of five words, lines.begin ≥ 1.
const GITLAB_CODE_QUALITY_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      type: { const: 'issue' },
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: {
          path: { type: 'string', minLength: 1, not: { pattern: '^(/|[A-Za-z]:)' } },
          lines: {
            type: 'object',
            required: ['begin'],
            properties: { begin: { type: 'integer', minimum: 1 }, end: { type: 'integer', minimum: 1 } },
          },
        },
      },
    },
  },
};

// a finding of each severity, a message with `%`-free text, and a file name with `,` and `:`
const TREE: Record<string, string> = {
  'deploy/m2ee.yaml': 'mxruntime:\n  MicroflowConstants:\n    Mail.SMTPHost: localhost\n    Mail.SMTPPort: 99999\n    Mail.FromAddress: noreply@example.com\n',
  'odd,name:1/.env': 'MX_Mail_SMTPPort=abc\n',
};

let dir: string;
before(() => {
  ensureBuilt();
  dir = makeTree(TREE);
});
after(() => removeTree(dir));

/** A workflow command line, parsed back as the runner does. */
function parseCommand(line: string): { command: string; properties: Record<string, string>; message: string } {
  const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  assert.ok(match, `not a workflow command: ${line}`);
  const unescape = (s: string) => s.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const properties = Object.fromEntries(match[2].split(',').map((p) => {
    const eq = p.indexOf('=');
    return [p.slice(0, eq), unescape(p.slice(eq + 1))];
  }));
  return { command: match[1], properties, message: unescape(match[3]) };
}

describe('--format github', () => {
  it('one annotation per finding, with the location, rule id as title and the message', async () => {
    const json = parseJsonReport(await runCli(['check', '--offline', '--format', 'json'], dir));
    const run = await runCli(['check', '--offline', '--format', 'github'], dir);
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.length, json.length);
    assert.ok(json.some((f) => f.file.startsWith('odd,name:1/')), 'the odd file name is reported');
    const severities = new Set<string>();
    lines.forEach((line, i) => {
      const f = json[i];
      const { command, properties, message } = parseCommand(line);
      severities.add(command);
      assert.equal(command, f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice');
      assert.deepEqual(properties, {
        file: f.file,
        line: String(f.line),
        col: String(f.column),
        endLine: String(f.endLine),
        endColumn: String(f.endLine === f.line ? Math.max(f.column, f.endColumn - 1) : f.endColumn),
        title: f.ruleId,
      });
      assert.equal(message, f.message);
    });
    assert.ok(severities.has('error') && (severities.has('warning') || severities.has('notice')), [...severities].join());
  });

  it('escapes what would end a command or forge another', () => {
    assert.equal(escapeData('50%\r\n::error::forged'), '50%25%0D%0A::error::forged');
    // terminal control sequences and bidi overrides are shown, not obeyed
    assert.equal(escapeData('a\u001b]52;c;eA==\u0007b\u202e'), 'a\\x1b]52;c;eA==\\x07b\\u202e');
    assert.equal(escapeProperty('a,b:c%\n'), 'a%2Cb%3Ac%25%0A');
    // one line, whatever the message holds
    assert.ok(!/[\r\n]/.test(escapeData('x\ny\rz')));
  });

  it('a clean tree prints nothing and exits 0', async () => {
    const clean = makeTree({ 'm2ee.yaml': 'mxruntime:\n  DTAPMode: P\n' });
    try {
      const run = await runCli(['check', '--offline', '-f', 'github'], clean);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, '');
    } finally {
      removeTree(clean);
    }
  });
});

describe('--format gitlab', () => {
  it("validates against GitLab's Code Quality format and carries every finding", async () => {
    const json = parseJsonReport(await runCli(['check', '--offline', '--format', 'json'], dir));
    const run = await runCli(['check', '--offline', '--format', 'gitlab'], dir);
    assert.equal(run.status, 1, run.stderr);
    const issues = JSON.parse(run.stdout) as { check_name: string; severity: string; fingerprint: string; location: { path: string; lines: { begin: number } } }[];
    const validate = new Ajv({ allErrors: true }).compile(GITLAB_CODE_QUALITY_SCHEMA);
    assert.ok(validate(issues), JSON.stringify(validate.errors, null, 2));
    assert.deepEqual(
      issues.map((i) => [i.location.path, i.location.lines.begin, i.check_name]),
      json.map((f) => [f.file, f.line, f.ruleId]),
    );
    const expected = (s: string) => (s === 'error' ? 'major' : s === 'warning' ? 'minor' : 'info');
    assert.deepEqual(issues.map((i) => i.severity), json.map((f) => expected(f.severity)));
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length, 'fingerprints are unique');
  });

  it('keeps raw control characters out of the report (JSON escapes)', async () => {
    const tree = makeTree({ 'm2ee.yaml': 'mxruntime:\n  MicroflowConstants:\n    Mail.FromAddress: "x\u009b2J\u202e@example.com"\n    Mail.SMTPPort: 99999\n' });
    try {
      const run = await runCli(['check', '--offline', '-f', 'gitlab'], tree);
      assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/.test(run.stdout), 'no raw control character');
      assert.ok((JSON.parse(run.stdout) as unknown[]).length > 0);
    } finally {
      removeTree(tree);
    }
  });

  it('fingerprints survive lines moving above the finding', async () => {
    const line = 'mxruntime:\n  MicroflowConstants:\n    Mail.SMTPPort: 99999\n';
    const a = makeTree({ 'm2ee.yaml': line, 'x/m2ee.yaml': line + '    Mail.Port2: 1\n' });
    const b = makeTree({ 'm2ee.yaml': `# a comment pushes everything down\n\n${line}`, 'x/m2ee.yaml': line + '    Mail.Port2: 1\n' });
    try {
      const first = JSON.parse((await runCli(['check', '--offline', '-f', 'gitlab'], a)).stdout) as { fingerprint: string; location: { path: string; lines: { begin: number } } }[];
      const second = JSON.parse((await runCli(['check', '--offline', '-f', 'gitlab'], b)).stdout) as typeof first;
      const top = (r: typeof first) => r.filter((i) => i.location.path === 'm2ee.yaml');
      assert.ok(top(first).length > 0);
      assert.notDeepEqual(top(first).map((i) => i.location.lines.begin), top(second).map((i) => i.location.lines.begin));
      assert.deepEqual(top(first).map((i) => i.fingerprint), top(second).map((i) => i.fingerprint));
    } finally {
      removeTree(a);
      removeTree(b);
    }
  });
});
