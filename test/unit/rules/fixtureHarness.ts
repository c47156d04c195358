// The one rule-fixture harness (test/fixtures/rules/README.md is its manual). A fixture is a
// settings file under its real name in a case folder, `<rule-or-topic>/<case>/<file>`, that says
// which findings it must give: inline `# expect:` lines, or a `<file>.expected.json` sidecar
// for files without comments. The check runs with every rule on, so the findings must be exactly
// the expected ones (markdownlint's style): an unexpected finding, an unmet expectation, a wrong
// severity or range text, a `.fixed` text that differs, an unknown rule id, a malformed
// `expect:` line, a sidecar without its file — each fails the fixture (fixtureHarness.test.ts
// shows every one of them failing).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { checkWithText } from './withText';
import { LineIndex } from '../../../server/src/sources/index';
import { allRules } from '../../../server/src/registry/rules';
import { readReferenced } from '../../../server/src/services/readFile';
import type { CheckOptions } from '../../../server/src/core/settings';
import type { ConstantDeclaration, Finding, TextEdit } from '../../../server/src/core/types';

export const RULE_FIXTURES = join(__dirname, '..', '..', 'fixtures', 'rules');

/** Files beside a fixture that say something about it; never checked themselves. */
export const SIDECARS = ['.fixed', '.expected.json', '.options.json'] as const;
const SIDECAR = /(\.fixed|\.expected\.json|\.options\.json)$/;

const SEVERITIES = ['error', 'warning', 'info', 'hint'];
const ruleIds = new Map(allRules.map((r) => [r.id, r]));

/** A broken fixture (as opposed to a fixture whose findings differ): its own wording, so a meta-test can tell. */
export class FixtureError extends Error {}

export interface Expected {
  ruleId: string;
  /** 0-based line the finding starts on */
  line: number;
  /** checked always: when the fixture does not write one, the rule's default severity */
  severity: string;
  /** the exact text the finding's range covers, when the fixture gives it */
  text?: string;
}

/** Every fixture (settings file) under `root`, sidecars and READMEs left out; the layout is checked on the way. */
export function fixtureFiles(root = RULE_FIXTURES): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).sort().flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return walk(path);
      if (name === 'README.md') return [];
      if (SIDECAR.test(name)) {
        const base = path.replace(SIDECAR, '');
        if (!existsSync(base)) throw new FixtureError(`${relative(root, path)}: a sidecar without its fixture ${relative(root, base)}`);
        return [];
      }
      if (relative(root, path).split(sep).length < 3) throw new FixtureError(`${relative(root, path)}: a fixture lives in a case folder, <rule-or-topic>/<case>/<file>`);
      return [path];
    });
  return walk(root);
}

/** `<rule-or-topic>/<case>`: the folder a fixture's env files and project config belong to. */
export function caseFolder(file: string, root = RULE_FIXTURES): string {
  const [topic, name] = relative(root, file).split(sep);
  return join(root, topic, name);
}

