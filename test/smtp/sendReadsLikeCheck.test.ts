// The test send reads a file the way the check does (engine/prepare.ts): a compose file's
// env_file, a flag the check calls invalid, a sender with a display name. `node dist/cli.js`
// against a real smtp-server on 127.0.0.1 that counts the connections it gets.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { checkDocument } from '../../server/src/engine/check';
import { makeCert, PASSWORD, startSmtpServer, USER, type RunningServer, type TestCert } from './support/servers';
import { cannotRun } from '../support/cannotRun';
import { CLI, runCli } from './support/runCli';

let cert: TestCert;
let server: RunningServer;
let connections = 0;
let dir: string;
before(async () => {
  cert = makeCert();
  server = await startSmtpServer({
    key: cert.key,
    cert: cert.cert,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
  });
  dir = mkdtempSync(join(tmpdir(), 'mendix-email-send-reads-'));
});
after(async () => {
  await server.close();
  cert.cleanup();
  rmSync(dir, { recursive: true, force: true });
});


/** A folder with these files; returns its path. */
function folder(name: string, files: Record<string, string>): string {
  const at = join(dir, name);
  mkdirSync(at, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(at, file), text);
  return at;
}

const envLines = (over: Record<string, string> = {}) =>
  Object.entries({
    MX_Mail_SMTPHost: '127.0.0.1',
    MX_Mail_SMTPPort: String(server.port),
    MX_Mail_SMTPUsername: USER,
    MX_Mail_UseTLS: 'true',
    MX_Mail_FromAddress: USER,
    ...over,
  })
    .map(([k, v]) => `${k}=${v}`)
    .join('\n') + '\n';

const COMPOSE = ['services:', '  mendix:', '    image: mendix/runtime', '    env_file: mail.env', ''].join('\n');

describe('send-test reads the file as the check does', cannotRun(!existsSync(CLI) && 'dist/cli.js not built (npm test builds it)'), () => {
  test("a compose file whose SMTP settings sit in its env_file: the mail is sent with them", async () => {
    const at = folder('compose', { 'docker-compose.yml': COMPOSE, 'mail.env': envLines() });
    const received = server.nextMessage();
    const r = await runCli(['send-test', join(at, 'docker-compose.yml'), '--to', 'someone@mendix-email.test', '--ca', cert.certFile, '--timeout', '5'], { MENDIX_EMAIL_SMTP_PASSWORD: PASSWORD });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /SENT to someone@mendix-email\.test/);
    assert.equal((await received).from, USER);
  });

  test('MX_Mail_UseSSL=1: the check calls it invalid-boolean, and the send stops before connecting and names the constant', async () => {
    const text = envLines({ MX_Mail_UseSSL: '1' });
    const at = folder('usessl', { '.env': text });
    const findings = checkDocument({ path: join(at, '.env'), text })!.findings;
    assert.ok(findings.some((f) => f.ruleId === 'invalid-boolean'), 'the check calls 1 invalid');
    const before = connections;
    const r = await runCli(['send-test', join(at, '.env'), '--to', 'someone@mendix-email.test', '--ca', cert.certFile, '--timeout', '5'], { MENDIX_EMAIL_SMTP_PASSWORD: PASSWORD });
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /MX_Mail_UseSSL/);
    assert.match(r.stderr, /"1"/);
    assert.equal(r.stdout, '', 'no session report: nothing was tried');
    assert.equal(connections, before, 'the SMTP server saw no connection');
  });

  test('a sender with a display name holding a comma: no finding, and MAIL FROM is the bare address', async () => {
    const from = '"Support, ACME" <support@acme-corp.com>';
    // single quotes: the .env value is the text between them, as written
    const text = envLines({ MX_Mail_FromAddress: `'${from}'` });
    const at = folder('display-name', { '.env': text });
    const findings = checkDocument({ path: join(at, '.env'), text })!.findings;
    assert.deepEqual(findings.filter((f) => /address|domain|noreply/.test(f.ruleId)), [], 'no address finding');
    const received = server.nextMessage();
    const r = await runCli(['send-test', join(at, '.env'), '--to', 'someone@mendix-email.test', '--ca', cert.certFile, '--timeout', '5'], { MENDIX_EMAIL_SMTP_PASSWORD: PASSWORD });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const message = await received;
    assert.equal(message.from, 'support@acme-corp.com');
    assert.equal(message.parsed.from?.value[0]?.name, 'Support, ACME');
  });
});
