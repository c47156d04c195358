// Cross-file knowledge the files state themselves: a compose service's `env_file` entries are
// read and their variables merged into the service's scope, before its own `environment`
// (compose: `environment` beats `env_file`; equal channels → the later assignment wins in
// precedence.ts; a later CONSTANTS replaces an earlier one whole, told apart by `fromFile` and
// `constantsLine`). The merged assignments carry `fromFile` and sit, in this file, on the
// `env_file` entry that brought them; `fromLine` keeps their line in the other file.
import * as path from 'node:path';
import type { Assignment, Range, ReaderProblem, ReadResult, Scope } from '../core/types';
import type { CheckOptions, CheckResult } from '../core/settings';
import { ReadContext } from '../sources/context';
import { readDotenvFile } from '../sources/dotenv';

/** The read result with each compose scope's env_file variables merged in; the same object when there are none. */
export function withEnvFiles(read: ReadResult, filePath: string, options: CheckOptions): ReadResult {
  const readFile = options.readReferencedFile;
  if (!readFile || !read.scopes.some((s) => s.envFiles?.length)) return read;
  const folder = path.dirname(filePath);
  const notRead: ReaderProblem[] = [];
  const scopes = read.scopes.map((scope): Scope => {
    if (!scope.envFiles?.length) return scope;
    const merged: Assignment[] = [];
    // the service's own CONSTANTS beats every env_file's; else the last env_file's
    let constantsVariable = scope.constantsVariable;
    let fromEnvFiles: Scope['constantsVariable'];
    for (const file of scope.envFiles) {
      const absolute = path.resolve(folder, file.path);
      let text: string | { notRead: string } | undefined;
      try {
        text = readFile(absolute);
      } catch {
        text = undefined;
      }
      if (text === undefined) continue;
      if (typeof text !== 'string') {
        // said on the entry: its values are not checked, and nothing of the file is shown
        notRead.push({ ruleId: 'env-file-not-read', range: file.range, message: `The env_file ${file.path} was not read: ${text.notRead}; its variables are not checked.` });
        continue;
      }
      const fromOther = readDotenvFile(new ReadContext(absolute, text), path.basename(absolute));
      if (fromOther.constantsVariable) fromEnvFiles = { line: fromOther.constantsVariable.line, fromFile: file.path };
      for (const a of fromOther.assignments) {
        // constantsLine (set by the reader) stays: with fromFile it names the CONSTANTS it came from
        merged.push({ ...a, fromFile: file.path, fromLine: a.keyRange.start.line, keyRange: file.range, valueRange: file.range, entryRange: file.range });
      }
    }
    constantsVariable ??= fromEnvFiles;
    if (merged.length === 0 && constantsVariable === scope.constantsVariable) return scope;
    return { ...scope, assignments: [...merged, ...scope.assignments], ...(constantsVariable ? { constantsVariable } : {}) };
  });
  return notRead.length ? { ...read, scopes, problems: [...read.problems, ...notRead] } : { ...read, scopes };
}

/**
 * A quick fix may only edit this file: a fix whose edit lands on an `env_file` entry would
 * rewrite the entry instead of the value in the other file, so it is dropped.
 */
export function withoutFixesOnEnvFiles(result: CheckResult): CheckResult {
  const entries = result.read.scopes.flatMap((s) => s.envFiles ?? []).map((f) => f.range);
  if (entries.length === 0) return result;
  const same = (a: Range, b: Range) =>
    a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
  for (const finding of result.findings) {
    if (!finding.fixes) continue;
    const kept = finding.fixes.filter((fix) => !fix.edits.some((e) => entries.some((r) => same(e.range, r))));
    if (kept.length === 0) delete finding.fixes;
    else finding.fixes = kept;
  }
  return result;
}
