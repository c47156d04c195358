// "Disable <id> …" over the real LSP connection, where a comment cannot go on the line above
// the finding: inside a value over several lines (a quoted CONSTANTS in a Cloud Foundry
// manifest or a .env file, a block scalar in compose) the comment goes above the entry and
// covers all of it, and the value stays what it was; JSON files get no comment at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { byCode, codes, serverForFile } from './workspace';

const CF_MANIFEST = [
  'applications:',
  '  - name: orders',
  '    env:',
  '      MX_Mail_SMTPHost: smtp.gmail.com',
  '      CONSTANTS: \'{"Mail.SMTPUsername": "me@gmail.com",',
  '        "Mail.SMTPPort": 25}\'', // 5: provider-port on the value's second line
  '',
].join('\n');

const DOTENV = ['MX_Mail_SMTPHost=smtp.gmail.com', 'MX_Mail_SMTPPassword=${GMAIL_APP_PASSWORD}', 'CONSTANTS=\'{"Mail.SMTPUsername": "me@gmail.com",', '"Mail.SMTPPort": 25}\'', ''].join('\n');

const COMPOSE_BLOCK = [
  'services:',
  '  app:',
  '    environment:',
  '      MX_Mail_SMTPHost: smtp.gmail.com',
  '      MX_Mail_SMTPPassword: ${GMAIL_APP_PASSWORD}',
  '      CONSTANTS: |',
  '        {"Mail.SMTPUsername": "me@gmail.com",',
  '         "Mail.SMTPPort": 25}',
  '',
].join('\n');

const CONFIG_JSON = '{\n  "Configuration": {},\n  "Constants": {\n    "Mail.SMTPHost": "smtp.gmail.com",\n    "Mail.SMTPPort": 25\n  }\n}\n';

const server = serverForFile();

async function actionsFor(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return server.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
}

/**
 * Opens the file, applies the Disable action of `ruleId`'s finding on `line`, and returns the
 * edited text with the diagnostics before and after.
 */
async function disableIn(relative: string, text: string, languageId: string, ruleId: string, line: number) {
  const path = server.ws.write(relative, text);
  const uri = server.client.uriOf(path);
  const before = await server.client.open(path, text, languageId);
  const finding = byCode(before, ruleId);
  assert.equal(finding?.range.start.line, line, JSON.stringify(before.diagnostics.map((d) => [d.code, d.range.start.line])));
  const actions = await actionsFor(uri, finding!);
  const disable = actions.find((a) => a.title.startsWith(`Disable ${ruleId}`));
  assert.ok(disable, JSON.stringify(actions.map((a) => a.title)));
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, languageId, 1, text), disable.edit!.changes![uri]);
  const after: PublishDiagnosticsParams = await server.client.change(path, [{ text: fixed }]);
  return { title: disable.title, fixed, before, after };
}

/** The finding is gone and nothing else changed: the JSON the app reads is still whole. */
function assertOnlyThatGone(before: PublishDiagnosticsParams, after: PublishDiagnosticsParams, ruleId: string): void {
  assert.deepEqual(codes(after), codes(before).filter((c) => c !== ruleId));
  assert.ok(!codes(after).includes('invalid-constants-json'));
}

test('CF manifest: a finding on the 2nd line of a quoted CONSTANTS is disabled above the CONSTANTS key, the value untouched', async () => {
  const { title, fixed, before, after } = await disableIn('cf/manifest.yml', CF_MANIFEST, 'yaml', 'provider-port', 5);
  assert.equal(title, 'Disable provider-port for this whole value');
  assert.equal(fixed, CF_MANIFEST.replace('      CONSTANTS:', '      # mendix-email-disable-next-line provider-port\n      CONSTANTS:'));
  assertOnlyThatGone(before, after, 'provider-port');
});

test('.env: a finding on the 2nd line of a quoted multi-line CONSTANTS is disabled above CONSTANTS=', async () => {
  const { fixed, before, after } = await disableIn('env/.env', DOTENV, 'dotenv', 'provider-port', 3);
  assert.equal(fixed, DOTENV.replace('CONSTANTS=', '# mendix-email-disable-next-line provider-port\nCONSTANTS='));
  assertOnlyThatGone(before, after, 'provider-port');
});

test('compose: a finding inside a CONSTANTS block scalar gets the same Disable action above the key', async () => {
  const { fixed, before, after } = await disableIn('compose/docker-compose.yml', COMPOSE_BLOCK, 'yaml', 'provider-port', 7);
  assert.equal(fixed, COMPOSE_BLOCK.replace('      CONSTANTS: |', '      # mendix-email-disable-next-line provider-port\n      CONSTANTS: |'));
  assertOnlyThatGone(before, after, 'provider-port');
});

test('config.json: no Disable action (JSON has no comments), Show documentation still there, no action twice', async () => {
  const path = server.ws.write('pkg/model/config.json', CONFIG_JSON);
  const uri = server.client.uriOf(path);
  const published = await server.client.open(path, CONFIG_JSON, 'json');
  assert.ok(published.diagnostics.length > 0);
  for (const diagnostic of published.diagnostics) {
    const titles = (await actionsFor(uri, diagnostic)).map((a) => a.title);
    assert.ok(!titles.some((t) => t.startsWith('Disable')), JSON.stringify(titles));
    assert.ok(titles.includes(`Show documentation for ${diagnostic.code}`), JSON.stringify(titles));
    assert.equal(new Set(titles).size, titles.length, `each action once: ${JSON.stringify(titles)}`);
  }
});
