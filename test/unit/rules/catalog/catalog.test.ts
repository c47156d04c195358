// Every fixture of the catalog rules, with its inline expectations and fix results.
import { test } from 'node:test';
import { relative } from 'node:path';
import { fixtureCases, fixturesDir, runFixture } from './harness';

for (const c of fixtureCases()) {
  test(`${c.ruleId}: ${relative(fixturesDir, c.file)}`, () => runFixture(c));
}
