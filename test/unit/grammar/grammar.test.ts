import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenize, scopesAt, stubHosts, vscodeHosts, contributed, type Token } from './tokenize';
import { HIGHLIGHTED_DOTENV } from '../../../client/src/documentSelector';
import { cannotRun } from '../../support/cannotRun';

const sample = (name: string) => readFileSync(join(__dirname, 'samples', name), 'utf8');
const CONSTANT = 'variable.other.constant.mendix-constant';
const MX = 'variable.other.constant.mendix-env';

function marked(tokens: Token[], line: number, text: string, scope: string) {
  const scopes = scopesAt(tokens, line, text);
  assert.ok(scopes.some((s) => s.startsWith(scope)), `line ${line} "${text}" should be ${scope}, got ${scopes.join(' ')}`);
}
/** The host grammar must keep its own structure around what the injection marks. */
function noInvalid(tokens: Token[]) {
  const bad = tokens.find((t) => t.scopes.some((s) => s.startsWith('invalid')));
  assert.equal(bad, undefined, bad && `line ${bad.line} "${bad.text}" became ${bad.scopes.join(' ')}`);
}
function notMarked(tokens: Token[], line: number, text: string) {
  const scopes = scopesAt(tokens, line, text);
  assert.ok(!scopes.some((s) => s.includes('mendix-constant') || s.includes('mendix-env')), `line ${line} "${text}" should not be marked, got ${scopes.join(' ')}`);
}

const hostSets: [string, typeof stubHosts | undefined][] = [
  ['stand-in host grammars', stubHosts],
  ["VS Code's own host grammars", vscodeHosts()],
];

