// server/src/rules/ holds rule files only, each named by the id of the one rule it exports
// (eslint's and markdownlint's way: the id finds the file), and the registry lists each of
// them once and derives its docs link from the id: no rule file writes one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { allRules } from '../../../server/src/registry/rules';

const rulesDir = join(__dirname, '..', '..', '..', 'server', 'src', 'rules');
// the online checks' runner, until the engine owns it (issue 14 item 1)
const NOT_RULES = new Set(['online/index.ts', 'online/session.ts']);

function ruleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? ruleFiles(join(dir, e.name)) : [relative(rulesDir, join(dir, e.name)).split('\\').join('/')],
  ).filter((f) => !NOT_RULES.has(f));
}

test('every file in server/src/rules is one rule, named by its id, and registered', async () => {
  const registered = new Map(allRules.map((r) => [r.id, r]));
  const files = ruleFiles(rulesDir);
  for (const file of files) {
    const id = file.replace(/^online\//, '').replace(/\.ts$/, '');
    const module = (await import(join(rulesDir, file))) as Record<string, { id?: string }>;
    const exported = Object.values(module).filter((v) => v && typeof v === 'object' && typeof v.id === 'string');
    assert.deepEqual(exported.map((r) => r.id), [id], `${file} exports exactly the rule ${id}`);
    assert.equal(registered.get(id), exported[0], `${id} is in the registry (registry/rules.ts)`);
    assert.equal(file.startsWith('online/'), registered.get(id)!.needsNetwork, `${file}: network rules live in rules/online/`);
  }
  assert.equal(files.length, registered.size, 'every registered rule has its file');
});

test('each docs link is derived from the id by the registry; no rule file writes one', () => {
  for (const rule of allRules) assert.equal(rule.docs, `docs/rules/${rule.id}.md`);
  for (const file of ruleFiles(rulesDir)) {
    assert.doesNotMatch(readFileSync(join(rulesDir, file), 'utf8'), /\bdocs\s*:/, file);
  }
});
