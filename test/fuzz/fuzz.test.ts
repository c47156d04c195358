// The fuzz suite (fast-check): mutations of every fixture and corpus file — truncation, deep
// nesting, huge values, control characters, CRLF / CR line ends, a BOM, UTF-16 bytes — go
// through the readers and the whole check (engine checkDocument), hover, completion, code
// lenses and the project config parser. Each must not throw, must finish within a time bound,
// and every finding's range must lie inside the document.
// `npm test` runs a short fixed-seed budget; `npm run fuzz` a longer one:
//   MENDIX_EMAIL_FUZZ_RUNS (default 60 here)   MENDIX_EMAIL_FUZZ_SEED (default 13)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkDocument } from '../../server/src/engine/check';
import { hoverAt } from '../../server/src/features/hover';
import { completionsAt } from '../../server/src/features/completion';
import { codeLensesFor } from '../../server/src/features/codeLens';
import { parseProjectConfig } from '../../server/src/config/parseProjectConfig';
import { decodeText } from '../../server/src/core/decodeText';
import type { Position, Range } from '../../server/src/core/types';
import { settingsFiles } from '../support/settingsFiles';

const RUNS = Number(process.env.MENDIX_EMAIL_FUZZ_RUNS ?? 60);
const SEED = Number(process.env.MENDIX_EMAIL_FUZZ_SEED ?? 13);
/**
 * Per text and feature: a hang or a quadratic blow-up, not a slow machine. Most checks take
 * milliseconds; a 1 MB YAML text with a syntax error can take a few seconds on a busy machine.
 */
const BOUND_MS = Number(process.env.MENDIX_EMAIL_FUZZ_BOUND_MS ?? 10_000);

const FILES = settingsFiles();
/** Mutated texts are cut here: a hand-written settings file is far smaller, and the time bound is per text. */
const MAX_TEXT = 1_000_000;

type Mutation = (text: string) => string;
const at = (fraction: number, text: string) => Math.floor(fraction * (text.length + 1));
const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fraction.map((f): Mutation => (t) => t.slice(0, at(f, t))), // truncation
  fc.tuple(fraction, fc.integer({ min: 1, max: 5000 }), fc.constantFrom('[', '{"a":', '- ', '{', '[{"x":')).map(([f, n, open]): Mutation => (t) => {
    const i = at(f, t);
    const close = open === '[' ? ']' : open === '- ' ? '' : open === '[{"x":' ? '1}]' : '1}';
    return t.slice(0, i) + open.repeat(n) + close.repeat(n) + t.slice(i);
  }), // deep nesting
  fc.tuple(fraction, fc.integer({ min: 1000, max: 100_000 }), fc.constantFrom('x', 'a@', ' ', '"', '\\', '*/', '${')).map(([f, n, s]): Mutation => (t) => {
    const i = at(f, t);
    return t.slice(0, i) + s.repeat(n) + t.slice(i);
  }), // huge values
  fc.tuple(fraction, fc.array(fc.constantFrom('\x00', '\x1b[31m', '\x1b]52;c;aGk=\x07', '\u202e', '\u2028', '\ufeff', '\t', '\r', '\x7f', '\ud800', '😀'), { minLength: 1, maxLength: 8 })).map(([f, cs]): Mutation => (t) => {
    const i = at(f, t);
    return t.slice(0, i) + cs.join('') + t.slice(i);
  }), // control characters
  fc.constantFrom<Mutation>((t) => t.replace(/\r?\n/g, '\r\n'), (t) => t.replace(/\r?\n/g, '\r'), (t) => `\ufeff${t}`, (t) => t.replace(/\n/g, '\n\n')), // line ends, BOM
  fc.tuple(fraction, fraction).map(([a, b]): Mutation => (t) => t.slice(0, Math.min(at(a, t), at(b, t))) + t.slice(Math.max(at(a, t), at(b, t)))), // a cut
  fc.tuple(fraction, fc.integer({ min: 2, max: 500 })).map(([f, n]): Mutation => (t) => {
    const lines = t.split('\n');
    const i = Math.floor(f * lines.length);
    return [...lines.slice(0, i + 1), ...Array<string>(n).fill(lines[i] ?? ''), ...lines.slice(i + 1)].join('\n');
  }), // a line repeated
);