for (const [label, hosts] of hostSets) {
  test(`m2ee.yaml: MicroflowConstants keys are constants, other keys are not (${label})`, cannotRun(!hosts && 'VS Code not installed in .tools/ (.ci/setup-vscode.sh)'), async () => {
    const tokens = await tokenize(sample('m2ee.yaml'), 'source.yaml', hosts);
    noInvalid(tokens);
    marked(tokens, 4, 'Mail.SMTPHost', CONSTANT);
    marked(tokens, 5, 'Mail.SMTPPort', CONSTANT);
    marked(tokens, 6, 'EmailTemplate.SendingEnabled', CONSTANT);
    notMarked(tokens, 7, 'NotAConstant');
    notMarked(tokens, 8, 'ApplicationRootUrl'); // the block ended at the dedent
    assert.ok(scopesAt(tokens, 8, 'ApplicationRootUrl').some((s) => s.startsWith('entity.name.tag')), 'the sibling key is a key again');
    notMarked(tokens, 10, 'runtime_port');
    assert.ok(scopesAt(tokens, 3, '# mail settings').some((s) => s.startsWith('comment')));
    assert.ok(scopesAt(tokens, 4, 'smtp.sendgrid.net').some((s) => s.startsWith('string.quoted.double')));
    assert.ok(scopesAt(tokens, 5, '587').some((s) => s.startsWith('constant.numeric')));
  });

  test(`compose: MX_ variables (map and list) and CONSTANTS JSON keys (${label})`, cannotRun(!hosts && 'VS Code not installed in .tools/ (.ci/setup-vscode.sh)'), async () => {
    const tokens = await tokenize(sample('docker-compose.yml'), 'source.yaml', hosts);
    noInvalid(tokens);
    marked(tokens, 3, 'MX_Mail_SMTPHost', MX);
    marked(tokens, 4, 'Mail.SMTPPort', CONSTANT);
    marked(tokens, 4, 'Mail.UseSSL', CONSTANT);
    notMarked(tokens, 5, 'ADMIN_PASSWORD');
    marked(tokens, 8, 'MX_Mail_SMTPUser', MX);
    marked(tokens, 9, 'Mail.FromAddress', CONSTANT);
    notMarked(tokens, 10, 'MX_Not_Here');
  });

  test(`MendixApp: microflowConstants keys and the escaped keys in customConfiguration (${label})`, cannotRun(!hosts && 'VS Code not installed in .tools/ (.ci/setup-vscode.sh)'), async () => {
    const tokens = await tokenize(sample('mendixapp.yaml'), 'source.yaml', hosts);
    noInvalid(tokens);
    notMarked(tokens, 4, 'dtapMode');
    marked(tokens, 6, 'Mail.SMTPHost', CONSTANT);
    marked(tokens, 7, 'EmailTemplate.SendingEnabled', CONSTANT);
    notMarked(tokens, 8, 'customConfiguration');
    marked(tokens, 8, 'Mail.SMTPPort', CONSTANT);
    notMarked(tokens, 8, 'MicroflowConstants');
    assert.ok(scopesAt(tokens, 9, 'replicas').some((s) => s.startsWith('entity.name.tag')));
  });

  test(`Kubernetes: "- name: MX_…" entries (${label})`, cannotRun(!hosts && 'VS Code not installed in .tools/ (.ci/setup-vscode.sh)'), async () => {
    const tokens = await tokenize(sample('k8s.yaml'), 'source.yaml', hosts);
    noInvalid(tokens);
    marked(tokens, 4, 'MX_Mail_SMTPPassword', MX);
    notMarked(tokens, 2, 'app');
  });

  // The host must open each `- name:` item itself: an item it did not open turned the next one invalid.
  test(`Kubernetes Deployment: env items with value / valueFrom / flow form, MX_ and other names (${label})`, cannotRun(!hosts && 'VS Code not installed in .tools/ (.ci/setup-vscode.sh)'), async () => {
    const tokens = await tokenize(sample('k8s-deployment.yaml'), 'source.yaml', hosts);
    noInvalid(tokens);
    marked(tokens, 9, 'MX_Mail_SMTPHost', MX);
    marked(tokens, 11, 'MX_Mail_SMTPPassword', MX);
    marked(tokens, 16, 'MX_Mail_SMTPPort', MX);
    notMarked(tokens, 18, 'OTHER_VAR');
    marked(tokens, 20, 'MX_Mail_UseSSL', MX);
    marked(tokens, 21, 'MX_Mail_FromAddress', MX);
    notMarked(tokens, 22, 'ADMIN_USER');
    marked(tokens, 23, 'MX_Mail_UseTLS', MX);
    notMarked(tokens, 25, 'ADMIN_PASSWORD');
    notMarked(tokens, 14, 'smtp');
    notMarked(tokens, 9, 'name');
    for (const line of [9, 11, 16, 18, 23, 25]) {
      assert.ok(scopesAt(tokens, line, '-').some((s) => s.startsWith('punctuation.definition.block.sequence.item')), `line ${line}: the host keeps the item`);
      assert.ok(scopesAt(tokens, line, 'name').some((s) => s.startsWith('entity.name.tag')), `line ${line}: the host keeps the key`);
    }
    assert.ok(scopesAt(tokens, 23, '# STARTTLS').some((s) => s.startsWith('comment')));
  });

  test(`Cloud Foundry manifest: env map (block scalar, value on the next line, CONSTANTS) and flow env (${label})`, cannotRun(!hosts && 'VS Code not installed in .tools/ (.ci/setup-vscode.sh)'), async () => {
    const tokens = await tokenize(sample('cf-manifest.yml'), 'source.yaml', hosts);
    noInvalid(tokens);
    notMarked(tokens, 1, 'app');
    marked(tokens, 4, 'MX_Mail_SMTPHost', MX);
    marked(tokens, 5, 'MX_Mail_SMTPUsername', MX);
    marked(tokens, 7, 'MX_Mail_FromAddress', MX);
    notMarked(tokens, 8, 'app@example.com');
    marked(tokens, 10, 'Mail.SMTPPort', CONSTANT);
    marked(tokens, 11, 'Mail.UseSSL', CONSTANT);
    notMarked(tokens, 12, 'ADMIN_PASSWORD');
    assert.ok(scopesAt(tokens, 12, 'ADMIN_PASSWORD').some((s) => s.startsWith('entity.name.tag')), 'keys after a block scalar are keys');
    notMarked(tokens, 13, 'worker');
    marked(tokens, 14, 'MX_Mail_SMTPPort', MX);
    marked(tokens, 14, 'MX_Mail_UseTLS', MX);
    notMarked(tokens, 14, 'OTHER_VAR');
    assert.ok(scopesAt(tokens, 15, 'instances').some((s) => s.startsWith('entity.name.tag')));
  });

  test(`m2ee.yaml: MicroflowConstants as a flow map, plain and quoted keys, not nested ones (${label})`, cannotRun(!hosts && 'VS Code not installed in .tools/ (.ci/setup-vscode.sh)'), async () => {
    const tokens = await tokenize(sample('m2ee-flow.yaml'), 'source.yaml', hosts);
    noInvalid(tokens);
    marked(tokens, 1, 'Mail.SMTPHost', CONSTANT);
    marked(tokens, 1, 'Mail.SMTPPort', CONSTANT);
    marked(tokens, 1, 'Mail.UseSSL', CONSTANT);
    notMarked(tokens, 1, 'Other');
    notMarked(tokens, 1, 'Not.Here');
    marked(tokens, 1, 'Mail.Body', CONSTANT);
    notMarked(tokens, 1, 'smtp.x');
    notMarked(tokens, 2, 'DTAPMode');
    marked(tokens, 5, 'Mail.FromAddress', CONSTANT);
    notMarked(tokens, 5, 'app@example.com');
  });

  test(`.env: MX_ keys and CONSTANTS keys, not comments or values (${label})`, cannotRun(!hosts && 'VS Code not installed in .tools/ (.ci/setup-vscode.sh)'), async () => {
    const tokens = await tokenize(sample('.env'), hosts!.dotenvScope, hosts);
    noInvalid(tokens);
    notMarked(tokens, 0, 'MX_Commented_Out');
    marked(tokens, 1, 'MX_Mail_SMTPHost', MX);
    marked(tokens, 2, 'MX_Mail_SMTPPort', MX);
    marked(tokens, 3, 'Mail.FromAddress', CONSTANT);
    notMarked(tokens, 4, 'OTHER_VAR');
    // the host grammar still tokenizes the value after the key
    assert.ok(scopesAt(tokens, 1, 'smtp.gmail.com').some((s) => s.includes('value') || s.includes('string')), 'value keeps its scope');
  });

  test(`JSON: Constants keys, MX_ keys, escaped CONSTANTS keys; other dotted keys untouched (${label})`, cannotRun(!hosts && 'VS Code not installed in .tools/ (.ci/setup-vscode.sh)'), async () => {
    const tokens = await tokenize(sample('config.json'), 'source.json', hosts);
    noInvalid(tokens);
    notMarked(tokens, 1, 'DTAPMode');
    marked(tokens, 3, 'Mail.SMTPHost', CONSTANT);
    marked(tokens, 4, 'Mail.SMTPPort', CONSTANT);
    assert.ok(scopesAt(tokens, 4, '587').some((s) => s.startsWith('constant.numeric')), 'values keep the JSON scopes');
    notMarked(tokens, 6, 'editor.tabSize');
    marked(tokens, 6, 'MX_Mail_Secure', MX);
    marked(tokens, 7, 'Mail.UseSSL', CONSTANT);
  });
}

