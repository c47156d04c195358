import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/sources/text';

test('LineIndex: offsets ↔ positions with \\n, \\r\\n and a lone \\r, clamped at the ends', () => {
  const text = 'ab\ncd\r\nef\rgh';
  const lines = new LineIndex(text);
  assert.equal(lines.lineCount, 4);
  const expect: [number, number, number][] = [
    [0, 0, 0], [2, 0, 2], [3, 1, 0], [5, 1, 2], [7, 2, 0], [9, 2, 2], [10, 3, 0], [12, 3, 2],
  ];
  for (const [offset, line, character] of expect) {
    assert.deepEqual(lines.positionAt(offset), { line, character }, `offset ${offset}`);
    assert.equal(lines.offsetAt({ line, character }), offset, `line ${line}:${character}`);
  }
  assert.deepEqual(lines.positionAt(-5), { line: 0, character: 0 });
  assert.deepEqual(lines.positionAt(99), { line: 3, character: 2 });
  // a character past the line's end stops before its line break
  assert.equal(lines.offsetAt({ line: 1, character: 40 }), 5);
  assert.equal(lines.offsetAt({ line: 9, character: 0 }), text.length);
  assert.equal(lines.lineEnd(1), 5);
  assert.equal(lines.lineEnd(3), 12);
});

test('LineIndex: characters are UTF-16 code units, like LSP', () => {
  const text = 'a😀b\nc';
  const lines = new LineIndex(text);
  assert.deepEqual(lines.positionAt(3), { line: 0, character: 3 }); // after the surrogate pair
  assert.deepEqual(lines.positionAt(5), { line: 1, character: 0 });
});

test('LineIndex: a million lines are indexed and searched quickly', () => {
  const text = 'x\n'.repeat(1_000_000);
  const started = performance.now();
  const lines = new LineIndex(text);
  for (let i = 0; i < 100_000; i++) lines.positionAt((i * 19) % text.length);
  assert.equal(lines.lineCount, 1_000_001);
  // generous bound: a rescan per lookup would take minutes
  assert.ok(performance.now() - started < 5000);
});
