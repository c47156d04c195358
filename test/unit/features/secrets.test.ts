// One definition of "secret" (server/src/settings/secrets.ts) and no feature that shows one:
// every fixture and corpus file with a canary written into each secret, then every finding
// (message, fix titles), hover (on every key and value), code lens and completion (at every
// line's end and every value) is searched for the canary. `Mail.ApiKey` beside
// `Mail.SMTPPassword` was shown in the hover while the rules treated it as a password.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDocument } from '../../../server/src/engine/check';
import { hoverAt } from '../../../server/src/features/hover';
import { codeLensesFor } from '../../../server/src/features/codeLens';
import { completionsAt } from '../../../server/src/features/completion';
import { isSecret, isSecretName } from '../../../server/src/settings/secrets';
import { CANARY, withCanarySecrets } from '../../support/canary';
import { settingsFiles } from '../../support/settingsFiles';

/** A file of each kind with more than one secret: the second password, an API key, an encryption key. */
const EXTRA = [
  { path: '/ws/extra/.env', text: `MX_Mail_SMTPHost=smtp.example.org\nMX_Mail_SMTPPassword=${CANARY}\nMX_Mail_ApiKey=${CANARY}\nMX_Encryption_EncryptionKey=${CANARY}\n` },
  {
    path: '/ws/extra/m2ee.yaml',
    text: `mxruntime:\n  MicroflowConstants:\n    Mail.SMTPHost: smtp.example.org\n    Mail.ApiKey: ${CANARY}\n    Mail.ApiKey: ${CANARY}\n    Encryption.EncryptionKey: "${CANARY}"\n`,
  },
  {
    path: '/ws/extra/model/metadata.json',
    text: `{"RuntimeVersion": "10.0", "Constants": [{"Name": "Mail.SMTPPassword", "Type": "String", "DefaultValue": "${CANARY}"}, {"Name": "Encryption.EncryptionKey", "Type": "String", "DefaultValue": "${CANARY}"}]}`,
  },
];

function assertNoCanary(where: string, value: unknown): void {
  const text = JSON.stringify(value) ?? '';
  assert.ok(!text.includes(CANARY), `${where} shows the secret: ${text.slice(Math.max(0, text.indexOf(CANARY) - 200), text.indexOf(CANARY) + 40)}`);
}

test('the one definition: by role (names, Mail.ApiKey included), by name alone (Encryption.EncryptionKey)', () => {
  for (const name of ['Mail.SMTPPassword', 'Mail.ApiKey', 'Email_Connector.SMTPPassword', 'Encryption.EncryptionKey', 'MX_Mail_ApiKey']) assert.ok(isSecretName(name), name);
  for (const name of ['Mail.SMTPHost', 'Mail.SMTPUsername', 'Other.ApiKey']) assert.ok(!isSecretName(name), name);
  const result = checkDocument(EXTRA[0])!;
  const secrets = result.settings[0].scope.assignments.filter((a) => isSecret(result.settings[0], a)).map((a) => a.key);
  assert.deepEqual(secrets, ['MX_Mail_SMTPPassword', 'MX_Mail_ApiKey', 'MX_Encryption_EncryptionKey']);
});

test('no finding, hover, code lens or completion shows a secret, in any fixture or corpus file', () => {
  const files = [...settingsFiles().map((f) => ({ ...f, ...withCanarySecrets(f.path, f.text) })), ...EXTRA.map((f) => ({ ...f, label: f.path, count: 1 }))];
  const withSecrets = files.filter((f) => f.count > 0);
  assert.ok(withSecrets.length >= 10, `canaries written into ${withSecrets.length} files`);
  for (const file of withSecrets) {
    assert.ok(file.text.includes(CANARY));
    const result = checkDocument({ path: file.path, text: file.text });
    assert.ok(result, file.label);
    for (const f of result.findings) assertNoCanary(`${file.label}: ${f.ruleId} message / fix titles`, { message: f.message, fixes: f.fixes?.map((x) => x.title) });
    assertNoCanary(`${file.label}: code lens`, codeLensesFor('file:///x', result).map((l) => l.title));
    const declarations = result.read.declarations;
    for (const settings of result.settings) {
      for (const a of settings.scope.assignments) {
        for (const position of [a.keyRange.start, a.valueRange.start, a.valueRange.end]) {
          assertNoCanary(`${file.label}: hover at ${position.line}:${position.character}`, hoverAt(result, position, declarations)?.contents);
          assertNoCanary(`${file.label}: completion at ${position.line}:${position.character}`, completionsAt(file.text, position, result.read.kind, declarations));
        }
      }
    }
    const lines = file.text.split(/\r\n|\r|\n/);
    lines.forEach((line, i) => {
      assertNoCanary(`${file.label}: completion at the end of line ${i + 1}`, completionsAt(file.text, { line: i, character: line.length }, result.read.kind, declarations));
    });
  }
});
