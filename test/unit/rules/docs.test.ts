// Every rule has its documentation page, the page agrees with the metadata, and the
// README's rule table is the one rendered from the metadata.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../../server/src/registry/rules';
import { allRuleMetas, renderRuleTable, replaceRuleTable, TABLE_END, TABLE_START } from '../../../server/src/registry/ruleTable';

const root = join(__dirname, '..', '..', '..');

test('every rule has docs/rules/<id>.md with its id and default severity', () => {
  const ids = new Set<string>();
  for (const rule of allRuleMetas) {
    assert.ok(!ids.has(rule.id), `duplicate rule id ${rule.id}`);
    ids.add(rule.id);
    assert.equal(rule.docs, `docs/rules/${rule.id}.md`);
    const file = join(root, rule.docs);
    assert.ok(existsSync(file), `${rule.docs} is missing`);
    const page = readFileSync(file, 'utf8');
    assert.ok(page.startsWith(`# \`${rule.id}\``), `${rule.docs} starts with its id`);
    for (const section of ['## Why', '## Bad', '## Good', '## Fix']) assert.ok(page.includes(section), `${rule.docs}: ${section}`);
  }
  for (const rule of rules) {
    const page = readFileSync(join(root, rule.docs), 'utf8');
    assert.ok(page.includes(`**Default severity:** ${rule.defaultSeverity}`), `${rule.docs} states the default severity`);
  }
});

test('the rule table renders every rule, linked to its page', () => {
  const table = renderRuleTable();
  for (const rule of allRuleMetas) assert.ok(table.includes(`| [\`${rule.id}\`](${rule.docs}) | ${rule.defaultSeverity} | ${rule.needsNetwork ? 'yes' : 'no'} |`), rule.id);
  assert.equal(replaceRuleTable('no markers'), undefined);
  assert.equal(replaceRuleTable(`a\n${TABLE_START}\nold\n${TABLE_END}\nb`, 'T'), `a\n${TABLE_START}\nT\n${TABLE_END}\nb`);
});

test("README's rule table matches the metadata (node --import tsx scripts/update-rule-table.ts)", (t) => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const updated = replaceRuleTable(readme);
  assert.ok(updated !== undefined, `README.md has a ${TABLE_START} … ${TABLE_END} block`);
  assert.equal(readme, updated, 'README rule table is stale: run node --import tsx scripts/update-rule-table.ts');
});
