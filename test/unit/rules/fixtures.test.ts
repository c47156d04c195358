// Every fixture under test/fixtures/rules/ is checked through the real readers and all rules;
// its findings must be exactly the ones it expects inline (see test/fixtures/rules/README.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { checkWithText } from './withText';
import { LineIndex } from '../../../server/src/sources/index';
import type { CheckOptions } from '../../../server/src/core/settings';
import type { Finding, TextEdit } from '../../../server/src/core/types';

const fixtures = join(__dirname, '..', '..', 'fixtures', 'rules');
const SIDECAR = /(\.expected\.json|\.options\.json|\.fixed)$/;

interface Expected {
  ruleId: string;
  /** 0-based */
  line: number;
  severity?: string;
  text?: string;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return name === 'README.md' || SIDECAR.test(name) ? [] : [path];
  });
}

const EXPECT = /^[ \t]*(?:#|\/\/)[ \t]*expect:[ \t]*([a-z0-9-]+)(?:[ \t]+(error|warning|info|hint))?(?:[ \t]+"(.*)")?[ \t]*$/;

const COMMENT = /^[ \t]*(#|\/\/)/;

/** `# expect:` lines apply to the next line that is not a whole-line comment. */
export function inlineExpectations(text: string): Expected[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: Expected[] = [];
  let pending: Omit<Expected, 'line'>[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = EXPECT.exec(lines[i]);
    if (m) {
      pending.push({ ruleId: m[1], ...(m[2] ? { severity: m[2] } : {}), ...(m[3] !== undefined ? { text: m[3] } : {}) });
      continue;
    }
    if (COMMENT.test(lines[i])) {
      if (lines[i].includes('expect:')) throw new Error(`line ${i + 1}: malformed expect comment: ${lines[i]}`);
      continue;
    }
    for (const p of pending) out.push({ ...p, line: i });
    pending = [];
  }
  if (pending.length) throw new Error('an expect comment at the end of the file has no line to apply to');
  return out;
}

function expectationsFor(file: string, text: string): Expected[] {
  const sidecar = `${file}.expected.json`;
  if (!existsSync(sidecar)) return inlineExpectations(text);
  const list = JSON.parse(readFileSync(sidecar, 'utf8')) as (Omit<Expected, 'line'> & { line: number })[];
  return list.map((e) => ({ ...e, line: e.line - 1 }));
}

function optionsFor(file: string): CheckOptions {
  const sidecar = `${file}.options.json`;
  if (!existsSync(sidecar)) return {};
  const raw = JSON.parse(readFileSync(sidecar, 'utf8'));
  const options: CheckOptions = { defaultTarget: raw.defaultTarget, ruleSeverities: raw.ruleSeverities };
  if (raw.projectConfig) options.projectConfig = { config: raw.projectConfig, file: join(dirname(file), '.mendix-email.json'), problems: [] };
  return options;
}

function applyFirstFixes(text: string, findings: Finding[]): string {
  const lines = new LineIndex(text);
  const edits: { start: number; end: number; newText: string }[] = [];
  for (const f of findings) {
    for (const e of (f.fixes?.[0]?.edits ?? []) as TextEdit[]) {
      edits.push({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText });
    }
  }
  edits.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

const describe = (e: Expected) => `${e.line + 1}: ${e.ruleId}${e.severity ? ` ${e.severity}` : ''}${e.text !== undefined ? ` "${e.text}"` : ''}`;

for (const file of files(fixtures)) {
  const name = relative(fixtures, file);
  test(`fixture ${name}`, () => {
    const text = readFileSync(file, 'utf8');
    // checkDocument plus the text for the rules (see withText.ts); fixtures have no env_file to merge
    const result = checkWithText({ path: file, text }, optionsFor(file));
    assert.ok(result, `${name} is not recognised as a settings file`);
    const expected = expectationsFor(file, text);
    const lines = new LineIndex(text);
    const covered = (f: Finding) => text.slice(lines.offsetAt(f.range.start), lines.offsetAt(f.range.end));
    const unmatched = [...result.findings];
    const missing: Expected[] = [];
    for (const e of expected) {
      const i = unmatched.findIndex(
        (f) => f.ruleId === e.ruleId && f.range.start.line === e.line && (!e.severity || f.severity === e.severity) && (e.text === undefined || covered(f) === e.text),
      );
      if (i < 0) missing.push(e);
      else unmatched.splice(i, 1);
    }
    const extra = unmatched.map((f) => `${f.range.start.line + 1}: ${f.ruleId} ${f.severity} "${covered(f)}" — ${f.message}`);
    assert.deepEqual({ missing: missing.map(describe), extra }, { missing: [], extra: [] }, `${name}: findings differ`);
    for (const f of result.findings) assert.match(f.message, /^[A-Z"`].*[.]$/s, `${name}: "${f.message}" is one sentence`);
    const fixed = `${file}.fixed`;
    if (existsSync(fixed)) assert.equal(applyFirstFixes(text, result.findings), readFileSync(fixed, 'utf8'), `${name}: fixed text`);
  });
}
