// Bad input never crashes a reader: it becomes one clear problem, and what can be read is read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { MAX_TEXT_LENGTH, readSettingsFile } from '../../../server/src/sources/index';
import type { ReadResult } from '../../../server/src/core/types';
import { fixture, fixtures, offsetOf, slice } from './helpers';

const FIXTURE_PATHS: Record<string, string> = {
  'metadata.json': '/app/model/metadata.json',
  'config.json': '/app/model/config.json',
  'Constants.java': '/app/javasource/m/proxies/constants/Constants.java',
};

function assertRangesInside(label: string, text: string, result: ReadResult): void {
  const ranges = [
    ...result.problems.map((p) => p.range),
    ...result.scopes.flatMap((s) => [s.range, s.anchorRange, ...s.assignments.flatMap((a) => [a.keyRange, a.valueRange, a.entryRange])]),
  ];
  for (const r of ranges) {
    const start = offsetOf(text, r.start);
    const end = offsetOf(text, r.end);
    assert.ok(start <= end && end <= text.length, `${label}: range ${JSON.stringify(r)} outside the text`);
  }
}

test('a binary file with a settings file name: one problem, "not a text file"', () => {
  const text = 'mxruntime:\n\0\0\x01\x02binary';
  for (const path of ['/p/m2ee.yaml', '/p/docker-compose.yml', '/p/.env', '/app/model/metadata.json']) {
    const result = readSettingsFile(path, text);
    assert.ok(result, path);
    assert.deepEqual(result.scopes, []);
    assert.equal(result.problems.length, 1);
    assert.equal(result.problems[0].ruleId, 'syntax-error');
    assert.match(result.problems[0].message, /not a text file/);
  }
  // a binary file that only has a YAML extension is not ours at all
  assert.equal(readSettingsFile('/p/random.yaml', text), undefined);
});

test('a 50 MB file: one problem, answered at once', () => {
  const line = 'MX_Mail_SMTPHost=smtp.example.com\n';
  const text = line.repeat(Math.ceil((50 * 1024 * 1024) / line.length));
  assert.ok(text.length > MAX_TEXT_LENGTH);
  for (const path of ['/p/.env', '/p/m2ee.yaml']) {
    const started = performance.now();
    const result = readSettingsFile(path, text)!;
    const elapsed = performance.now() - started;
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0].message, /too large to check \(50\.0 MB/);
    // generous: only the line index is built, no parsing (catches an accidental full parse)
    assert.ok(elapsed < 5000, `${elapsed} ms`);
  }
});

test('100,000 constants are all read (m2ee.yaml and .env)', () => {
  let yaml = 'mxruntime:\n  MicroflowConstants:\n';
  let env = '';
  for (let i = 0; i < 100_000; i++) {
    yaml += `    Module${i % 100}.Constant${i}: value${i}\n`;
    env += `MX_Module${i % 100}_Constant${i}=value${i}\n`;
  }
  const m2ee = readSettingsFile('/p/m2ee.yaml', yaml)!;
  assert.deepEqual(m2ee.problems, []);
  assert.equal(m2ee.scopes[0].assignments.length, 100_000);
  const last = m2ee.scopes[0].assignments[99_999];
  assert.equal(last.name, 'Module99.Constant99999');
  assert.equal(slice(yaml, last.valueRange), 'value99999');
  const dotenv = readSettingsFile('/p/.env', env)!;
  assert.equal(dotenv.scopes[0].assignments.length, 100_000);
  assert.equal(slice(env, dotenv.scopes[0].assignments[99_999].keyRange), 'MX_Module99_Constant99999');
});

