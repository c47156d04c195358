// No finding ever repeats a password: over every rule fixture and every file of the real corpus,
// each literal value of a constant in the password role (by name, or the scope's password) is
// looked for in every message and fix title. A second password constant (Mail.ApiKey beside
// Mail.SMTPPassword), and the overridden copies of one, are passwords too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { roleOfAssignment } from '../../../server/src/settings/mailSettings';
import { checkWithText } from './withText';
import { CORPUS, needsCorpus } from '../../support/corpus';

const root = join(__dirname, '..', '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(md|fixed|expected\.json|options\.json)$/.test(name) ? [] : [path];
  });
}

/** Checks every file under the folders; returns how many passwords it looked for. */
function passwordsNeverRepeated(folders: string[]): number {
  let passwordsSeen = 0;
  for (const folder of folders) {
    for (const path of files(folder)) {
      const result = checkWithText({ path, text: readFileSync(path, 'utf8') });
      if (!result) continue;
      const passwords = new Set<string>();
      for (const s of result.settings) {
        const inRole = [s.roles.password, ...(s.alsoInRole.password ?? [])];
        for (const a of s.scope.assignments) {
          const password = roleOfAssignment(a) === 'password' || inRole.some((p) => p?.name === a.name);
          // short values ("x", "1") would match any text; a real password is longer
          if (password && a.valueKind === 'literal' && a.value.length >= 6) passwords.add(a.value);
        }
      }
      passwordsSeen += passwords.size;
      for (const f of result.findings) {
        for (const said of [f.message, ...(f.fixes ?? []).map((x) => x.title)]) {
          for (const p of passwords) assert.ok(!said.includes(p), `${relative(root, path)}: ${f.ruleId} says a password: ${said}`);
        }
      }
    }
  }
  return passwordsSeen;
}

test('no message or fix title repeats a password, in any rule fixture', () => {
  const passwordsSeen = passwordsNeverRepeated([join(root, 'test', 'fixtures', 'rules')]);
  assert.ok(passwordsSeen >= 10, `the fixtures hold passwords to look for (${passwordsSeen})`);
});

test('no message or fix title repeats a password, in any real corpus file', needsCorpus(), () => {
  passwordsNeverRepeated([CORPUS]);
});
