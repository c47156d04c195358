// Fixture files with inline expectations (markdownlint's style): a line
// `# expect: <rule-id>[, <rule-id>…]` says that the next line carries a finding of that rule;
// every finding of the rule under test must be expected and every expectation met. A file
// `<case>--<name>.fixed` next to a fixture holds the text after applying the first fix of each
// finding of that rule. Fixtures are named `<case>--<real file name>` and checked under their
// real name (the name picks the reader), in a temporary folder.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { checkWithText } from '../withText';
import { ruleById } from '../../../../server/src/registry/rules';
import type { CheckOptions } from '../../../../server/src/core/settings';
import type { ConstantDeclaration, Finding, TextEdit } from '../../../../server/src/core/types';

export const fixturesDir = join(__dirname, 'fixtures');

export interface FixtureCase {
  ruleId: string;
  file: string;
  /** the name the file is checked under */
  realName: string;
}

export function fixtureCases(): FixtureCase[] {
  const out: FixtureCase[] = [];
  for (const ruleId of readdirSync(fixturesDir)) {
    for (const file of readdirSync(join(fixturesDir, ruleId))) {
      if (!file.includes('--') || file.endsWith('.fixed')) continue;
      out.push({ ruleId, file: join(fixturesDir, ruleId, file), realName: file.slice(file.indexOf('--') + 2) });
    }
  }
  return out;
}

const EXPECT = /^\s*#\s*expect:\s*(.+?)\s*$/;

/** line → rule ids expected to start on it */
export function expectations(text: string): Map<number, string[]> {
  const out = new Map<number, string[]>();
  text.split(/\r?\n/).forEach((line, i) => {
    const m = EXPECT.exec(line);
    if (m) out.set(i + 1, m[1].split(',').map((s) => s.trim()));
  });
  return out;
}

/** Copies the fixture under its real name (and any `model/` declarations next to it) into a fresh folder. */
export function placeFixture(c: FixtureCase): string {
  const dir = mkdtempSync(join(tmpdir(), 'mendix-email-catalog-'));
  const path = join(dir, c.realName);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, readFileSync(c.file));
  return path;
}

/**
 * Declarations from a `metadata.json` in the rule's fixture folder, as the workspace would
 * supply them (built here from its `Constants` list, so the rule is tested apart from the reader).
 */
export function fixtureOptions(ruleId: string): CheckOptions {
  const metadata = join(fixturesDir, ruleId, 'metadata.json');
  if (!existsSync(metadata)) return {};
  const json = JSON.parse(readFileSync(metadata, 'utf8')) as { Constants: { Name: string; Type?: string; DefaultValue?: string }[] };
  const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const declarations: ConstantDeclaration[] = json.Constants.map((c) => ({ name: c.Name, type: c.Type, defaultValue: c.DefaultValue, file: metadata, range: zero }));
  return { declarations };
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (p.line < starts.length ? starts[p.line] + p.character : text.length);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

export function runFixture(c: FixtureCase, options: CheckOptions = fixtureOptions(c.ruleId)): void {
  const path = placeFixture(c);
  const text = readFileSync(path, 'utf8');
  // checkDocument plus the text for the rules (see withText.ts); fixtures have no env_file to merge
  const result = checkWithText({ path, text }, options);
  assert.ok(result, `${c.realName} is not recognised as a settings file`);
  const mine = result.findings.filter((f) => f.ruleId === c.ruleId);
  const expected = expectations(text);
  const foundLines = new Map<number, Finding[]>();
  for (const f of mine) foundLines.set(f.range.start.line, [...(foundLines.get(f.range.start.line) ?? []), f]);
  for (const f of mine) {
    assert.ok(expected.get(f.range.start.line)?.includes(c.ruleId), `unexpected ${c.ruleId} on line ${f.range.start.line + 1}: ${f.message}`);
    // the catalog's default severity (fixtures set none of their own); reserved-domain is the
    // catalog's one exception: an error for the sender, a warning for other addresses
    const severity = c.ruleId === 'reserved-domain' && !/^The sender address/.test(f.message) ? 'warning' : ruleById(c.ruleId)?.defaultSeverity;
    assert.equal(f.severity, severity, `${c.ruleId} on line ${f.range.start.line + 1} has the catalog's severity`);
  }
  for (const [line, ids] of expected) {
    if (ids.includes(c.ruleId)) assert.ok(foundLines.has(line), `expected ${c.ruleId} on line ${line + 1}, found none (findings: ${JSON.stringify(result.findings.map((f) => [f.ruleId, f.range.start.line + 1]))})`);
  }
  const fixedFile = `${c.file}.fixed`;
  if (existsSync(fixedFile)) {
    const edits = mine.flatMap((f) => f.fixes?.[0]?.edits ?? []);
    assert.ok(edits.length > 0, `${c.ruleId} offered no fix in ${c.realName}`);
    assert.equal(applyEdits(text, edits), readFileSync(fixedFile, 'utf8'), 'the text after the quick fix');
  }
}
