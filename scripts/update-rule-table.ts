// Rewrites the rule table in README.md (between <!-- rules:start --> and <!-- rules:end -->)
// from the rule metadata. Run: node --import tsx scripts/update-rule-table.ts [--check]
// With --check it only reports whether the table is current (exit code 1 when not).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceRuleTable, TABLE_END, TABLE_START } from '../server/src/registry/ruleTable';

const readme = join(__dirname, '..', 'README.md');
const text = readFileSync(readme, 'utf8');
const updated = replaceRuleTable(text);
if (updated === undefined) {
  console.error(`README.md has no ${TABLE_START} … ${TABLE_END} block`);
  process.exit(1);
}
if (process.argv.includes('--check')) {
  if (updated !== text) {
    console.error('README.md rule table is out of date: run node --import tsx scripts/update-rule-table.ts');
    process.exit(1);
  }
  console.log('README.md rule table is current');
} else if (updated !== text) {
  writeFileSync(readme, updated);
  console.log('README.md rule table updated');
} else {
  console.log('README.md rule table already current');
}