const EXPECT_LINE = /^[ \t]*(?:#|\/\/)[ \t]*expect:(.*)$/;
const EXPECT = /^[ \t]*([a-z0-9-]+)(?:[ \t]+(error|warning|info|hint))?(?:[ \t]+"(.*)")?[ \t]*$/;
const COMMENT = /^[ \t]*(#|\/\/)/;
/** `# Expect:`, `# expected:`, `// expect =`: meant as an expectation, so not silently a comment */
const ALMOST = /^[ \t]*(?:#|\/\/)[ \t]*expect\w*[ \t]*[:=]/i;

function knownRule(ruleId: string, where: string): void {
  if (!ruleIds.has(ruleId)) throw new FixtureError(`${where}: unknown rule id "${ruleId}" (not in server/src/registry/rules.ts)`);
}

/**
 * Inline expectations. `# expect: <rule-id> [<severity>] ["<text>"]` (or `//` in Java) expects
 * one finding on the next line that is not a whole-line comment (after the last newline that is
 * the end of the file, where a reader reports an unclosed quote); whole-line comments are
 * transparent for findings too (a finding anchored on a leading comment belongs to the next line
 * that is not one). A comment that says `expect:` in any other form is an error, not a comment.
 */
export function inlineExpectations(text: string, label = 'fixture'): Expected[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: Expected[] = [];
  let pending: Omit<Expected, 'line'>[] = [];
  for (let i = 0; i < lines.length; i++) {
    const where = `${label}:${i + 1}`;
    const marker = EXPECT_LINE.exec(lines[i]);
    if (marker) {
      const m = EXPECT.exec(marker[1]);
      if (!m) throw new FixtureError(`${where}: malformed expectation, want \`# expect: <rule-id> [error|warning|info|hint] ["<text>"]\`: ${lines[i].trim()}`);
      knownRule(m[1], where);
      pending.push({ ruleId: m[1], severity: m[2] ?? ruleIds.get(m[1])!.defaultSeverity, ...(m[3] !== undefined ? { text: m[3] } : {}) });
      continue;
    }
    if (COMMENT.test(lines[i])) {
      if (ALMOST.test(lines[i])) throw new FixtureError(`${where}: malformed expectation: ${lines[i].trim()}`);
      continue;
    }
    for (const p of pending) out.push({ ...p, line: i });
    pending = [];
  }
  if (pending.length) throw new FixtureError(`${label}: an expectation at the end of the file has no line to apply to`);
  return out;
}

/** `<file>.expected.json`: `[{ "ruleId", "line" (1-based), "severity"?, "text"? }]`, every key checked. */
export function sidecarExpectations(json: string, label = 'expected.json'): Expected[] {
  let list: unknown;
  try {
    list = JSON.parse(json);
  } catch (e) {
    throw new FixtureError(`${label}: not JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(list)) throw new FixtureError(`${label}: want a list of expectations`);
  return list.map((e: Record<string, unknown>, i) => {
    const where = `${label}[${i}]`;
    const extra = Object.keys(e ?? {}).filter((k) => !['ruleId', 'line', 'severity', 'text'].includes(k));
    if (extra.length) throw new FixtureError(`${where}: unknown keys ${extra.join(', ')}`);
    if (typeof e.ruleId !== 'string') throw new FixtureError(`${where}: "ruleId" is missing`);
    knownRule(e.ruleId, where);
    if (!Number.isInteger(e.line) || (e.line as number) < 1) throw new FixtureError(`${where}: "line" is a 1-based line number`);
    if (e.severity !== undefined && !SEVERITIES.includes(e.severity as string)) throw new FixtureError(`${where}: severity "${e.severity}" is not one of ${SEVERITIES.join(', ')}`);
    if (e.text !== undefined && typeof e.text !== 'string') throw new FixtureError(`${where}: "text" is a string`);
    return {
      ruleId: e.ruleId,
      line: (e.line as number) - 1,
      severity: (e.severity as string | undefined) ?? ruleIds.get(e.ruleId)!.defaultSeverity,
      ...(e.text !== undefined ? { text: e.text as string } : {}),
    };
  });
}

function readJson(path: string, label: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new FixtureError(`${label}: not JSON: ${(e as Error).message}`);
  }
}

const OPTION_KEYS = ['defaultTarget', 'ruleSeverities', 'commandLineRules', 'projectConfig', 'declarations'];

/**
 * The check options of a fixture: `<file>.options.json` (the editor's settings, the CLI's
 * `--rule`, the project config taken to live in the case folder, the workspace's constant
 * declarations), and compose `env_file`s read from disk — only inside the case folder, through
 * the readers' one safe file reader, so an env_file outside it is "not read".
 */
export function fixtureOptions(file: string, root = RULE_FIXTURES): CheckOptions {
  const folder = caseFolder(file, root);
  const options: CheckOptions = { readReferencedFile: (p) => readReferenced(p, [folder]) };
  const sidecar = `${file}.options.json`;
  if (!existsSync(sidecar)) return options;
  const label = relative(root, sidecar);
  const raw = readJson(sidecar, label);
  const extra = Object.keys(raw).filter((k) => !OPTION_KEYS.includes(k));
  if (extra.length) throw new FixtureError(`${label}: unknown keys ${extra.join(', ')} (known: ${OPTION_KEYS.join(', ')})`);
  for (const layer of ['ruleSeverities', 'commandLineRules'] as const) {
    const severities = raw[layer] as Record<string, string> | undefined;
    for (const id of Object.keys(severities ?? {})) knownRule(id, `${label} ${layer}`);
    if (severities) options[layer] = severities as CheckOptions[typeof layer];
  }
  if (raw.defaultTarget) options.defaultTarget = raw.defaultTarget as CheckOptions['defaultTarget'];
  if (raw.projectConfig) options.projectConfig = { config: raw.projectConfig as never, file: join(folder, '.mendix-email.json'), problems: [] };
  if (raw.declarations) {
    // as the workspace hands them over (metadata.json's Constants), so a rule is tested apart from the reader
    const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const list = raw.declarations as { name: string; type?: string; defaultValue?: string }[];
    options.declarations = list.map((d): ConstantDeclaration => ({ name: d.name, type: d.type, defaultValue: d.defaultValue, file: join(folder, 'model', 'metadata.json'), range: zero }));
  }
  return options;
}

/** The file's expectations: its sidecar when there is one (inline markers are then not read), else inline. */
export function expectationsOf(file: string, text: string, root = RULE_FIXTURES): Expected[] {
  const sidecar = `${file}.expected.json`;
  if (existsSync(sidecar)) return sidecarExpectations(readFileSync(sidecar, 'utf8'), relative(root, sidecar));
  return inlineExpectations(text, relative(root, file));
}

/** The text after the first fix of every finding (what "fix all" offers). */
export function applyFirstFixes(text: string, findings: Finding[]): string {
  const lines = new LineIndex(text);
  const edits: { start: number; end: number; newText: string }[] = [];
  for (const f of findings) {
    for (const e of (f.fixes?.[0]?.edits ?? []) as TextEdit[]) edits.push({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText });
  }
  edits.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

const describe = (e: Omit<Expected, 'severity'> & { severity?: string }) => `${e.line + 1}: ${e.ruleId}${e.severity ? ` ${e.severity}` : ''}${e.text !== undefined ? ` "${e.text}"` : ''}`;

export interface FixtureOutcome {
  /** expectations no finding met */
  missing: string[];
  /** findings no expectation named */
  extra: string[];
  /** everything else that is wrong: messages, the `.fixed` text */
  problems: string[];
}

/**
 * Checks one fixture; what differs is in the outcome (empty lists: the fixture holds). A broken
 * fixture (layout, grammar, sidecars) throws FixtureError.
 */
export function runFixture(file: string, root = RULE_FIXTURES): FixtureOutcome {
  const name = relative(root, file);
  const text = readFileSync(file, 'utf8');
  const expected = expectationsOf(file, text, root);
  // checkDocument plus the text for the rules, and only the fixes the editor offers (withText.ts)
  const result = checkWithText({ path: file, text }, fixtureOptions(file, root));
  if (!result) throw new FixtureError(`${name} is not recognised as a settings file (its name picks the reader)`);
  const lines = new LineIndex(text);
  const textLines = text.split(/\r\n|\r|\n/);
  // comments are transparent: a finding on a whole-line comment counts on the next line that is not one
  const lineOf = (f: Finding) => {
    let line = f.range.start.line;
    while (line < textLines.length - 1 && COMMENT.test(textLines[line])) line++;
    return line;
  };
  const covered = (f: Finding) => text.slice(lines.offsetAt(f.range.start), lines.offsetAt(f.range.end));
  const unmatched = [...result.findings];
  const missing: string[] = [];
  for (const e of expected) {
    const i = unmatched.findIndex((f) => f.ruleId === e.ruleId && lineOf(f) === e.line && f.severity === e.severity && (e.text === undefined || covered(f) === e.text));
    if (i < 0) missing.push(describe(e));
    else unmatched.splice(i, 1);
  }
  const extra = unmatched.map((f) => `${lineOf(f) + 1}: ${f.ruleId} ${f.severity} "${covered(f)}" — ${f.message}`);
  const problems: string[] = [];
  for (const f of result.findings) if (!/^[A-Z"`].*[.?]$/s.test(f.message)) problems.push(`${f.ruleId}: "${f.message}" is not a sentence (a capital or quote first, a full stop or question mark last)`);
  const fixed = `${file}.fixed`;
  if (existsSync(fixed)) {
    const after = applyFirstFixes(text, result.findings);
    // (a `.fixed` equal to the file says fix-all must leave it alone: a fix withheld on purpose)
    if (after !== readFileSync(fixed, 'utf8')) problems.push(`${name}.fixed: the text after the first fix of every finding differs:\n${after}`);
  }
  return { missing, extra, problems };
}

/** The folder of a fixture's rule or topic, for listings. */
export const topicOf = (file: string, root = RULE_FIXTURES) => relative(root, dirname(file)).split(sep)[0];
