// The claim behind putting constant-overridden's removal in "fix all": the fixed text is always
// valid. Each `.fixed` fixture of the rules that rewrite syntax (constant-overridden,
// password-in-plain-text) is read again by the project's readers under its real name: no
// reader problem the original did not have, and the rule has nothing left to fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readSettingsFile } from '../../../server/src/sources/index';
import { checkWithText } from './withText';
import { RULE_FIXTURES as fixtures } from './fixtureHarness';

function fixedFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return fixedFiles(path);
    return name.endsWith('.fixed') ? [path] : [];
  });
}

const problems = (path: string, text: string) => (readSettingsFile(path, text)?.problems ?? []).map((p) => `${p.ruleId}: ${p.message}`);

for (const ruleId of ['constant-overridden', 'password-in-plain-text']) {
  const cases = fixedFiles(join(fixtures, ruleId));
  test(`${ruleId}: fixtures with a fixed text exist for every file kind it edits`, () => {
    assert.ok(cases.length >= (ruleId === 'constant-overridden' ? 8 : 3), cases.map((c) => relative(fixtures, c)).join(', '));
  });
  for (const fixed of cases) {
    const original = fixed.slice(0, -'.fixed'.length);
    const name = relative(fixtures, original);
    test(`${name}: the fixed text reads back valid and leaves nothing for ${ruleId} to fix`, () => {
      assert.ok(existsSync(original));
      const before = readFileSync(original, 'utf8');
      const after = readFileSync(fixed, 'utf8');
      const read = readSettingsFile(original, after);
      assert.ok(read, 'still a settings file of the same kind');
      assert.equal(read.kind, readSettingsFile(original, before)?.kind);
      const old = problems(original, before);
      assert.deepEqual(problems(original, after).filter((p) => !old.includes(p)), [], 'no new reader problem');
      const unfixable = checkWithText({ path: original, text: before })!.findings.filter((f) => f.ruleId === ruleId && !f.fixes?.length).length;
      const left = checkWithText({ path: original, text: after })!.findings.filter((f) => f.ruleId === ruleId);
      assert.equal(left.length, unfixable, `only the findings without a fix remain: ${left.map((f) => f.message).join(' | ')}`);
      assert.ok(left.every((f) => !f.fixes?.length));
    });
  }
}
