// After a one-line edit, a YAML file is read again by parsing only the edited line
// (server/src/sources/yamlReparse.ts). These tests hold it to one promise: the result is
// exactly what a full parse of the new text gives — on every line of the real corpus files
// and the reader fixtures, for several kinds of edit — and the short way is really taken.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSettingsFile } from '../../../server/src/sources/index';
import { ParseCache } from '../../../server/src/core/parseCache';
import { editKeepsFileValid } from '../../../server/src/ruleKit/editCheck';
import { CORPUS, needsCorpus } from '../../support/corpus';

const corpus = CORPUS;
const fixtures = join(__dirname, '..', '..', 'fixtures', 'sources');

/** file on disk → the name it is read under (the name is part of how a file is recognised) */
const CORPUS_FILES: [string, string][] = [
  [join(corpus, 'm2ee-tools.examples.m2ee.yaml'), 'm2ee.yaml'],
  [join(corpus, 'm2ee-tools.examples.full-documented-m2ee.yaml'), 'full-documented-m2ee.yaml'],
  [join(corpus, 'cf-mendix-buildpack.etc.m2ee.m2ee.yaml'), 'm2ee.yaml'],
  [join(corpus, 'cf-mendix-buildpack.dev.docker-compose.yml'), 'docker-compose.yml'],
  [join(corpus, 'docker-mendix-buildpack.tests.docker-compose-azuresql.yml'), 'docker-compose-azuresql.yml'],
  [join(corpus, 'docker-mendix-buildpack.tests.docker-compose-k8s.yml'), 'docker-compose-k8s.yml'],
  [join(corpus, 'docker-mendix-buildpack.tests.docker-compose-mysql.yml'), 'docker-compose-mysql.yml'],
  [join(corpus, 'docker-mendix-buildpack.tests.docker-compose-postgres.yml'), 'docker-compose-postgres.yml'],
  [join(corpus, 'docker-mendix-buildpack.tests.docker-compose-sqlserver.yml'), 'docker-compose-sqlserver.yml'],
];
const FIXTURE_FILES: [string, string][] = [
  [join(fixtures, 'constants-styles.compose.yaml'), 'docker-compose.yml'],
  [join(fixtures, 'docker-compose.yml'), 'docker-compose.yml'],
  [join(fixtures, 'kubernetes.yaml'), 'kubernetes.yaml'],
  [join(fixtures, 'm2ee.yaml'), 'm2ee.yaml'],
  [join(fixtures, 'manifest.yml'), 'manifest.yml'],
  [join(fixtures, 'mendixapp.yaml'), 'mendixapp.yaml'],
];

/** Edits of one line that keep the line count: (line) → new line. */
const EDITS: [string, (line: string) => string][] = [
  ['append a character', (l) => `${l}7`],
  ['change the last character', (l) => (l.length ? `${l.slice(0, -1)}${l.endsWith('5') ? '6' : '5'}` : l)],
  ['rename the key', (l) => l.replace(/^(\s*)(\S)/, '$1X$2')],
  ['new value', (l) => l.replace(/:\s.*$/, ': "587"')],
  ['value becomes empty', (l) => l.replace(/:\s.*$/, ':')],
  ['value becomes a flow map', (l) => l.replace(/:\s.*$/, ': {a: 1}')],
  ['comment the line out', (l) => l.replace(/^(\s*)/, '$1# ')],
];

function readBothWays(path: string, before: string, after: string) {
  const parses = new ParseCache();
  readSettingsFile(path, before, undefined, parses); // keeps the parse of `before`
  const incremental = readSettingsFile(path, after, undefined, parses);
  const usedOneLine = parses.counts.reused === 1;
  // without a cache nothing is kept: a full parse
  const full = readSettingsFile(path, after);
  return { incremental, full, usedOneLine };
}

