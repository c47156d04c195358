// The GitHub Action (action.yml) runs the npm release of its own version: this writes
// package.json's version into action.yml's MENDIX_EMAIL_VERSION. Run by `npm version` (the
// "version" script), so a release commit and its tag always agree; `--check` only compares
// (test/cli/action.test.ts runs it).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const file = join(root, 'action.yml');
const text = readFileSync(file, 'utf8');
const line = /^(\s+MENDIX_EMAIL_VERSION: )(\S+)$/m;
const match = line.exec(text);
if (!match) {
  console.error('action.yml has no MENDIX_EMAIL_VERSION line');
  process.exit(2);
}
if (match[2] === version) process.exit(0);
if (process.argv.includes('--check')) {
  console.error(`action.yml runs mendix-email@${match[2]}, package.json is ${version}: run node scripts/sync-cli-version.mjs`);
  process.exit(1);
}
writeFileSync(file, text.replace(line, `$1${version}`));
console.log(`action.yml now runs mendix-email@${version}`);
