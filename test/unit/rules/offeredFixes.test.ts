// Fixes that promise a change (Fix.verify) are read back when they are offered, not while
// checking: a file with many duplicate keys costs one parse per keystroke, and "fix all"
// checks all removals in one more read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDocument } from '../../../server/src/engine/check';
import { fixAllEdits, offeredFixes } from '../../../server/src/engine/offeredFixes';
import { applyEdits } from '../../../server/src/ruleKit/editCheck';
import { readSettingsFile } from '../../../server/src/sources/index';
import { ParseCache } from '../../../server/src/core/parseCache';

function withDuplicates(count: number): string {
  const out = ['mxruntime:', '  DTAPMode: P', '  MicroflowConstants:', '    Mail.SMTPHost: smtp.mycompany.nl'];
  for (let i = 0; i < count; i++) out.push(`    Module1.Constant${i}: "old ${i}"`);
  for (let i = 0; i < count; i++) out.push(`    Module1.Constant${i}: "new ${i}"`);
  return `${out.join('\n')}\n`;
}

/** Every parse through `cache`, kept or not. */
const parsesIn = (cache: ParseCache) => cache.counts.full + cache.counts.reused;

test('checking a file with 20 duplicate keys parses it once: the removals are not read back yet', () => {
  const parses = new ParseCache();
  const text = withDuplicates(20);
  const result = checkDocument({ path: '/w/m2ee.yaml', text }, { parses })!;
  assert.equal(parsesIn(parses), 1);
  const overridden = result.findings.filter((f) => f.ruleId === 'constant-overridden');
  assert.equal(overridden.length, 20);
  assert.ok(overridden.every((f) => f.fixes?.[0]?.verify), 'each removal carries its promise');
});

test('fix all reads the text back once for all 20 removals, and the result has no duplicate left', () => {
  const parses = new ParseCache();
  const text = withDuplicates(20);
  const path = '/w/m2ee.yaml';
  const result = checkDocument({ path, text }, { parses })!;
  const before = parsesIn(parses);
  const edits = fixAllEdits(result.findings, { path, text, read: result.read, parses });
  assert.equal(parsesIn(parses) - before, 1);
  const fixed = applyEdits(text, edits);
  assert.ok(!fixed.includes('"old '), fixed);
  assert.equal((fixed.match(/"new /g) ?? []).length, 20);
  assert.deepEqual(checkDocument({ path, text: fixed })!.findings.filter((f) => f.ruleId === 'constant-overridden'), []);
});

test('a fix whose promise does not hold is not offered (and the verdict is kept, not read again)', () => {
  const text = withDuplicates(1);
  const path = '/w/m2ee.yaml';
  const parses = new ParseCache();
  const read = readSettingsFile(path, text)!;
  const result = checkDocument({ path, text })!;
  const finding = result.findings.find((f) => f.ruleId === 'constant-overridden')!;
  const real = finding.fixes![0];
  // the same promise with an edit that removes nothing
  const broken = { ...real, edits: [{ range: real.edits[0].range, newText: text.split('\n')[4] + '\n' }] };
  const file = { path, text, read, parses };
  assert.deepEqual(offeredFixes({ ...finding, fixes: [broken, real] }, file), [real]);
  assert.equal(parsesIn(parses), 2, 'each fix read back once');
  offeredFixes({ ...finding, fixes: [broken, real] }, file);
  assert.equal(parsesIn(parses), 2, 'asked again (the cursor moved): no new read');
});
