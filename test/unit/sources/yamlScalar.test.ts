// The character-by-character mapping of YAML scalars that nested JSON ranges rely on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument, isMap, type Scalar } from 'yaml';
import { MappedText } from '../../../server/src/sources/mappedText';
import { mappedScalar } from '../../../server/src/sources/yamlScalar';

function mapped(text: string): MappedText {
  const doc = parseDocument(text);
  assert.deepEqual(doc.errors, []);
  assert.ok(isMap(doc.contents));
  const node = doc.contents.items[0].value as Scalar;
  return mappedScalar(MappedText.identity(text, 0), node);
}

/** Every decoded character comes from a source span; plain characters from themselves. */
function assertFaithful(text: string, m: MappedText): void {
  assert.ok(m.exact, `not exact: ${JSON.stringify(text)}`);
  let previous = -1;
  for (let i = 0; i < m.text.length; i++) {
    const start = m.startOf(i);
    const end = m.endOf(i);
    assert.ok(start >= previous && start < end && end <= text.length, `char ${i} of ${JSON.stringify(text)}`);
    previous = start;
    const source = text.slice(start, end);
    const c = m.text[i];
    if (source.length === 1 && !/[\r\n]/.test(source)) assert.equal(source, c, `char ${i} of ${JSON.stringify(text)}`);
  }
}

const cases: [string, string][] = [
  ['v: plain value\n', 'plain value'],
  ['v: plain\n  folded\n\n  twice\n', 'plain folded\ntwice'],
  ["v: 'it''s'\n", "it's"],
  ["v: 'one\n  two'\n", 'one two'],
  ['v: "tab\\there \\x41\\u00e9\\U0001F600 \\"q\\" \\\\"\n', 'tab\there Aé😀 "q" \\'],
  ['v: "joined\\\n   without space"\n', 'joinedwithout space'],
  ['v: "trailing   \n  blanks"\n', 'trailing blanks'],
  ['v: |\n  line one\n    indented\n\n  after blank\n', 'line one\n  indented\n\nafter blank\n'],
  ['v: |-\n  stripped\n', 'stripped'],
  ['v: |+\n  kept\n\n', 'kept\n\n'],
  ['v: "crlf\r\n  folded"\r\n', 'crlf folded'],
];

test('YAML scalars decode to the same text as the yaml library, with exact source positions', () => {
  for (const [text, decoded] of cases) {
    const m = mapped(text);
    assert.equal(m.text, decoded, JSON.stringify(text));
    assertFaithful(text, m);
  }
});

test('an escape maps to its whole escape sequence', () => {
  const text = 'v: "a\\u00e9b"\n';
  const m = mapped(text);
  assert.deepEqual(m.range(1, 2), [5, 11]); // \u00e9
  assert.deepEqual(m.range(0, 3), [4, 12]);
});

test('folded block scalars and explicit indentation fall back to the whole scalar', () => {
  for (const text of ['v: >\n  folded\n  text\n', 'v: |2\n   indented\n']) {
    const m = mapped(text);
    assert.equal(m.exact, false);
    assert.equal(m.range(0, 1)[0], 3);
  }
});