function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function assertInside(where: string, lengths: number[], range: Range): void {
  const ok = (p: Position) => p.line >= 0 && p.line < lengths.length && p.character >= 0 && p.character <= lengths[p.line];
  assert.ok(ok(range.start) && ok(range.end), `${where}: range ${JSON.stringify(range)} outside the document (${lengths.length} lines)`);
  assert.ok(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character), `${where}: range ends before it starts ${JSON.stringify(range)}`);
}

function timed<T>(where: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  const ms = performance.now() - started;
  assert.ok(ms < BOUND_MS, `${where} took ${Math.round(ms)} ms`);
  return result;
}

function checkEverything(label: string, path: string, text: string): void {
  const result = timed(`${label}: check`, () => checkDocument({ path, text }));
  if (!result) return;
  const lengths = lineLengths(text);
  for (const f of result.findings) {
    assertInside(`${label}: ${f.ruleId}`, lengths, f.range);
    for (const fix of f.fixes ?? []) for (const e of fix.edits) assertInside(`${label}: fix of ${f.ruleId}`, lengths, e.range);
  }
  timed(`${label}: code lens`, () => codeLensesFor('file:///x', result));
  const positions: Position[] = [{ line: 0, character: 0 }, { line: lengths.length - 1, character: lengths[lengths.length - 1] }];
  for (const s of result.settings.slice(0, 3)) for (const a of s.scope.assignments.slice(0, 5)) positions.push(a.keyRange.start, a.valueRange.end);
  for (const p of positions) {
    timed(`${label}: hover ${p.line}:${p.character}`, () => hoverAt(result, p, result.read.declarations));
    const entries = timed(`${label}: completion ${p.line}:${p.character}`, () => completionsAt(text, p, result.read.kind, result.read.declarations));
    for (const e of entries) if (e.range) assertInside(`${label}: completion range`, lengths, e.range);
  }
}

test(`every reader and the whole check on mutated fixture and corpus files (${RUNS} runs, seed ${SEED})`, () => {
  assert.ok(FILES.length > 20, `${FILES.length} files to mutate`);
  fc.assert(
    fc.property(fc.nat({ max: FILES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), (index, mutations) => {
      const file = FILES[index];
      const text = mutations.reduce((t, m) => m(t), file.text).slice(0, MAX_TEXT);
      checkEverything(file.label, file.path, text);
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: true, includeErrorInReport: true },
  );
});

test(`UTF-16 and UTF-8 bytes of every file decode to its text and check the same (seed ${SEED})`, () => {
  for (const file of FILES) {
    for (const bytes of [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(file.text, 'utf16le')]), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(file.text)])]) {
      assert.equal(decodeText(bytes), file.text, file.label);
    }
  }
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 4000 }), fc.constantFrom([], [0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf]), (body, bom) => {
      const text = decodeText(Uint8Array.from([...bom, ...body]));
      checkEverything('random bytes', '/ws/x/.env', text);
      checkEverything('random bytes', '/ws/x/docker-compose.yml', text);
    }),
    { seed: SEED, numRuns: Math.max(20, Math.floor(RUNS / 2)), endOnFailure: true, includeErrorInReport: true },
  );
});

test(`.mendix-email.json: mutated configs parse without throwing, in bounded time, problems inside the file (seed ${SEED})`, () => {
  const config = JSON.stringify({ target: 'docker', overrides: { 'apps/**': 'self-hosted', '{a,b}/*.env': 'docker' }, rules: { 'sender-noreply': 'off' }, files: { 'model/config.json': { rules: { 'invalid-port': 'warning' } } }, dns: { servers: ['127.0.0.1'] } }, null, 2);
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
      const text = mutations.reduce((t, m) => m(t), config).slice(0, MAX_TEXT);
      const loaded = timed('config parse', () => parseProjectConfig(text, '/ws/.mendix-email.json'));
      const lengths = lineLengths(text);
      for (const p of loaded.problems) if (p.range) assertInside('config problem', lengths, p.range);
      // every glob the config kept can be matched quickly
      const check = timed('config in a check', () => checkDocument({ path: '/ws/apps/a/m2ee.yaml', text: 'mxruntime:\n  MicroflowConstants:\n    Mail.SMTPPort: 25\n' }, { projectConfig: loaded }));
      assert.ok(check);
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: true, includeErrorInReport: true },
  );
});
