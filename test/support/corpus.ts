// The real corpus (files from public Mendix repositories, kept outside this repository) comes
// from one place: MENDIX_EMAIL_CORPUS, a folder relative to the repository root (default
// ../shared/corpus/real). Every test that reads it asks `needsCorpus`: without the corpus it is
// skipped locally and fails in CI (test/support/cannotRun.ts).
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cannotRun } from './cannotRun';

const ROOT = join(__dirname, '..', '..');

/** The folder of the real corpus (absolute). */
export const CORPUS = resolve(ROOT, process.env.MENDIX_EMAIL_CORPUS || join('..', 'shared', 'corpus', 'real'));

export const corpusMissing: string | false = existsSync(join(CORPUS, 'README.md'))
  ? false
  : `the real corpus is not at ${CORPUS} (set MENDIX_EMAIL_CORPUS to its folder)`;

/** Test options for a test that reads the corpus. */
export function needsCorpus(): { skip?: string } {
  return cannotRun(corpusMissing);
}

/** The corpus's files (without its README), or none when it is missing. */
export function corpusFiles(): string[] {
  return corpusMissing ? [] : readdirSync(CORPUS).filter((f) => f !== 'README.md').sort();
}
