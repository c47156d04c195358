// `check --fix` / `--fix-dry-run`: the edits of the editor's "Fix all safe Mendix Email
// problems" (engine/offeredFixes.fixAllEdits, the one code path both use), applied to the
// files on disk or shown as a diff. A fix that would put a secret into a file is not applied,
// and a diff never shows one: the secrets (settings/secrets.ts, the one definition) are masked
// as the editor's hover does. A file written keeps its encoding, byte order mark and line ends.
import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { CheckResult } from '../core/settings';
import type { TextEdit } from '../core/types';
import { encodeText, encodingOf, type TextEncodingName } from '../core/decodeText';
import { fixAllEdits } from '../engine/offeredFixes';
import { applyEdits } from '../ruleKit/editCheck';
import { secretAssignments } from '../settings/secrets';
import { LineIndex } from '../sources/index';
import { unifiedDiff } from './unifiedDiff';
import { escapeControls } from '../core/visibleText';

export type FixMode = 'write' | 'dry-run';

export interface FixedFile {
  path: string;
  /** how many edits were applied (or would be) */
  edits: number;
  /** written: the rule ids of the problems the fixes removed, one per problem */
  fixedRules?: string[];
  /** dry run: the unified diff, secrets masked */
  diff?: string;
  /** why the file was left alone */
  refused?: string;
  /** writing the file failed */
  error?: string;
}

export const MASK = '********';

export class FileFixer {
  readonly fixed: FixedFile[] = [];

  constructor(
    readonly mode: FixMode,
    /** diff file names are relative to this */
    readonly cwd: string,
  ) {}

  /**
   * Fixes one checked file; returns the check of the fixed text (what is left to report), or
   * the original result when nothing was changed. `recheck` checks a text of the same file
   * with the same options.
   */
  fix(path: string, text: string, result: CheckResult, recheck: (text: string) => CheckResult | undefined): CheckResult {
    const eol = lineEndOf(text);
    // as VS Code does with an edit it applies: new lines take the document's line end
    const edits: TextEdit[] = fixAllEdits(result.findings, { path, text, read: result.read }).map((e) => ({ ...e, newText: e.newText.replace(/\r?\n/g, eol) }));
    if (edits.length === 0) return result;
    const secrets = secretTexts(result, text);
    if (edits.some((e) => secrets.some((s) => e.newText.includes(s)))) {
      this.fixed.push({ path, edits: 0, refused: 'a fix would write a secret (a password or key) into the file' });
      return result;
    }
    const after = applyEdits(text, edits);
    if (this.mode === 'dry-run') {
      this.fixed.push({ path, edits: edits.length, diff: mask(unifiedDiff(path, text, after, this.cwd), secrets) });
      return result;
    }
    try {
      // the check read the text decoded, its BOM dropped (core/decodeText.ts); the file keeps both
      writeFileSync(path, encodeText(after, encodingOfFile(path)));
    } catch (error) {
      this.fixed.push({ path, edits: 0, error: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
      return result;
    }
    const left = recheck(after) ?? result;
    const remaining = left.findings.map((f) => `${f.ruleId}\u0000${f.message}`);
    const fixedRules = result.findings.flatMap((f) => {
      const at = remaining.indexOf(`${f.ruleId}\u0000${f.message}`);
      if (at >= 0) remaining.splice(at, 1);
      return at >= 0 ? [] : [f.ruleId];
    });
    this.fixed.push({ path, edits: edits.length, fixedRules });
    return left;
  }
}

/** The encoding the file's byte order mark names: what the text was decoded from. */
function encodingOfFile(path: string): TextEncodingName {
  const head = Buffer.alloc(3);
  const fd = openSync(path, 'r');
  try {
    return encodingOf(head.subarray(0, readSync(fd, head, 0, 3, 0)));
  } finally {
    closeSync(fd);
  }
}

/** The text's line end: that of its first line (a file without one gets \n). */
function lineEndOf(text: string): string {
  const at = text.indexOf('\n');
  return at > 0 && text[at - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * Every text of the file that shows a secret: each secret's value as read, and as written (quoted,
 * escaped, over several lines), so neither form reaches a diff. Longest first, so a secret that
 * contains another one is masked whole.
 */
function secretTexts(result: CheckResult, text: string): string[] {
  const lines = new LineIndex(text);
  const texts = new Set<string>();
  for (const settings of result.settings) {
    for (const a of secretAssignments(settings)) {
      if (a.valueKind !== 'literal') continue;
      if (a.value.trim() !== '') texts.add(a.value);
      // a value from an env_file is written in that file: its ranges are not in this text
      if (a.fromFile !== undefined) continue;
      const written = text.slice(lines.offsetAt(a.valueRange.start), lines.offsetAt(a.valueRange.end));
      for (const line of written.split(/\r?\n/)) if (line.trim() !== '') texts.add(line.trim());
    }
  }
  return [...texts].sort((a, b) => b.length - a.length);
}

function mask(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join(MASK);
  return out;
}

/**
 * What --fix changed, on stderr (stdout holds the report); --fix-dry-run's diff on stdout when
 * the report is text or goes to a file, else on stderr, so a JSON or SARIF report stays parseable.
 */
export function reportFixes(fixer: FileFixer, options: { format: string; output?: string }, io: { stdout: { write(t: string): unknown }; stderr: { write(t: string): unknown }; cwd: string }): void {
  const diffTo = options.format === 'text' || options.output !== undefined ? io.stdout : io.stderr;
  for (const f of fixer.fixed) {
    const name = relative(io.cwd, f.path).split(sep).join('/');
    if (f.refused) io.stderr.write(`mendix-email: ${name}: not fixed: ${f.refused}\n`);
    else if (f.error) io.stderr.write(`mendix-email: ${name}: could not write the fixes (${f.error})\n`);
    // the diff shows file text: control characters escaped like every text output
    else if (f.diff !== undefined) diffTo.write(escapeControls(f.diff));
    else {
      const rules = [...new Set(f.fixedRules)].join(', ');
      const count = f.fixedRules?.length ?? 0;
      io.stderr.write(`mendix-email: ${name}: fixed ${count} ${count === 1 ? 'problem' : 'problems'}${rules ? ` (${rules})` : ''}\n`);
    }
  }
  if (fixer.mode === 'dry-run' && !fixer.fixed.some((f) => f.diff)) io.stderr.write('mendix-email: no safe fixes to apply\n');
}
