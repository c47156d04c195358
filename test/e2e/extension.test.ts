// The packaged extension in a real VS Code (code-server + Chromium), trusted workspace:
// the Problems panel, squiggles and hover, the port-25 quick fix from the light bulb,
// and Send Test Mail from the command palette against a local STARTTLS relay.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandTitle, packageExtension } from './support/extension';
import { expectedFindings, lineOf } from './support/expected';
import { PASSWORD, RELAY_FILE, relaySettingsFile, startRelay, type Relay } from './support/relay';
import { startSession, type Session } from './support/session';
import { outputDir, repoRoot } from './support/tools';
import { waitFor, type Problem } from './support/workbench';

const FIXTURE = 'workspace';
const FILE = 'm2ee.yaml';
const RECIPIENT = 'ops@order-portal.nl';
let session: Session;
let relay: Relay;

before(async () => {
  relay = await startRelay();
  session = await startSession({
    name: 'trusted',
    fixture: FIXTURE,
    trusted: true,
    vsix: packageExtension(),
    files: { [RELAY_FILE]: relaySettingsFile(relay.server.port) },
    // no DNS look-ups from the editor: tests talk to 127.0.0.1 only
    settings: { 'mendixEmail.online': false, 'mendixEmail.smtp.trustedCertificates': { '127.0.0.1': relay.cert.certFile } },
  });
}, { timeout: 240_000 });

after(async () => {
  await session?.close();
  await relay?.close();
});

/** The best screenshots, for the README: test-output/e2e/readme/ always; docs/images/ (committed)
 * only when MENDIX_EMAIL_README_IMAGES=1, so a normal run never changes tracked files. */
function keepForReadme(shot: string, name: string): void {
  const dirs = [join(outputDir, 'readme'), ...(process.env.MENDIX_EMAIL_README_IMAGES === '1' ? [join(repoRoot, 'docs', 'images')] : [])];
  for (const dir of dirs) {
    mkdirSync(dir, { recursive: true });
    copyFileSync(shot, join(dir, `${name}.png`));
  }
}

function has(problems: Problem[], ruleId: string): boolean {
  return problems.some((p) => p.code === ruleId);
}

test('the Problems panel lists port 25 on Mendix Cloud and the noreply sender with rule ids, severities and lines', { timeout: 150_000 }, async () => {
  const { workbench } = session;
  await workbench.openFile(FILE);
  const expected = expectedFindings(FIXTURE, FILE);
  assert.ok(expected.some((f) => f.ruleId === 'port-25-on-mendix-cloud') && expected.some((f) => f.ruleId === 'sender-noreply'), 'fixture must produce both findings');

  // the squiggles first, before the Problems panel takes half the window
  await waitFor('error and warning squiggles in the editor', async () => ({
    errors: await workbench.page.locator('.editor-instance .squiggly-error').count(),
    warnings: await workbench.page.locator('.editor-instance .squiggly-warning').count(),
  }), (n) => n.errors > 0 && n.warnings > 0, 90_000);
  keepForReadme(await workbench.screenshot('squiggles'), 'squiggles');

  const problems = await waitFor('both findings in the Problems panel', () => workbench.readProblems(),
    (ps) => has(ps, 'port-25-on-mendix-cloud') && has(ps, 'sender-noreply'), 90_000);

  const port = problems.find((p) => p.code === 'port-25-on-mendix-cloud')!;
  assert.equal(port.source, 'mendix-email');
  assert.equal(port.severity, 'error');
  assert.equal(port.line, lineOf(FIXTURE, FILE, 'Mail.SMTPPort: 25'));
  assert.match(port.message, /port 25/i);
  const sender = problems.find((p) => p.code === 'sender-noreply')!;
  assert.equal(sender.severity, 'warning');
  assert.equal(sender.line, lineOf(FIXTURE, FILE, 'Mail.FromAddress'));
  // and nothing else than what the core finds for this file
  assert.deepEqual(
    problems.map((p) => `${p.code} ${p.severity} ${p.line}`).sort(),
    expected.map((f) => `${f.ruleId} ${f.severity} ${f.range.start.line + 1}`).sort(),
  );
  keepForReadme(await workbench.screenshot('problems-panel'), 'problems-panel');
});

test('hovering the port shows the finding', { timeout: 60_000 }, async () => {
  const { workbench } = session;
  await workbench.openFile(FILE);
  const text = await workbench.hover('Mail.SMTPPort', '25');
  assert.match(text, /rate-limited|587/i);
  keepForReadme(await workbench.screenshot('hover'), 'hover');
});

