// No secret in any CLI report: every fixture and corpus file with a canary in each secret
// (settings/secrets.ts), checked as one folder in every output format.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ensureBuilt, makeTree, removeTree, runCli } from './support/cli';
import { CANARY, withCanarySecrets } from '../support/canary';
import { settingsFiles } from '../support/settingsFiles';

let dir = '';
let written = 0;

before(() => {
  ensureBuilt();
  const tree: Record<string, string> = {
    'extra/.env': `MX_Mail_SMTPHost=smtp.sendgrid.net\nMX_Mail_SMTPPassword=${CANARY}\nMX_Mail_ApiKey=${CANARY}\nMX_Encryption_EncryptionKey=${CANARY}\nMX_Mail_ApiKey=${CANARY}\n`,
  };
  for (const file of settingsFiles()) {
    const { text, count } = withCanarySecrets(file.path, file.text);
    if (count === 0) continue;
    tree[file.path.replace(/^\/ws\//, '')] = text;
    written++;
  }
  dir = makeTree(tree);
});
after(() => removeTree(dir));

for (const format of ['text', 'json', 'sarif']) {
  test(`--format ${format}: findings for the files, never the secret`, async () => {
    assert.ok(written >= 10, `canaries in ${written} files`);
    const run = await runCli(['check', '.', '--format', format, '--target', 'mendix-cloud'], dir);
    assert.ok(run.stdout.length > 1000, run.stderr);
    for (const [stream, text] of [['stdout', run.stdout], ['stderr', run.stderr]]) {
      const at = text.indexOf(CANARY);
      assert.equal(at, -1, `${stream} shows the secret: ${text.slice(Math.max(0, at - 300), at + 30)}`);
    }
  });
}
