// One policy for every finding (server/src/engine/policy.ts): severity layers, disable
// comments, each finding once, one order — for the offline rules, the DNS rules and the CLI.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LoadedProjectConfig } from '../../../server/src/core/settings';
import type { Finding } from '../../../server/src/core/types';
import { checkDocument } from '../../../server/src/engine/check';
import { applyPolicy, configuredSeverity } from '../../../server/src/engine/policy';
import { compareFiles, type ReportedFinding } from '../../../server/src/cli/report';

const config = (over: Partial<LoadedProjectConfig['config']>): LoadedProjectConfig => ({ file: '/work/app/.mendix-email.json', problems: [], config: over });

test('severity layers, first that names the rule wins: --rule, the config\'s files, its rules, the editor', () => {
  const projectConfig = config({ rules: { 'invalid-port': 'warning' }, files: { 'model/config.json': { rules: { 'invalid-port': 'info' } } } });
  const editor = { 'invalid-port': 'hint' as const };
  const at = (path: string, commandLineRules?: Record<string, 'off' | 'error'>) => configuredSeverity('invalid-port', { projectConfig, ruleSeverities: editor, commandLineRules }, path);
  assert.equal(at('/work/app/m2ee.yaml'), 'warning');
  assert.equal(at('/work/app/model/config.json'), 'info', 'a files entry beats rules');
  assert.equal(at('/work/app/model/config.json', { 'invalid-port': 'off' }), 'off', '--rule beats every entry of the config');
  assert.equal(configuredSeverity('invalid-port', { ruleSeverities: editor }, '/work/app/m2ee.yaml'), 'hint', 'the editor only where no config names it');
  // the config itself is not rewritten by --rule
  assert.deepEqual(projectConfig.config.rules, { 'invalid-port': 'warning' });
});

const range = (line: number, character: number, end = character + 3) => ({ start: { line, character }, end: { line, character: end } });
const finding = (ruleId: string, severity: Finding['severity'], line: number, character: number, end?: number): Finding => ({ ruleId, severity, range: range(line, character, end), message: `${ruleId} here` });

test('disable comments, de-duplication and order apply to any list of findings (the DNS rules\' too)', () => {
  const findings = [
    finding('domain-not-found', 'warning', 4, 2),
    finding('dmarc-missing', 'info', 2, 0),
    finding('z-rule', 'error', 4, 2, 9),
    finding('domain-not-found', 'warning', 4, 2),
    finding('spf-invalid', 'error', 7, 0),
  ];
  const out = applyPolicy(findings, [{ line: 7, ruleIds: ['spf-invalid'] }]);
  assert.deepEqual(out.map((f) => `${f.range.start.line} ${f.ruleId}`), ['2 dmarc-missing', '4 z-rule', '4 domain-not-found']);
});

test('a compose environment shared by two services through a YAML alias: each finding once', () => {
  const text = ['# mendix-email: target=mendix-cloud', 'x-mail: &mail', '  MX_Mail_SMTPHost: smtp.sendgrid.net', '  MX_Mail_SMTPPort: "25"', 'services:', '  web:', '    environment: *mail', '  worker:', '    environment: *mail', ''].join('\n');
  const result = checkDocument({ path: '/work/app/docker-compose.yml', text })!;
  assert.equal(result.settings.length, 2, 'two scopes read the same assignments');
  assert.equal(result.findings.filter((f) => f.ruleId === 'port-25-on-mendix-cloud').length, 1);
});

test('the CLI orders files only: within a file the engine\'s order stands (no third sort order)', () => {
  const reported = (file: string, ruleId: string, severity: Finding['severity'], endColumn: number): ReportedFinding => ({ file, line: 5, column: 3, endLine: 5, endColumn, severity, ruleId, message: '' });
  // the engine's order at one position: errors first, whatever their ids and ends
  const engineOrder = [reported('b.env', 'z-rule', 'error', 20), reported('b.env', 'a-rule', 'warning', 4), reported('a.env', 'y-rule', 'error', 9), reported('a.env', 'b-rule', 'info', 4)];
  const sorted = [...engineOrder].sort(compareFiles);
  assert.deepEqual(sorted.map((f) => `${f.file} ${f.ruleId}`), ['a.env y-rule', 'a.env b-rule', 'b.env z-rule', 'b.env a-rule']);
});