test('the light bulb quick fix sets port 587 and the error goes away', { timeout: 120_000 }, async () => {
  const { workbench } = session;
  const withFix = expectedFindings(FIXTURE, FILE).find((f) => f.ruleId === 'port-25-on-mendix-cloud')?.fixes?.length;
  assert.ok(withFix, 'port-25-on-mendix-cloud carries its quick fix');
  await workbench.openFile(FILE);
  const actions = await workbench.openLightBulb('Mail.SMTPPort', '25');
  keepForReadme(await workbench.screenshot('quick-fix-menu'), 'quick-fix-menu');
  assert.ok(actions.some((a) => /587/.test(a)), `the light bulb offers the port fix; offered: ${JSON.stringify(actions)}`);
  await workbench.chooseAction(/587/);
  const text = await waitFor('the editor to say 587', () => workbench.editorText(), (t) => /Mail\.SMTPPort: 587/.test(t), 20_000);
  assert.doesNotMatch(text, /Mail\.SMTPPort: 25\b/);
  const problems = await waitFor('the port error to leave the Problems panel', () => workbench.readProblems(),
    (ps) => !has(ps, 'port-25-on-mendix-cloud') && has(ps, 'sender-noreply'), 30_000);
  assert.ok(has(problems, 'sender-noreply'));
});

test('Send Test Mail from the command palette delivers to the local relay over STARTTLS', { timeout: 150_000 }, async () => {
  const { workbench } = session;
  const title = commandTitle('mendixEmail.sendTestMail');
  assert.ok(title, 'the extension contributes mendixEmail.sendTestMail');
  await workbench.openFile('m2ee-local-relay.yaml');
  const delivered = relay.server.nextMessage();
  await workbench.runCommand(title);
  await workbench.waitForInput(/send the test mail to/i, 60_000);
  await workbench.answerInput(RECIPIENT);
  await workbench.waitForInput(/password/i);
  await workbench.answerInput(PASSWORD);
  await workbench.waitForInput(/remember/i);
  await workbench.pick("Don't store it");
  const report = await workbench.waitForNotification(/test mail (sent|failed)|failed/i, 60_000);
  const reportShot = await workbench.screenshot('test-send-report');
  assert.match(report, /test mail sent/i);
  keepForReadme(reportShot, 'test-send-report');
  // "Show Details": the stage-by-stage report in the output channel
  await workbench.page.locator('.notifications-toasts .monaco-button', { hasText: 'Show Details' }).first().click();
  await waitFor('the stage report in the Output panel', async () => (await workbench.page.locator('.output-view, .panel .monaco-editor').allTextContents()).join(' '),
    (t) => /DATA/.test(t) && /message\squeued/.test(t), 20_000); // the editor renders spaces as U+00A0
  keepForReadme(await workbench.screenshot('test-send-details'), 'test-send-details');
  let timer: NodeJS.Timeout | undefined;
  const message = await Promise.race([
    delivered,
    new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('the relay received nothing within 10 s of the report')), 10_000); }),
  ]).finally(() => clearTimeout(timer));
  assert.deepEqual(message.to, [RECIPIENT]);
  assert.equal(relay.server.received.length, 1);
  assert.ok(!message.raw.toString().includes(PASSWORD), 'the password is never in the message');
});

test('the screenshots of squiggles, Problems panel and hover are kept as test output', () => {
  for (const name of ['squiggles', 'problems-panel', 'hover']) {
    const file = join(outputDir, 'readme', `${name}.png`);
    assert.ok(existsSync(file), `${file} exists`);
    const png = readFileSync(file);
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    assert.ok(png.length > 20_000, `${name}.png shows a whole window (${png.length} bytes)`);
  }
});

test('the language server keeps its code cache in the extension\'s global storage', { timeout: 60_000 }, async () => {
  // written 15 s after the server started (or when it exits), owner-only, never in a shared temp folder
  const folder = join(session.userDataDir, 'User', 'globalStorage', 'mendix-email.mendix-email', 'code-cache');
  const files = await waitFor(`a server code cache in ${folder}`, async () => (existsSync(folder) ? readdirSync(folder) : []),
    (names) => names.some((n) => /^server-[0-9a-f]{16}-v[\d.]+-.*\.v8cache$/.test(n)), 45_000);
  assert.ok(files.every((n) => !n.endsWith('.tmp')), 'no half-written file left');
});
