// A hostile SMTP server's replies (clipboard write ESC]52, line rewrite ESC[2K ESC[1A, window
// title ESC]0) reach neither the terminal nor the editor raw: send-test's stage table and
// transcript, and the editor's notification, show them escaped.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { notificationFor, verifyConnection } from '../../server/src/smtp';
import { m2eeFor, PASSWORD, settingsFor } from './support/servers';
import { politeReply, startScriptedServer, type Script } from './support/scriptedServer';

const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const CLIPBOARD = '\u001b]52;c;cm0gLXJmIH4=\u0007';
const REWRITE = '\u001b[2K\u001b[1A';
const TITLE = '\u001b]0;pwned\u0007';
const hostile: Script = {
  greeting: `220 evil.test ${CLIPBOARD} ESMTP`,
  reply: (l, v) => (v === 'EHLO' ? `250-evil.test ${TITLE}\r\n250 AUTH PLAIN` : v === 'RCPT' ? `550 5.1.1 no such user ${REWRITE}` : politeReply(l, v)),
};
let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'mendix-email-ansi-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('send-test against a server that sends ESC]52, ESC[2K ESC[1A and ESC]0: the report shows them escaped', async () => {
  const server = await startScriptedServer(hostile);
  try {
    const file = join(dir, 'm2ee.yaml');
    writeFileSync(file, m2eeFor(server.port, { password: PASSWORD }).replace('UseTLS: true', 'UseTLS: false'));
    const run = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = spawn(process.execPath, [join(__dirname, '..', '..', 'dist', 'cli.js'), 'send-test', file, '--to', 'someone@mendix-email.test', '--timeout', '5'], { env: { PATH: process.env.PATH }, stdio: ['ignore', 'pipe', 'inherit'] });
      let stdout = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.on('close', (code) => resolve({ code, stdout }));
    });
    assert.equal(run.code, 1, run.stdout);
    assert.doesNotMatch(run.stdout, RAW_CONTROL);
    assert.match(run.stdout, /greeting +ok .*\\x1b\]52;c;cm0gLXJmIH4=\\x07/, 'the stage table');
    assert.ok(run.stdout.includes('S: 250-evil.test \\x1b]0;pwned\\x07'), 'the transcript');
    assert.ok(run.stdout.includes('no such user \\x1b[2K\\x1b[1A'), 'the failure');
  } finally {
    await server.close();
  }
});

test('the editor\'s notification for a hostile 421 greeting is escaped', async () => {
  const server = await startScriptedServer({ greeting: `421 go away ${CLIPBOARD}${REWRITE}`, reply: politeReply });
  try {
    const report = await verifyConnection(settingsFor(server.port, { requireStartTls: false }), { password: PASSWORD, timeoutSeconds: 5 });
    const { level, message } = notificationFor(report);
    assert.equal(level, 'error');
    assert.ok(message.includes('go away \\x1b]52;c;'), message);
    assert.doesNotMatch(message, RAW_CONTROL);
  } finally {
    await server.close();
  }
});
