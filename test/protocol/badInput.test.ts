// Bad input never takes the server down: malformed YAML/JSON/.env, a binary file with a
// settings file's name, a 50 MB file, 100,000 constants, every real corpus file. After each
// the server still answers and still checks a good file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspClient } from '../support/lspClient';
import { codes, ensureServerBuilt, TempWorkspace, messageOf } from './workspace';
import type { FileInfo } from '../../protocol/messages';
import { CORPUS, needsCorpus } from '../support/corpus';

const GOOD = 'MX_Mail_SMTPPort=25\n# mendix-email: target=mendix-cloud\n';

let ws: TempWorkspace;
let client: LspClient;
let probe = 0;

before(async () => {
  ensureServerBuilt();
  ws = new TempWorkspace();
  client = await LspClient.start({ root: ws.root, timeoutMs: 60_000 });
});

after(async () => {
  await client?.stop();
  ws?.dispose();
});

/** The server is alive: it answers a request and checks a fresh good file. */
async function assertAlive(): Promise<void> {
  assert.equal(client.exitCode, undefined, `server exited; stderr:\n${client.stderr}`);
  const path = ws.write(`probe${++probe}/.env`, GOOD);
  const published = await client.open(path, GOOD, 'dotenv');
  assert.deepEqual(codes(published), ['port-25-on-mendix-cloud']);
  const info = await client.request<FileInfo>('mendixEmail/fileInfo', { uri: client.uriOf(path) });
  assert.equal(info.kind, 'dotenv');
}

test('malformed YAML is one syntax-error diagnostic', async () => {
  const text = 'mxruntime:\n  MicroflowConstants:\n    Mail.SMTPHost: [smtp.example.org\n    Mail.SMTPPort: 587\n';
  const published = await client.open(ws.write('bad/m2ee.yaml', text), text);
  assert.ok(published.diagnostics.length >= 1);
  assert.deepEqual(
    published.diagnostics.filter((d) => d.code === 'syntax-error').length,
    1,
    JSON.stringify(published.diagnostics),
  );
  await assertAlive();
});

test('malformed JSON in config.json is reported, not thrown', async () => {
  const text = '{ "Configuration": {}, "Constants": { "Mail.SMTPPort": 25, } ';
  const published = await client.open(ws.write('bad/model/config.json', text), text, 'json');
  assert.ok(published.diagnostics.some((d) => d.code === 'syntax-error'), JSON.stringify(published.diagnostics));
  await assertAlive();
});

test('invalid CONSTANTS JSON in a compose file is one invalid-constants-json diagnostic', async () => {
  const text = "services:\n  app:\n    environment:\n      CONSTANTS: '{\"Mail.SMTPPort\": 25,'\n";
  const published = await client.open(ws.write('bad/docker-compose.yml', text), text);
  assert.deepEqual(codes(published).filter((c) => c === 'invalid-constants-json'), ['invalid-constants-json']);
  await assertAlive();
});

test('a binary file with a settings file name: one diagnostic, server alive', async () => {
  const bytes = Buffer.alloc(4096);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37) % 256;
  const text = bytes.toString('latin1');
  const published = await client.open(ws.write('bin/m2ee.yaml', bytes), text);
  assert.equal(published.diagnostics.length, 1, JSON.stringify(published.diagnostics));
  await assertAlive();
});

test('a 50 MB file: one diagnostic saying it is too large, server alive', async () => {
  const line = '    Module.Constant: "some value that repeats over and over"\n';
  const text = 'mxruntime:\n  MicroflowConstants:\n' + line.repeat(Math.ceil((50 * 1024 * 1024) / line.length));
  const published = await client.open(ws.path('huge/m2ee.yaml'), text);
  assert.equal(published.diagnostics.length, 1);
  assert.match(messageOf(published.diagnostics[0]), /too large/);
  // an edit to it is handled as well
  await client.change(ws.path('huge/m2ee.yaml'), [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edit\n' }]);
  await client.close(ws.path('huge/m2ee.yaml'));
  await assertAlive();
});

test('100,000 constants are checked and the server stays responsive', async () => {
  const lines = ['mxruntime:', '  MicroflowConstants:', '    Mail.SMTPPort: 25'];
  for (let i = 0; i < 100_000; i++) lines.push(`    Module${i % 50}.Constant${i}: "value ${i}"`);
  const text = lines.join('\n') + '\n';
  const published = await client.open(ws.path('many/m2ee.yaml'), text);
  assert.ok(Array.isArray(published.diagnostics));
  await client.close(ws.path('many/m2ee.yaml'));
  await assertAlive();
});

test('lone surrogates and odd line endings do not break ranges', async () => {
  const text = 'MX_Mail_SMTPPort=25\r\nMX_Mail_FromAddress=\uD800@example.org\r# mendix-email: target=mendix-cloud\r\n';
  const published = await client.open(ws.write('odd/.env', text), text, 'dotenv');
  const port = published.diagnostics.find((d) => d.code === 'port-25-on-mendix-cloud');
  assert.deepEqual(port?.range, { start: { line: 0, character: 17 }, end: { line: 0, character: 19 } });
  await assertAlive();
});

test('a request with bad params is answered, not fatal', async () => {
  const info = await client.request<FileInfo>('mendixEmail/fileInfo', { uri: 42 });
  assert.equal(info.supported, false);
  await client.notify('mendixEmail/didChangeTrust', null);
  await client.notify('textDocument/didChange', { textDocument: { uri: 'file:///not/open.yaml', version: 2 }, contentChanges: [{ text: 'x' }] });
  await assertAlive();
});

test('every real corpus file, under its original name, is checked without an internal error', needsCorpus(), async () => {
  const corpus = CORPUS;
  const originalName = (name: string) => {
    if (name.endsWith('.env')) return '.env';
    if (/docker-compose[^.]*\.yml$/.test(name)) return name.slice(name.lastIndexOf('docker-compose'));
    if (name.endsWith('m2ee.yaml')) return 'm2ee.yaml';
    return name;
  };
  const files = readdirSync(corpus).filter((n) => n !== 'README.md');
  assert.ok(files.length >= 5, `corpus at ${corpus}`);
  for (const [i, name] of files.entries()) {
    const text = readFileSync(join(corpus, name), 'utf8');
    const path = ws.write(`corpus${i}/${originalName(name)}`, text);
    const published = await client.open(path, text, name.endsWith('.env') ? 'dotenv' : 'yaml');
    assert.ok(!published.diagnostics.some((d) => d.code === 'internal-error'), name);
    const info = await client.request<FileInfo>('mendixEmail/fileInfo', { uri: client.uriOf(path) });
    assert.equal(info.supported, true, `${name} is recognised`);
  }
  await assertAlive();
});
