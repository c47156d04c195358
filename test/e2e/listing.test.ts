// What a user who installs the extension from its listing meets first, in a real VS Code
// (code-server + Chromium): the test-send commands only where they work, the first-use
// walkthrough, a finding's rule link, the shipped rule page, and the README's animation
// (a quick fix applied and a test mail sent) recorded from this flow.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandTitle, packageExtension } from './support/extension';
import { encodeGif, type Frame } from './support/gif';
import { PASSWORD, RELAY_FILE, relaySettingsFile, startRelay, type Relay } from './support/relay';
import { startSession, type Session } from './support/session';
import { outputDir, repoRoot } from './support/tools';
import { waitFor } from './support/workbench';
import { ruleDocUrl } from '../../server/src/core/links';

const FILE = 'm2ee.yaml';
const RECIPIENT = 'ops@order-portal.nl';
const GIF_BUDGET = 2 * 1024 * 1024;
let session: Session;
let relay: Relay;
/** requests the workbench made to the repository's web pages (answered here: tests stay on 127.0.0.1) */
const webPagesAsked: string[] = [];

before(async () => {
  relay = await startRelay();
  session = await startSession({
    name: 'listing',
    fixture: 'workspace',
    trusted: true,
    vsix: packageExtension(),
    files: { [RELAY_FILE]: relaySettingsFile(relay.server.port), 'package.json': '{ "name": "not-a-mendix-file", "private": true }\n' },
    settings: { 'mendixEmail.online': false, 'mendixEmail.smtp.trustedCertificates': { '127.0.0.1': relay.cert.certFile } },
  });
  // the rule links point at the repository on the web: answer them here, never from the network
  await session.workbench.page.context().route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
    webPagesAsked.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>rule page</title>' });
  });
}, { timeout: 240_000 });

after(async () => {
  await session?.close();
  await relay?.close();
});

async function waitForSquiggles(): Promise<void> {
  await waitFor('squiggles in the editor (the extension is active)', () => session.workbench.page.locator('.editor-instance .squiggly-error').count(), (n) => n > 0, 90_000);
}

test('Send Test Mail, Verify and Explain Target are in the palette on an m2ee.yaml, not on a package.json', { timeout: 150_000 }, async () => {
  const { workbench } = session;
  const send = commandTitle('mendixEmail.sendTestMail')!;
  const verify = commandTitle('mendixEmail.verifyConnection')!;
  const target = commandTitle('mendixEmail.showTarget')!;
  await workbench.openFile(FILE);
  await waitForSquiggles();
  assert.ok(await workbench.hasCommand(send), `${send} on ${FILE}`);
  assert.ok(await workbench.hasCommand(verify), `${verify} on ${FILE}`);

  await workbench.openFile('package.json');
  assert.equal(await workbench.hasCommand(send), false, `${send} on package.json`);
  assert.equal(await workbench.hasCommand(verify), false, `${verify} on package.json`);
  assert.equal(await workbench.hasCommand(target), false, `${target} on package.json`);
  // commands that work anywhere stay
  assert.ok(await workbench.hasCommand(commandTitle('mendixEmail.showRuleDocumentation')!));

  await workbench.openFile(FILE);
  assert.ok(await workbench.hasCommand(send), `${send} back on ${FILE}`);
});

test('the first-use walkthrough opens with its steps', { timeout: 90_000 }, async () => {
  const { workbench } = session;
  await workbench.runCommand('Open Walkthrough');
  await workbench.waitForInput();
  await workbench.page.locator('.quick-input-widget input').first().fill('Mendix Email');
  await workbench.pick('Get started with Mendix Email');
  const page = workbench.page.locator('.gettingStartedContainer');
  const text = await waitFor('the walkthrough page', async () => ((await page.first().textContent({ timeout: 2_000 }).catch(() => '')) ?? '').replace(/\s+/g, ' '),
    (t) => t.includes('Get started with Mendix Email') && t.includes('Send a test mail'), 30_000);
  for (const step of ['Open a settings file', 'Fix it with a quick fix', 'Send a test mail', 'Run the same checks in CI']) assert.ok(text.includes(step), step);
  await workbench.screenshot('walkthrough');
  await workbench.page.keyboard.press('Control+F4'); // close the Welcome tab
});

