// Every rule fixture under test/fixtures/rules/ (its layout and `# expect:` grammar:
// test/fixtures/rules/README.md) is checked through the real readers with every rule on; its
// findings must be exactly the ones it expects, and its `.fixed` text what fix-all gives. Every
// rule that works offline has a fixture that triggers it and, in its own folder, a case that
// does not (a near miss); the network rules' cases need a zone and live in test/dns/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { expectationsOf, fixtureFiles, RULE_FIXTURES, runFixture } from './fixtureHarness';
import { rules } from '../../../server/src/registry/rules';

const files = fixtureFiles();

for (const file of files) {
  const name = relative(RULE_FIXTURES, file);
  test(`fixture ${name}`, () => {
    assert.deepEqual(runFixture(file), { missing: [], extra: [], problems: [] }, `${name}: findings differ`);
  });
}

test('every offline rule has a fixture that triggers it and a near miss in its own folder', () => {
  const expected = files.map((file) => ({ topic: relative(RULE_FIXTURES, file).split(sep)[0], ids: new Set(expectationsOf(file, readFileSync(file, 'utf8')).map((e) => e.ruleId)) }));
  const gaps: string[] = [];
  assert.ok(rules.length >= 25);
  for (const rule of rules) {
    if (!expected.some((f) => f.ids.has(rule.id))) gaps.push(`${rule.id}: no fixture expects it`);
    if (!expected.some((f) => f.topic === rule.id && !f.ids.has(rule.id))) gaps.push(`${rule.id}: no case in test/fixtures/rules/${rule.id}/ without it`);
  }
  assert.deepEqual(gaps, []);
});
