// The same workspace opened without trusting it (Restricted Mode, no --disable-workspace-trust):
// the checks still run, and Send Test Mail explains that it needs trust and sends nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { commandTitle, packageExtension } from './support/extension';
import { RELAY_FILE, relaySettingsFile, startRelay, type Relay } from './support/relay';
import { startSession, type Session } from './support/session';
import { waitFor } from './support/workbench';

let session: Session;
let relay: Relay;

before(async () => {
  relay = await startRelay();
  session = await startSession({
    name: 'restricted',
    fixture: 'workspace',
    trusted: false,
    vsix: packageExtension(),
    files: { [RELAY_FILE]: relaySettingsFile(relay.server.port) },
    settings: { 'mendixEmail.smtp.trustedCertificates': { '127.0.0.1': relay.cert.certFile } },
  });
}, { timeout: 240_000 });

after(async () => {
  await session?.close();
  await relay?.close();
});

test('the window is in Restricted Mode', { timeout: 60_000 }, async () => {
  const { page } = session.workbench;
  const restricted = await waitFor('the Restricted Mode indicator', async () => (await page.locator('.statusbar, .banner').allTextContents()).join(' '), (t) => /Restricted Mode/i.test(t), 30_000);
  assert.match(restricted, /Restricted Mode/i);
});

test('diagnostics still appear in Restricted Mode', { timeout: 150_000 }, async () => {
  const { workbench } = session;
  await workbench.openFile('m2ee.yaml');
  const problems = await waitFor('both findings in the Problems panel', () => workbench.readProblems(),
    (ps) => ps.some((p) => p.code === 'port-25-on-mendix-cloud') && ps.some((p) => p.code === 'sender-noreply'), 90_000);
  assert.equal(problems.find((p) => p.code === 'port-25-on-mendix-cloud')!.severity, 'error');
  await workbench.screenshot('restricted-mode-problems');
});

test('Send Test Mail explains that it needs trust and sends nothing', { timeout: 120_000 }, async (t) => {
  const { workbench } = session;
  const title = commandTitle('mendixEmail.sendTestMail');
  assert.ok(title, 'package.json contributes the command mendixEmail.sendTestMail');
  await workbench.openFile('m2ee-local-relay.yaml');
  await workbench.runCommand(title);
  const note = await workbench.waitForNotification(/trust/i, 60_000);
  assert.match(note, /needs a trusted workspace/i);
  assert.match(note, /nothing was sent/i);
  await workbench.screenshot('restricted-mode-send-refused');
  assert.equal(await workbench.page.locator('.quick-input-widget:visible').count(), 0, 'no prompt for recipient or password');
  assert.equal(relay.connections(), 0, 'no connection to the SMTP server');
  assert.equal(relay.server.received.length, 0);
});