test("a finding's rule link in the hover opens the rule's page on the web", { timeout: 90_000 }, async () => {
  const { workbench } = session;
  await workbench.openFile(FILE);
  await workbench.hover('Mail.SMTPPort', '25');
  const link = workbench.page.locator('.monaco-hover:visible a', { hasText: 'port-25-on-mendix-cloud' }).first();
  await link.waitFor({ state: 'visible', timeout: 10_000 });
  const popup = workbench.page.context().waitForEvent('page', { timeout: 30_000 });
  await link.click();
  // VS Code may ask before opening a website it does not trust yet
  const open = workbench.page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Open$/ }).first();
  if (await open.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false)) await open.click();
  const opened = await popup;
  await waitFor('the rule page to load', async () => opened.url(), (u) => u.startsWith('https://'), 20_000);
  assert.equal(opened.url(), ruleDocUrl('port-25-on-mendix-cloud'));
  assert.ok(webPagesAsked.includes(ruleDocUrl('port-25-on-mendix-cloud')), 'the page was asked for (and answered locally)');
  await opened.close();
});

test("'Show documentation' renders the rule page shipped in the extension (offline)", { timeout: 90_000 }, async () => {
  const { workbench } = session;
  await workbench.page.keyboard.press('Escape');
  await workbench.openFile(FILE);
  const asked = webPagesAsked.length;
  const actions = await workbench.openLightBulb('Mail.SMTPPort', '25');
  assert.ok(actions.includes('Show documentation for port-25-on-mendix-cloud'), JSON.stringify(actions));
  await workbench.chooseAction('Show documentation for port-25-on-mendix-cloud');
  const tab = workbench.page.locator('.tabs-container .tab', { hasText: 'Preview port-25-on-mendix-cloud.md' });
  await tab.waitFor({ state: 'visible', timeout: 30_000 });
  // the preview's text is in a webview: its frame shows the page's heading and no request left for the web
  const heading = await waitFor('the rendered rule page', async () => {
    for (const frame of workbench.page.frames()) {
      const h1 = await frame.locator('h1').first().textContent({ timeout: 500 }).catch(() => null);
      if (h1) return h1;
    }
    return '';
  }, (h) => h.includes('port-25-on-mendix-cloud'), 30_000);
  assert.match(heading, /port-25-on-mendix-cloud/);
  assert.equal(webPagesAsked.length, asked, 'the shipped copy, not the web');
  await workbench.page.keyboard.press('Control+F4');
});

test("the README's animation: a quick fix applied and a test mail sent, recorded here (≤ 2 MB)", { timeout: 240_000 }, async () => {
  const { workbench } = session;
  const frames: Frame[] = [];
  const frame = async (name: string, delay: number) => frames.push({ png: readFileSync(await workbench.screenshot(`tour-${frames.length}-${name}`)), delay });
  await workbench.runCommand('View: Close All Editors');

  await workbench.openFile(FILE);
  await waitForSquiggles();
  await frame('squiggles', 1600);
  await workbench.openLightBulb('Mail.SMTPPort', '25');
  await frame('quick-fix', 1800);
  await workbench.chooseAction(/587/);
  await waitFor('the editor to say 587', () => workbench.editorText(), (t) => /Mail\.SMTPPort: 587/.test(t), 20_000);
  await waitFor('the port error to go', () => workbench.page.locator('.editor-instance .squiggly-error').count(), (n) => n === 0, 30_000);
  await frame('fixed', 1600);

  await workbench.openFile('m2ee-local-relay.yaml');
  const delivered = relay.server.nextMessage();
  await workbench.runCommand(commandTitle('mendixEmail.sendTestMail')!);
  await workbench.waitForInput(/send the test mail to/i, 60_000);
  await workbench.page.locator('.quick-input-widget input').first().fill(RECIPIENT);
  await frame('recipient', 1400);
  await workbench.page.keyboard.press('Enter');
  await workbench.waitForInput(/password/i);
  await workbench.answerInput(PASSWORD);
  await workbench.waitForInput(/remember/i);
  await workbench.pick("Don't store it");
  await workbench.waitForNotification(/test mail sent/i, 60_000);
  await frame('sent', 3000);
  const message = await delivered;
  assert.deepEqual(message.to, [RECIPIENT]);

  const gif = encodeGif(frames);
  assert.equal(gif.subarray(0, 6).toString(), 'GIF89a');
  assert.ok(gif.length <= GIF_BUDGET, `${Math.round(gif.length / 1024)} KB`);
  const dirs = [join(outputDir, 'readme'), ...(process.env.MENDIX_EMAIL_README_IMAGES === '1' ? [join(repoRoot, 'docs', 'images')] : [])];
  for (const dir of dirs) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'tour.gif'), gif);
  }
  assert.ok(statSync(join(outputDir, 'readme', 'tour.gif')).size === gif.length);
});
