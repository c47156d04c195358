// The editor loads the SMTP core from its own bundle (dist/smtp.js) on first use; the client
// bundle must not carry nodemailer. Built here with esbuild exactly like esbuild.mjs does.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import * as esbuild from 'esbuild';
import { passwordKey, textInRange, unquotePassword } from '../../client/src/testMail/passwordText';
import { makeCert, PASSWORD, settingsFor, startSmtpServer, type TestCert } from './support/servers';
import { cannotRun } from '../support/cannotRun';

const root = join(__dirname, '..', '..');
let dir: string;
let cert: TestCert;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'mendix-email-bundle-'));
  cert = makeCert();
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
  cert.cleanup();
});

test('dist/smtp.js (the lazily loaded core) works on its own: a verify through the bundle', async () => {
  const outfile = join(dir, 'smtp.js');
  await esbuild.build({ entryPoints: [join(root, 'server/src/smtp/index.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'silent' });
  const smtp = require(outfile) as typeof import('../../server/src/smtp/index');
  const server = await startSmtpServer({ key: cert.key, cert: cert.cert });
  try {
    const report = await smtp.verifyConnection(settingsFor(server.port), { password: PASSWORD, trustedCertificates: { '127.0.0.1': cert.certFile } });
    assert.equal(report.ok, true, smtp.formatReport(report));
  } finally {
    await server.close();
  }
});

test('the client bundle does not carry nodemailer', cannotRun(!existsSync(join(root, 'dist/client.js')) && 'dist/client.js not built'), () => {
  const client = readFileSync(join(root, 'dist/client.js'), 'utf8');
  assert.ok(!client.includes('smtp-connection'), 'nodemailer is loaded from dist/smtp.js, not bundled into the client');
  assert.ok(client.includes('dist/smtp.js'));
});

test('client helpers: literal password unquoting, secret key, range text', () => {
  assert.equal(unquotePassword('a\\"b\\\\c', '"'), 'a"b\\c');
  assert.equal(unquotePassword("it''s", "'"), "it's");
  assert.equal(unquotePassword('plain\\x', undefined), 'plain\\x');
  assert.equal(passwordKey('SMTP.Example.org', 587, 'me'), 'mendixEmail.smtp.password:smtp.example.org:587:me');
  assert.notEqual(passwordKey('a', 587, 'me'), passwordKey('a', 465, 'me'));
  assert.equal(textInRange('ab\ncdef\ng', { start: { line: 1, character: 1 }, end: { line: 1, character: 3 } }), 'de');
});
