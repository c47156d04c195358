// What the Problems panel must show for a fixture file: the same core the language server
// runs, in process, so the test checks the editor shows every finding where it belongs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument } from '../../../server/src/engine/check';
import type { Finding } from '../../../server/src/core/types';
import { repoRoot } from './tools';

export function fixturePath(fixture: string, file: string): string {
  return join(repoRoot, 'test', 'e2e', 'fixtures', fixture, file);
}

export function expectedFindings(fixture: string, file: string, languageId = 'yaml'): Finding[] {
  const path = fixturePath(fixture, file);
  const result = checkDocument({ path, text: readFileSync(path, 'utf8'), languageId }, {});
  if (!result) throw new Error(`${file} is not a settings file the engine understands`);
  return result.findings;
}

/** 1-based line of the first line containing `text` in a fixture file, as the Problems panel shows it. */
export function lineOf(fixture: string, file: string, text: string): number {
  const index = readFileSync(fixturePath(fixture, file), 'utf8').split('\n').findIndex((l) => l.includes(text));
  if (index < 0) throw new Error(`${file} has no line containing ${text}`);
  return index + 1;
}
