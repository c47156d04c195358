// password-in-plain-text's fixes at the rule level: the Kubernetes Secret reference, the
// .gitignore edit for a .env file (an edit to another file, Fix.otherFiles), and the promise
// that no message, title or edit ever repeats the password.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CheckOptions } from '../../../server/src/core/settings';
import type { Finding } from '../../../server/src/core/types';
import { checkDocument } from '../../../server/src/engine/check';
import { gitignorePattern, secretNameFor } from '../../../server/src/ruleKit/passwordFixes';
import { checkWithText } from './withText';

const PASSWORD = 'Zq9-unusual-Secret';

function passwordFinding(path: string, text: string, options: CheckOptions = {}): Finding {
  const found = checkWithText({ path, text }, options)!.findings.filter((f) => f.ruleId === 'password-in-plain-text');
  assert.equal(found.length, 1, `one finding in ${path}`);
  return found[0];
}

const dotenv = `MX_Mail_SMTPHost=smtp.mycompany.nl\nMX_Mail_SMTPUsername=me@mycompany.nl\nMX_Mail_SMTPPassword=${PASSWORD}\n`;

test('.env: the fix creates the folder\'s .gitignore (or writes at its start) when it cannot be read', () => {
  const f = passwordFinding('/repo/app/.env', dotenv);
  assert.match(f.message, /add \.env to \.gitignore/);
  const fix = f.fixes?.[0];
  assert.ok(fix);
  assert.equal(fix.safe, false);
  assert.deepEqual(fix.edits, [], 'nothing changes in the .env itself');
  assert.match(fix.title, /^Add \.env to \.gitignore .*git rm --cached \.env/);
  const zero = { line: 0, character: 0 };
  assert.deepEqual(fix.otherFiles, [{ path: '/repo/app/.gitignore', createIfMissing: true, edits: [{ range: { start: zero, end: zero }, newText: '.env\n' }] }]);
});

test('.env: the fix appends to an existing .gitignore, on a line of its own', () => {
  const reads: string[] = [];
  const withGitignore = (content: string): CheckOptions => ({ readReferencedFile: (p) => (reads.push(p), p === '/repo/app/.gitignore' ? content : undefined) });
  const noNewline = passwordFinding('/repo/app/.env.local', dotenv, withGitignore('node_modules\r\n/dist')).fixes![0].otherFiles;
  assert.deepEqual(reads, ['/repo/app/.gitignore']);
  const end = { line: 1, character: 5 };
  assert.deepEqual(noNewline, [{ path: '/repo/app/.gitignore', edits: [{ range: { start: end, end }, newText: '\n.env.local\n' }] }]);
  const withNewline = passwordFinding('/repo/app/.env', dotenv, withGitignore('node_modules\n')).fixes![0].otherFiles![0];
  assert.deepEqual(withNewline.edits, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '.env\n' }]);
  assert.equal(withNewline.createIfMissing, undefined);
  const empty = passwordFinding('/repo/app/.env', dotenv, withGitignore('')).fixes![0].otherFiles![0];
  assert.equal(empty.edits[0].newText, '.env\n');
});

test('.env already in .gitignore but tracked: no .gitignore edit, the message says git rm --cached', () => {
  for (const line of ['.env', '/.env', '  **/.env  ']) {
    const f = passwordFinding('/repo/app/.env', dotenv, { isTrackedByGit: () => true, readReferencedFile: () => `# local\n${line}\n` });
    assert.equal(f.fixes, undefined);
    assert.match(f.message, /listed in \.gitignore but git still tracks it: run `git rm --cached \.env`/);
  }
  // a pattern for another file does not count
  const other = passwordFinding('/repo/app/.env', dotenv, { readReferencedFile: () => '.env.local\n' });
  assert.equal(other.fixes?.[0].otherFiles?.[0].edits[0].newText, '.env\n');
});

test('.gitignore patterns match the name exactly', () => {
  assert.equal(gitignorePattern('.env'), '.env');
  assert.equal(gitignorePattern('.env[prod]*'), '.env\\[prod\\]\\*');
  assert.equal(gitignorePattern('#.env'), '\\#.env');
  assert.equal(gitignorePattern('!x.env'), '\\!x.env');
});

test('Kubernetes: the Secret is named after the workload, DNS-1123 safe', () => {
  assert.equal(secretNameFor('Deployment orders / container app'), 'orders-smtp');
  assert.equal(secretNameFor('CronJob Nightly Report / container x'), 'nightly-report-smtp');
  assert.equal(secretNameFor('Deployment / container app'), 'mendix-smtp');
  assert.equal(secretNameFor('ConfigMap mail'), 'mendix-smtp');
});

