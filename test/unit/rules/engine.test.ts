// The engine: severities (rule default, editor settings, project config wins, 'off'),
// suppression comments, reader problems as findings, sorting, a failing rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRead } from '../../../server/src/engine/check';
import { reservedDomain } from '../../../server/src/rules/reserved-domain';
import { senderNoreply } from '../../../server/src/rules/sender-noreply';
import { invalidPort } from '../../../server/src/rules/invalid-port';
import { invalidConstantsJson } from '../../../server/src/rules/invalid-constants-json';
import { invalidEnvName } from '../../../server/src/rules/invalid-env-name';
import { syntaxError } from '../../../server/src/rules/syntax-error';
import type { Rule } from '../../../server/src/ruleKit/rule';
import type { CheckOptions, LoadedProjectConfig, ProjectConfig } from '../../../server/src/core/settings';
import type { ReadResult } from '../../../server/src/core/types';
import { read, scope } from './build';

// a fixed set of rules, so rules added later do not change these expectations
const rules = [reservedDomain, senderNoreply, invalidPort, invalidConstantsJson, invalidEnvName, syntaxError];
const project = (config: ProjectConfig): LoadedProjectConfig => ({ config, file: '/p/.mendix-email.json', problems: [] });
const twoProblems = (): ReadResult =>
  read([scope([['Mail.FromAddress', 'noreply@example.com'], ['App.Recipient', 'ops@mailserver'], ['Mail.SMTPPort', 'x']], 'metadata-json')]);
const run = (r: ReadResult, o: CheckOptions = {}) => checkRead(r, '/p/model/metadata.json', o, rules).findings.map((f) => `${f.range.start.line}:${f.ruleId}:${f.severity}`);

test('defaults, and a rule that sets its own severity per finding', () => {
  assert.deepEqual(run(twoProblems()), ['1:reserved-domain:error', '1:sender-noreply:warning', '2:reserved-domain:warning', '3:invalid-port:error']);
});

test('editor severities apply; the project config wins; off removes the rule', () => {
  const o: CheckOptions = { ruleSeverities: { 'reserved-domain': 'info', 'invalid-port': 'hint', 'sender-noreply': 'off' } };
  assert.deepEqual(run(twoProblems(), o), ['1:reserved-domain:info', '2:reserved-domain:info', '3:invalid-port:hint']);
  o.projectConfig = project({ rules: { 'reserved-domain': 'off', 'sender-noreply': 'error' } });
  assert.deepEqual(run(twoProblems(), o), ['1:sender-noreply:error', '3:invalid-port:hint']);
});

test('suppression comments remove the named rules on the next line only', () => {
  const r = twoProblems();
  r.suppressions = [{ line: 1, ruleIds: ['reserved-domain'] }, { line: 3, ruleIds: ['sender-noreply'] }];
  assert.deepEqual(run(r), ['1:sender-noreply:warning', '2:reserved-domain:warning', '3:invalid-port:error']);
  r.suppressions = [{ line: 1, ruleIds: ['reserved-domain', 'sender-noreply'] }, { line: 3, ruleIds: [] }];
  assert.deepEqual(run(r), ['2:reserved-domain:warning']);
});

test('reader problems become findings with severities and suppression like any rule', () => {
  const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 5 } });
  const r = read([], {
    kind: 'compose',
    problems: [
      { ruleId: 'syntax-error', range: at(7), message: 'bad YAML' },
      { ruleId: 'invalid-constants-json', range: at(2), message: 'bad JSON' },
      { ruleId: 'invalid-env-name', range: at(4), message: 'MX_ has no module' },
    ],
  });
  assert.deepEqual(run(r), ['2:invalid-constants-json:error', '4:invalid-env-name:error', '7:syntax-error:error']);
  assert.deepEqual(run(r, { ruleSeverities: { 'syntax-error': 'warning', 'invalid-env-name': 'off' } }), ['2:invalid-constants-json:error', '7:syntax-error:warning']);
  r.suppressions = [{ line: 2, ruleIds: ['invalid-constants-json'] }];
  assert.deepEqual(run(r), ['4:invalid-env-name:error', '7:syntax-error:error']);
});

test('findings are sorted by position, then severity, then id', () => {
  const f = checkRead(twoProblems(), '/p/model/metadata.json', {}, rules).findings;
  for (let i = 1; i < f.length; i++) {
    const a = f[i - 1].range.start;
    const b = f[i].range.start;
    assert.ok(a.line < b.line || (a.line === b.line && a.character <= b.character));
  }
});

test('a rule that throws loses its own findings only', () => {
  const broken: Rule = { id: 'broken', defaultSeverity: 'error', description: '', needsNetwork: false, check() { throw new Error('boom'); } };
  const f = checkRead(twoProblems(), '/p/model/metadata.json', {}, [broken, ...rules]).findings;
  assert.ok(f.length === 4);
});

test('settings per scope carry the resolved target', () => {
  const res = checkRead(read([scope([], 'compose'), scope([], 'compose')]), '/p/docker-compose.yml', {});
  assert.deepEqual(res.settings.map((s) => s.target.target), ['docker', 'docker']);
});

test('a reader problem whose rule is not in the list is still an error finding', () => {
  const r = read([], { problems: [{ ruleId: 'syntax-error', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x' }] });
  assert.deepEqual(checkRead(r, '/p/m2ee.yaml', {}, []).findings.map((f) => `${f.ruleId}:${f.severity}`), ['syntax-error:error']);
});