test('our dotenv grammar: comments, export, quoted values, interpolation', async () => {
  const tokens = await tokenize('# note\nexport A_B="x ${HOME} y" # trailing\nC=\'lit\'\n', 'source.dotenv.mendix-email');
  assert.ok(scopesAt(tokens, 0, '# note').some((s) => s.startsWith('comment.line')));
  assert.ok(scopesAt(tokens, 1, 'export').some((s) => s.startsWith('keyword.other.export')));
  assert.ok(scopesAt(tokens, 1, 'A_B').includes('variable.key.dotenv'));
  assert.ok(scopesAt(tokens, 1, 'HOME').some((s) => s.startsWith('variable.other.interpolation')));
  assert.ok(scopesAt(tokens, 1, '# trailing').some((s) => s.startsWith('comment.line')));
  assert.ok(scopesAt(tokens, 2, 'lit').some((s) => s.startsWith('string.quoted.single')));
});

// VS Code 1.106+ ships a dotenv grammar (scope source.dotenv) and keeps the last grammar
// registered for a language or a scope name: registering ours for either would replace it.
test('our dotenv grammar never replaces an editor\'s own: its own scope, on a language that claims no file', () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
  assert.ok(!contributed.some((g) => g.language === 'dotenv' || g.scopeName === 'source.dotenv'), 'no grammar for dotenv / source.dotenv');
  const own = contributed.find((g) => g.path.endsWith('/dotenv.tmLanguage.json'));
  assert.ok(own && own.language === HIGHLIGHTED_DOTENV && own.scopeName === 'source.dotenv.mendix-email');
  const language = pkg.contributes.languages.find((l: { id: string }) => l.id === HIGHLIGHTED_DOTENV);
  assert.ok(language, 'the language is contributed');
  assert.deepEqual([language.filenames, language.filenamePatterns, language.extensions, language.firstLine], [undefined, undefined, undefined, undefined], 'it claims no file by itself');
  // VS Code maps language names (and their lower case) to one language each: a second "Dotenv"
  // would take that name, and ```dotenv code blocks, from the built-in language
  assert.deepEqual(language.aliases, ['Dotenv (Mendix Email)']);
  const grammarFile = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', own.path), 'utf8'));
  assert.equal(grammarFile.scopeName, own.scopeName);
  // the constant injection reaches .env files under either grammar
  const injection = contributed.find((g) => g.scopeName === 'mendix-email.constants.dotenv');
  assert.deepEqual(injection?.injectTo, ['source.dotenv', 'source.dotenv.mendix-email']);
});
