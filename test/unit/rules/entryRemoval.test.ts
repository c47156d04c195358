// constant-overridden's removal: exactly the pair and its separator, whatever the syntax, and
// whole lines only where the entry is alone on them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { removalSpan } from '../../../server/src/ruleKit/entryRemoval';
import { checkDocument } from '../../../server/src/engine/check';
import { checkWithText } from './withText';
import { applyEdits } from '../../../server/src/ruleKit/editCheck';

/** `«` and `»` mark the entry in the text; returns the text after removing it (or undefined). */
function remove(marked: string, quoted = false): string | undefined {
  const start = marked.indexOf('«');
  const end = marked.indexOf('»') - 1;
  const text = marked.replace('«', '').replace('»', '');
  const span = removalSpan(text, start, end, quoted);
  return span && text.slice(0, span[0]) + text.slice(span[1]);
}

test('removalSpan: the pair and its comma in flow maps, flow lists and JSON', () => {
  assert.equal(remove('m: {«A: 1», B: 2}\n'), 'm: {B: 2}\n');
  assert.equal(remove('m: {B: 2, «A: 1»}\n'), 'm: {B: 2}\n');
  assert.equal(remove('m: {B: 2,«A: 1» }\n'), 'm: {B: 2 }\n');
  assert.equal(remove('m: {«A: 1»}\n'), 'm: {}\n');
  assert.equal(remove('e: [«X=1», X=2]\n'), 'e: [X=2]\n');
  assert.equal(remove('{"a": 1, «"b": 2»}'), '{"a": 1}');
  assert.equal(remove('{\n  «"a": 1»,\n  "a": 2\n}\n'), '{\n  "a": 2\n}\n');
  assert.equal(remove('{\n  "a": 1,\n  «"a": 2»\n}\n'), '{\n  "a": 1\n}\n');
  assert.equal(remove('{\r\n  «"a": 1»,\r\n  "a": 2\r\n}\r\n'), '{\r\n  "a": 2\r\n}\r\n');
  // a quoted key or value keeps its quotes with the entry
  assert.equal(remove('m: {"«A": x», B: 2}\n'), 'm: {B: 2}\n');
  assert.equal(remove('m: {A: "«x»", B: 2}\n'.replace('A: "«x', '«A: "x'), true), 'm: {B: 2}\n');
});

test('removalSpan: whole lines where the entry is alone on them, nothing where it is not', () => {
  assert.equal(remove('m:\n  «A: 1»\n  A: 2\n'), 'm:\n  A: 2\n');
  assert.equal(remove('m:\n  «A: 1»  # old\n  A: 2\n'), 'm:\n  A: 2\n');
  assert.equal(remove('e:\n  - «X=1»\n  - X=2\n'), 'e:\n  - X=2\n');
  assert.equal(remove('e:\n  - "«X=1»"\n  - X=2\n'), 'e:\n  - X=2\n');
  assert.equal(remove('«X=1»\nX=2'), 'X=2');
  assert.equal(remove('export «X=1»\nX=2\n'), 'X=2\n');
  assert.equal(remove('X=2\n«X=1»'), 'X=2\n');
  // something else shares the line and no comma separates it: no removal is known to be exact
  assert.equal(remove('m: «A: 1» B: 2\n'), undefined);
  assert.equal(remove('m: "{\\n  \\"a\\": 1,\\n  «\\"a\\": 2»\\n}"\n'), undefined);
});

const flowM2ee = 'mxruntime:\n  MicroflowConstants: {Mail.SMTPPort: 25, Mail.SMTPPort: 587}\n';

test('constant-overridden: the removal is offered as a safe fix, so "fix all" applies it', () => {
  const f = checkWithText({ path: '/p/m2ee.yaml', text: flowM2ee })!.findings.find((x) => x.ruleId === 'constant-overridden')!;
  assert.equal(f.fixes?.length, 1);
  assert.equal(f.fixes[0].safe, true);
  assert.equal(f.fixes[0].title, 'Remove Mail.SMTPPort (its value is never used)');
  assert.equal(applyEdits(flowM2ee, f.fixes[0].edits), 'mxruntime:\n  MicroflowConstants: {Mail.SMTPPort: 587}\n');
});

test('constant-overridden: no fix when no exact removal exists or the text is not given', () => {
  // a CONSTANTS written in a double-quoted YAML string with \n escapes between its pairs
  const escaped = 'applications:\n  - name: a\n    env:\n      MX_Mail_SMTPPort: "587"\n      CONSTANTS: "{\\n  \\"Mail.SMTPHost\\": \\"a.mycompany.nl\\",\\n  \\"Mail.SMTPPort\\": 25\\n}"\n';
  const f = checkWithText({ path: '/p/manifest.yml', text: escaped })!.findings.filter((x) => x.ruleId === 'constant-overridden');
  assert.equal(f.length, 1);
  assert.equal(f[0].fixes, undefined);
  // through checkDocument, which does not hand the rules the text yet, the finding is there all the same
  const plain = checkDocument({ path: '/p/m2ee.yaml', text: flowM2ee })!.findings.find((x) => x.ruleId === 'constant-overridden')!;
  assert.ok(plain);
});

test('constant-overridden: every safe removal of a file applied together (as "fix all" does) still reads back', () => {
  const text = 'mxruntime:\n  MicroflowConstants:\n    Mail.SMTPPort: 25\n    Mail.SMTPHost: a.internal\n    Mail.SMTPPort: 465\n    Mail.SMTPHost: b.internal\n    Mail.SMTPPort: 587\n';
  const found = checkWithText({ path: '/p/m2ee.yaml', text })!.findings.filter((x) => x.ruleId === 'constant-overridden');
  assert.equal(found.length, 3);
  const edits = found.flatMap((f) => f.fixes?.find((x) => x.safe)?.edits ?? []);
  assert.equal(edits.length, 3);
  const fixed = applyEdits(text, edits);
  assert.equal(fixed, 'mxruntime:\n  MicroflowConstants:\n    Mail.SMTPHost: b.internal\n    Mail.SMTPPort: 587\n');
  assert.deepEqual(checkWithText({ path: '/p/m2ee.yaml', text: fixed })!.findings.filter((x) => x.ruleId === 'constant-overridden'), []);
});

test('constant-overridden never repeats a password in its message', () => {
  const text = 'services:\n  orders:\n    environment:\n      MX_Mail_SMTPPassword: old-secret-Value-1\n      MX_Mail_SMTPPassword: ${SMTP_PASSWORD}\n';
  const f = checkWithText({ path: '/p/docker-compose.yml', text })!.findings.find((x) => x.ruleId === 'constant-overridden')!;
  assert.match(f.message, /this value \(a password, not shown\) is never used/);
  assert.ok(!f.message.includes('old-secret-Value-1'));
  assert.ok(f.fixes?.every((x) => !x.title.includes('old-secret-Value-1')));
  // any other constant shows the value that loses
  const port = checkWithText({ path: '/p/m2ee.yaml', text: flowM2ee })!.findings.find((x) => x.ruleId === 'constant-overridden')!;
  assert.match(port.message, /this value \("25"\) is never used/);
});
