// `check --fix` / `--fix-dry-run`: the edits of the editor's "Fix all safe Mendix Email
// problems" (engine/offeredFixes.fixAllEdits, the one code path both use), applied to the
// files on disk or shown as a diff. A fix that would put a password into a file is not
// applied, and a diff never shows one: the values are masked as the editor's hover does.
import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { CheckResult, LoadedProjectConfig } from '../core/settings';
import { fixAllEdits } from '../engine/offeredFixes';
import { applyEdits } from '../ruleKit/editCheck';
import { roleOfAssignment } from '../settings/mailSettings';
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
  fix(path: string, text: string, result: CheckResult, recheck: (text: string) => CheckResult | undefined, projectConfig?: LoadedProjectConfig): CheckResult {
    const edits = fixAllEdits(result.findings, { path, text, read: result.read });
    if (edits.length === 0) return result;
    const secrets = secretValues(result, projectConfig);
    if (edits.some((e) => secrets.some((s) => e.newText.includes(s)))) {
      this.fixed.push({ path, edits: 0, refused: 'a fix would write a password into the file' });
      return result;
    }
    const after = applyEdits(text, edits);
    if (this.mode === 'dry-run') {
      this.fixed.push({ path, edits: edits.length, diff: mask(unifiedDiff(path, text, after, this.cwd), secrets) });
      return result;
    }
    try {
      // the check read the text without its BOM; the file keeps it
      writeFileSync(path, startsWithBom(path) ? `\uFEFF${after}` : after);
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

function startsWithBom(path: string): boolean {
  const head = Buffer.alloc(3);
  const fd = openSync(path, 'r');
  try {
    return readSync(fd, head, 0, 3, 0) === 3 && head.equals(Buffer.from([0xef, 0xbb, 0xbf]));
  } finally {
    closeSync(fd);
  }
}

/** The literal password values a file holds (by name, or mapped to the password role in .mendix-email.json). */
function secretValues(result: CheckResult, projectConfig?: LoadedProjectConfig): string[] {
  const mapped = projectConfig?.config.roles ?? {};
  const values = new Set<string>();
  for (const scope of result.read.scopes) {
    for (const a of scope.assignments) {
      const role = mapped[a.name] ?? roleOfAssignment(a);
      if (role === 'password' && a.valueKind === 'literal' && a.value.trim() !== '') values.add(a.value);
    }
  }
  // longest first, so a password that contains another one is masked whole
  return [...values].sort((a, b) => b.length - a.length);
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