// (the thresholds: about 80 % of what each set gives today)
for (const [what, FILES, options, minimum] of [
  ['fixture', FIXTURE_FILES, {}, { edits: 800, oneLine: 200 }],
  ['real corpus', CORPUS_FILES, needsCorpus(), { edits: 1300, oneLine: 350 }],
] as const) test(`every one-line edit of every ${what} YAML line reads exactly as a full parse`, options, () => {
  let oneLine = 0;
  let edits = 0;
  for (const [file, name] of FILES) {
    const text = readFileSync(file, 'utf8');
    const path = `/workspace/app/${name}`;
    const lines = text.split('\n');
    // every edit on every line that holds content; comment and blank lines get one edit; the
    // long documented example (700 lines, mostly comments, 16 ms a parse) every fourth line
    const long = lines.length > 200;
    const isContent = (l: string) => !/^\s*(#.*)?$/.test(l);
    const picked = long ? lines.map((l, i) => (isContent(l) ? i : -1)).filter((i) => i >= 0).filter((_, n) => n % 4 === 0) : lines.map((_, i) => i);
    for (const i of picked) {
      for (const [label, edit] of isContent(lines[i]) ? EDITS : EDITS.slice(0, 1)) {
        const changed = edit(lines[i]);
        if (changed === lines[i]) continue;
        const after = [...lines.slice(0, i), changed, ...lines.slice(i + 1)].join('\n');
        const { incremental, full, usedOneLine } = readBothWays(path, text, after);
        edits++;
        if (usedOneLine) oneLine++;
        assert.deepEqual(incremental, full, `${name} line ${i + 1}: ${label}`);
      }
    }
  }
  // the short way must really be taken for the common edits, or this test proves nothing
  console.log(`${what}: ${edits} edits, ${oneLine} re-parsed one line`);
  assert.ok(edits > minimum.edits, `edits tried: ${edits}`);
  assert.ok(oneLine > minimum.oneLine, `one-line re-parses: ${oneLine} of ${edits}`);
});

/** A big m2ee.yaml like the benchmark's. */
function bigM2ee(lines: number): string {
  const out = ['mxruntime:', '  DTAPMode: P', '  MicroflowConstants:', '    Mail.SMTPHost: smtp.sendgrid.net', '    Mail.SMTPPort: 25'];
  for (let i = out.length; i < lines; i++) out.push(`    Module${i % 97}.Constant${i}: "value ${i}"`);
  return `${out.join('\n')}\n`;
}

test('typing in a value of a big m2ee.yaml re-parses only that line, keystroke after keystroke', () => {
  const parses = new ParseCache();
  const path = '/workspace/big/m2ee.yaml';
  let text = bigM2ee(2000);
  readSettingsFile(path, text, undefined, parses);
  for (const next of ['2', '', '5', '58', '587']) {
    text = text.replace(/Mail\.SMTPPort: \d*/, `Mail.SMTPPort: ${next}`);
    const read = readSettingsFile(path, text, undefined, parses)!;
    const port = read.scopes[0].assignments.find((a) => a.name === 'Mail.SMTPPort')!;
    assert.equal(port.value, next);
    assert.equal(port.valueRange.start.line, 4);
    // a constant after the edit keeps its place
    const last = read.scopes[0].assignments.at(-1)!;
    assert.equal(last.keyRange.start.line, 1999);
  }
  assert.deepEqual(parses.counts, { reused: 5, full: 1 });
});

test('while a file is edited, the other entries keep their assignments (read once), the edited one is read anew', () => {
  const parses = new ParseCache();
  const path = '/workspace/same/m2ee.yaml';
  const withPort = (port: string) => bigM2ee(200).replace(/Mail\.SMTPPort: \d*/, `Mail.SMTPPort: ${port}`);
  const opened = readSettingsFile(path, withPort('25'), undefined, parses)!.scopes[0].assignments;
  // the first edit reads every entry of the re-used document and remembers them
  const first = readSettingsFile(path, withPort('2525'), undefined, parses)!.scopes[0].assignments;
  assert.ok(first.every((a, i) => a !== opened[i]), 'a file read once is not remembered');
  const second = readSettingsFile(path, withPort('587'), undefined, parses)!.scopes[0].assignments;
  assert.equal(second.length, first.length);
  const changed = second.filter((a, i) => a !== first[i]);
  assert.deepEqual(changed.map((a) => `${a.name}: ${a.value}`), ['Mail.SMTPPort: 587']);
  // a full parse of the same text reads every entry anew, to the same result
  const full = readSettingsFile(path, withPort('587'))!.scopes[0].assignments;
  assert.ok(full.every((a, i) => a !== second[i]));
  assert.deepEqual(full, second);
});

test('edits that change the structure are parsed in full', () => {
  const path = '/workspace/structure/m2ee.yaml';
  const text = bigM2ee(50);
  const cases: [string, string][] = [
    ['a new line', text.replace('Mail.SMTPPort: 25', 'Mail.SMTPPort: 25\n    Mail.SMTPUsername: apikey')],
    ['an indentation change', text.replace('    Mail.SMTPPort: 25', '      Mail.SMTPPort: 25')],
    ['a syntax error on the line', text.replace('Mail.SMTPPort: 25', 'Mail.SMTPPort: "25')],
    ['an anchor', text.replace('Mail.SMTPPort: 25', 'Mail.SMTPPort: &port 25')],
    ['a parent key (its value is a map)', text.replace('MicroflowConstants:', 'MicroflowConstant:')],
  ];
  for (const [label, after] of cases) {
    const { incremental, full, usedOneLine } = readBothWays(path, text, after);
    assert.equal(usedOneLine, false, label);
    assert.deepEqual(incremental, full, label);
  }
});

test('a file with a syntax error elsewhere is parsed in full, and still reads the same', () => {
  const path = '/workspace/broken/m2ee.yaml';
  const text = `${bigM2ee(20)}  broken: [\n`;
  const { incremental, full, usedOneLine } = readBothWays(path, text, text.replace('Mail.SMTPPort: 25', 'Mail.SMTPPort: 587'));
  assert.equal(usedOneLine, false);
  assert.deepEqual(incremental, full);
});

test('Windows line ends: the one-line way keeps every range right', () => {
  const path = '/workspace/crlf/m2ee.yaml';
  const text = bigM2ee(40).replace(/\n/g, '\r\n');
  const { incremental, full, usedOneLine } = readBothWays(path, text, text.replace('Mail.SMTPPort: 25', 'Mail.SMTPPort: 2525'));
  assert.equal(usedOneLine, true);
  assert.deepEqual(incremental, full);
});

test('a fix read back before it is offered never pushes out the parse of the file being edited', () => {
  const parses = new ParseCache({ files: 1, textBudget: 1024 * 1024 });
  const path = '/workspace/kept/m2ee.yaml';
  const text = bigM2ee(40);
  const read = readSettingsFile(path, text, undefined, parses)!;
  // ten read-backs of fixed texts of the same file, through the cache the check used
  for (let i = 0; i < 10; i++) {
    const edits = [{ range: { start: { line: 5, character: 4 }, end: { line: 6, character: 0 } }, newText: '' }];
    assert.equal(editKeepsFileValid(path, text, read, edits, { removed: [], added: [] }, parses), false, 'an entry went that was not promised');
  }
  assert.deepEqual(parses.counts, { reused: 0, full: 11 }, 'the read-backs count in the cache');
  readSettingsFile(path, text.replace('Mail.SMTPPort: 25', 'Mail.SMTPPort: 587'), undefined, parses);
  assert.equal(parses.counts.reused, 1, 'the edit after them re-parsed one line: the real parse was still kept');
});

test('two caches do not see each other: a parse kept in one is not used by the other', () => {
  const editor = new ParseCache();
  const other = new ParseCache();
  const path = '/workspace/two/m2ee.yaml';
  const text = bigM2ee(40);
  readSettingsFile(path, text, undefined, editor);
  const edited = text.replace('Mail.SMTPPort: 25', 'Mail.SMTPPort: 587');
  readSettingsFile(path, edited, undefined, other);
  assert.deepEqual(other.counts, { reused: 0, full: 1 }, 'the other cache parsed in full');
  readSettingsFile(path, edited, undefined, editor);
  assert.deepEqual(editor.counts, { reused: 1, full: 1 }, 'the first cache still had its parse');
  // and a read without a cache keeps nothing anywhere
  readSettingsFile(path, text);
  readSettingsFile(path, edited, undefined, other);
  assert.deepEqual(other.counts, { reused: 1, full: 1 });
});

test('kept parses stay within their budget: a file beyond the limit of files, or beyond the text budget, pushes out the oldest', () => {
  const small = bigM2ee(40);
  const edited = small.replace('Mail.SMTPPort: 25', 'Mail.SMTPPort: 587');
  const four = new ParseCache({ files: 4, textBudget: 1024 * 1024 });
  for (let i = 0; i < 5; i++) readSettingsFile(`/workspace/keep${i}/m2ee.yaml`, small, undefined, four);
  readSettingsFile('/workspace/keep0/m2ee.yaml', edited, undefined, four);
  assert.equal(four.counts.reused, 0, 'the first of five was pushed out');
  readSettingsFile('/workspace/keep4/m2ee.yaml', edited, undefined, four);
  assert.equal(four.counts.reused, 1, 'the last one is kept');

  const budget = new ParseCache({ files: 4, textBudget: Math.floor(small.length * 1.5) });
  readSettingsFile('/workspace/big1/m2ee.yaml', small, undefined, budget);
  readSettingsFile('/workspace/big2/m2ee.yaml', small, undefined, budget);
  readSettingsFile('/workspace/big1/m2ee.yaml', edited, undefined, budget);
  assert.equal(budget.counts.reused, 0, 'two files do not fit the budget together: the older one was dropped');
  readSettingsFile('/workspace/big1/m2ee.yaml', small, undefined, budget);
  assert.equal(budget.counts.reused, 1, 'the one just read is kept');

  const tooLong = new ParseCache({ files: 4, textBudget: small.length - 1 });
  readSettingsFile('/workspace/long/m2ee.yaml', small, undefined, tooLong);
  readSettingsFile('/workspace/long/m2ee.yaml', edited, undefined, tooLong);
  assert.deepEqual(tooLong.counts, { reused: 0, full: 2 }, 'a file longer than the budget is not kept');
});

test('the default limits are 4 files and 3 M characters (a parsed document takes ~10 bytes a character: ~30 MB)', () => {
  assert.deepEqual(new ParseCache().limits, { files: 4, textBudget: 3 * 1024 * 1024 });
});