const deployment = (item: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          env:\n            - name: MX_Mail_SMTPHost\n              value: smtp.mycompany.nl\n${item}`;

test('Kubernetes: the message and the fix title say the Secret must exist and how to create it', () => {
  const f = passwordFinding('/repo/k8s/deployment.yaml', deployment(`            - name: MX_Mail_SMTPPassword\n              value: ${PASSWORD}\n`));
  const command = 'kubectl create secret generic orders-smtp --from-literal=password=<the password>';
  assert.ok(f.message.includes(command), f.message);
  assert.equal(f.fixes?.[0].title, `Read MX_Mail_SMTPPassword from the Secret orders-smtp (it must exist: ${command})`);
  assert.equal(f.fixes?.[0].safe, false);
});

test('Kubernetes: the encryption key is named as what it is and gets its own key in the Secret (not the password\'s)', () => {
  const f = passwordFinding('/repo/k8s/deployment.yaml', deployment(`            - name: MX_Encryption_EncryptionKey\n              value: ${PASSWORD}\n`));
  const command = 'kubectl create secret generic orders-smtp --from-literal=encryption-key=<the value>';
  assert.match(f.message, /^The encryption key in Encryption\.EncryptionKey is written in plain text/);
  assert.ok(f.message.includes(command), f.message);
  assert.equal(f.fixes?.[0].title, `Read MX_Encryption_EncryptionKey from the Secret orders-smtp (it must exist: ${command})`);
  assert.match(f.fixes?.[0].edits[0].newText ?? '', /key: encryption-key$/);
  assert.ok(!f.message.includes(PASSWORD) && !f.fixes?.[0].title.includes(PASSWORD));
});

test('Kubernetes: no edit where the value key cannot be rewritten exactly (multi-line value), and none without the text', () => {
  const folded = passwordFinding('/repo/k8s/deployment.yaml', deployment(`            - name: MX_Mail_SMTPPassword\n              value: >-\n                ${PASSWORD}\n`));
  assert.equal(folded.fixes, undefined);
  // checkDocument does not give the rules the text yet: the Secret edit waits for it, the message does not
  const text = deployment(`            - name: MX_Mail_SMTPPassword\n              value: ${PASSWORD}\n`);
  const plain = checkDocument({ path: '/repo/k8s/deployment.yaml', text })!.findings.find((x) => x.ruleId === 'password-in-plain-text')!;
  assert.match(plain.message, /kubectl create secret generic orders-smtp/);
});

test('MendixApp: the message and the fix name the secret store key (and its Azure Key Vault name); never in fix-all', () => {
  const text = `apiVersion: privatecloud.mendix.com/v1alpha1\nkind: MendixApp\nmetadata:\n  name: orders\nspec:\n  runtime:\n    microflowConstants:\n      Mail.SMTPHost: smtp.mycompany.nl\n      Mail.SMTPPassword: ${PASSWORD}\n`;
  const f = passwordFinding('/repo/mendixapp.yaml', text);
  assert.match(f.message, /secret store under `mx-const-Mail\.SMTPPassword` \(Azure Key Vault: `mx-const-Mail-SMTPPassword`; Mendix Operator 2\.10 or later\) and remove it here/);
  assert.equal(f.fixes?.length, 1);
  assert.equal(f.fixes[0].title, 'Move Mail.SMTPPassword to the secret store (key mx-const-Mail.SMTPPassword; store the password there first)');
  assert.equal(f.fixes[0].safe, false, 'the password must be in the store before it leaves the file');
  // CRLF files keep their line breaks; a MendixApp without a name gets no SecretProviderClass name
  const crlf = passwordFinding('/repo/mendixapp.yaml', text.replace('metadata:\n  name: orders\n', 'metadata: {}\n').replace(/\n/g, '\r\n'));
  assert.equal(crlf.fixes?.[0].edits[0].newText, '      # Mail.SMTPPassword comes from the secret store: key mx-const-Mail.SMTPPassword\r\n');
});

test('the password never appears in a message, a fix title or an edit to another file', () => {
  const cases: [string, string][] = [
    ['/repo/docker-compose.yml', `services:\n  app:\n    environment:\n      MX_Mail_SMTPHost: smtp.mycompany.nl\n      MX_Mail_SMTPUsername: me@mycompany.nl\n      MX_Mail_SMTPPassword: ${PASSWORD}\n`],
    ['/repo/manifest.yml', `applications:\n  - name: app\n    env:\n      MX_Mail_SMTPHost: smtp.mycompany.nl\n      MX_Mail_SMTPUsername: me@mycompany.nl\n      MX_Mail_SMTPPassword: ${PASSWORD}\n`],
    ['/repo/.env', dotenv],
    ['/repo/k8s/deployment.yaml', deployment(`            - name: MX_Mail_SMTPPassword\n              value: "${PASSWORD}"\n`)],
    ['/repo/k8s/flow.yaml', deployment(`            - {name: MX_Mail_SMTPPassword, value: ${PASSWORD}}\n`)],
    ['/repo/mendixapp.yaml', `apiVersion: privatecloud.mendix.com/v1alpha1\nkind: MendixApp\nmetadata:\n  name: app\nspec:\n  runtime:\n    microflowConstants:\n      Mail.SMTPHost: smtp.mycompany.nl\n      Mail.SMTPPassword: ${PASSWORD}\n`],
    ['/repo/m2ee.yaml', `mxruntime:\n  MicroflowConstants:\n    Mail.SMTPHost: smtp.mycompany.nl\n    Mail.SMTPPassword: ${PASSWORD}\n`],
  ];
  for (const [path, text] of cases) {
    const f = passwordFinding(path, text);
    const said = [f.message, ...(f.fixes ?? []).flatMap((x) => [x.title, ...x.edits.map((e) => e.newText), ...(x.otherFiles ?? []).flatMap((o) => o.edits.map((e) => e.newText))])];
    for (const s of said) assert.ok(!s.includes(PASSWORD), `${path}: "${s}"`);
    if (!path.endsWith('m2ee.yaml')) assert.ok(f.fixes?.length, `${path} has a fix`);
  }
});
