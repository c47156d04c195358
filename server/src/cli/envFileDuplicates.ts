// A compose file's findings about the variables its env_file brought in sit on the env_file
// line; when the run also checks that env file, the same finding shows up there, at the
// value itself. Reported twice it would also count twice against --max-warnings: keep the
// one at the file that holds the value.
import type { Finding, Range } from '../core/types';

/** One `env_file:` entry of a checked compose file: where it is written and the file it names. */
export interface EnvFileReference {
  /** the compose file (absolute) */
  from: string;
  /** the env file (absolute) */
  to: string;
  /** the env_file entry in the compose file */
  range: Range;
}

const sameRange = (a: Range, b: Range) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

/** Drops, in place, compose-file findings that the checked env file reports itself (same rule, same message). */
export function dropEnvFileDuplicates(findings: Map<string, Finding[]>, references: readonly EnvFileReference[]): void {
  for (const ref of references) {
    const inEnvFile = findings.get(ref.to);
    const inCompose = findings.get(ref.from);
    if (!inEnvFile || !inCompose) continue;
    const there = new Set(inEnvFile.map((f) => `${f.ruleId}\u0000${f.message}`));
    findings.set(ref.from, inCompose.filter((f) => !(sameRange(f.range, ref.range) && there.has(`${f.ruleId}\u0000${f.message}`))));
  }
}
