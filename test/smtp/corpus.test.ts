// The real files of shared/corpus/real (copied under their original names): the test-send
// path reads each without crashing and says plainly that it has nothing to send with.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { checkDocument } from '../../server/src/engine/check';
import { runVerify } from '../../server/src/cli/sendTest';
import { mailSettingsResponse } from '../../server/src/lsp/mailSettingsRequest';

// shared/ sits beside the project's root, in a clone as in CI
const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'real');
const dir = mkdtempSync(join(tmpdir(), 'mendix-email-corpus-smtp-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** `repo.path.to.m2ee.yaml` → `m2ee.yaml`; `….dev.env` → `.env`; `….docker-compose-x.yml` stays a compose name. */
function originalName(file: string): string {
  if (file.endsWith('.env')) return '.env';
  if (file.endsWith('m2ee.yaml')) return 'm2ee.yaml';
  const m = /(docker-compose[^.]*\.yml)$/.exec(file);
  return m ? m[1] : file;
}

// a missing corpus is a failure (readdirSync throws), never a silent pass
const files = readdirSync(CORPUS).filter((f) => f !== 'README.md');

for (const file of files) {
  test(`corpus ${file}: no crash, no SMTP scope, a clear message`, async () => {
    const sub = mkdtempSync(join(dir, 'f-'));
    const path = join(sub, originalName(file));
    copyFileSync(join(CORPUS, file), path);
    const result = checkDocument({ path, text: readFileSync(path, 'utf8') });
    assert.ok(result, 'read as a settings file');
    const answer = mailSettingsResponse(`file://${path}`, result, { uri: `file://${path}` });
    assert.equal(answer.scopes.length, 0, 'these files set no SMTP settings');
    const out = { stdout: '', stderr: '' };
    const code = await runVerify([path], { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) }, cwd: sub, env: {} });
    assert.equal(code, 2);
    assert.match(out.stderr, /sets no SMTP settings/);
  });
}