test('invalid UTF-8 (decoded to U+FFFD) is read like any other text', () => {
  const bytes = Buffer.concat([
    Buffer.from('mxruntime:\n  MicroflowConstants:\n    Mail.From: "app'),
    Buffer.from([0xff, 0xfe, 0xc3]),
    Buffer.from('@example.com"\n    Mail.Host: smtp.example.com\n'),
  ]);
  const text = bytes.toString('utf8');
  assert.ok(text.includes('\uFFFD'));
  const result = readSettingsFile('/p/m2ee.yaml', text)!;
  assert.deepEqual(result.problems, []);
  assert.deepEqual(result.scopes[0].assignments.map((a) => a.name), ['Mail.From', 'Mail.Host']);
  assert.equal(slice(text, result.scopes[0].assignments[0].valueRange), result.scopes[0].assignments[0].value);
  const env = readSettingsFile('/p/.env', Buffer.concat([Buffer.from('MX_A_B=x'), Buffer.from([0xff]), Buffer.from('\n')]).toString('utf8'))!;
  assert.deepEqual(env.problems, []);
  assert.equal(env.scopes[0].assignments[0].value, 'x\uFFFD');
});

test('malformed YAML: one syntax error at the first mistake, the rest still read', () => {
  const text = [
    'mxruntime:',
    '  MicroflowConstants:',
    '    Mail.SMTPHost: smtp.example.com',
    '    Mail.SMTPPort: [25',
    '    Mail.UseSSL: "true',
    '',
  ].join('\n');
  const result = readSettingsFile('/p/m2ee.yaml', text)!;
  assert.equal(result.kind, 'm2ee');
  assert.equal(result.problems.length, 1);
  const [problem] = result.problems;
  assert.equal(problem.ruleId, 'syntax-error');
  assert.match(problem.message, /^YAML syntax error: .+\. The rest of the file is checked where it can be read\.$/);
  assert.ok(problem.range.start.line >= 3, JSON.stringify(problem.range));
  assert.equal(result.scopes[0].assignments[0].name, 'Mail.SMTPHost');
  assert.equal(result.scopes[0].assignments[0].value, 'smtp.example.com');
});

test('a YAML file too broken to classify is still recognised by its top-level keys', () => {
  const text = 'services:\n  app:\n    environment:\n      - MX_A_B=1\n   bad: [\n';
  const result = readSettingsFile('/p/stack.yml', text);
  assert.equal(result?.kind, 'compose');
  assert.equal(result?.problems.filter((p) => p.ruleId === 'syntax-error').length, 1);
});

test('random YAML (valid or not) gets no result, so no diagnostics', () => {
  assert.equal(readSettingsFile('/p/.github/workflows/ci.yml', 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n'), undefined);
  assert.equal(readSettingsFile('/p/values.yaml', 'a: [\nb: }\n'), undefined);
  assert.equal(readSettingsFile('/p/empty.yaml', ''), undefined);
  assert.equal(readSettingsFile('/p/notes.txt', 'mxruntime:\n'), undefined);
});

test('every prefix of every fixture reads without an internal error, all ranges inside the text', () => {
  for (const name of readdirSync(fixtures)) {
    const full = fixture(name);
    const path = FIXTURE_PATHS[name] ?? `/p/${name}`;
    const step = Math.max(1, Math.floor(full.length / 60));
    for (let cut = 0; cut <= full.length; cut += step) {
      const text = full.slice(0, cut);
      const result = readSettingsFile(path, text);
      if (!result) continue;
      assert.ok(!result.problems.some((p) => /could not be read/.test(p.message)), `${name} cut at ${cut}: ${JSON.stringify(result.problems)}`);
      assertRangesInside(`${name} cut at ${cut}`, text, result);
    }
  }
});

test('a YAML syntax error message never quotes the file (it could hold a password)', () => {
  const text = 'mxruntime:\n  MicroflowConstants:\n    Mail.SMTPPassword: "hunter2-secret\n  ]: x\n';
  const result = readSettingsFile('/p/m2ee.yaml', text)!;
  assert.equal(result.problems.length, 1);
  assert.doesNotMatch(result.problems[0].message, /hunter2/);
  const header = readSettingsFile('/p/m2ee.yaml', 'mxruntime:\n  A: |x hunter2\n    b\n')!;
  for (const p of header.problems) assert.doesNotMatch(p.message, /hunter2/);
});
