// The real files of the corpus (MENDIX_EMAIL_CORPUS, test/support/corpus.ts) (copied under their original names): the test-send
// path reads each without crashing and says plainly that it has nothing to send with.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { checkDocument } from '../../server/src/engine/check';
import { runVerify } from '../../server/src/cli/sendTest';
import { mailSettingsResponse } from '../../server/src/lsp/mailSettingsRequest';
import { CORPUS, corpusFiles, needsCorpus } from '../support/corpus';

const dir = mkdtempSync(join(tmpdir(), 'mendix-email-corpus-smtp-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** `repo.path.to.m2ee.yaml` → `m2ee.yaml`; `….dev.env` → `.env`; `….docker-compose-x.yml` stays a compose name. */
function originalName(file: string): string {
  if (file.endsWith('.env')) return '.env';
  if (file.endsWith('m2ee.yaml')) return 'm2ee.yaml';
  const m = /(docker-compose[^.]*\.yml)$/.exec(file);
  return m ? m[1] : file;
}

// a missing corpus: skipped here with the reason, a failure in CI (test/support/cannotRun.ts)
const options = needsCorpus();
const files = corpusFiles();
if (options.skip) test('corpus files: no crash, no SMTP scope, a clear message', options, () => {});

for (const file of files) {
  test(`corpus ${file}: no crash, no SMTP scope, a clear message`, options, async () => {
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
