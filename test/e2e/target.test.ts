// The language status item (the "{}" hover in the status bar) that names the current file's
// mail target and where it came from, and "Mendix Email: Explain or Change Target of This
// File": an override written into .mendix-email.json, then an inline directive that wins over
// it. Each change is checked on disk, in the Problems panel and in the status item.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'jsonc-parser';
import { commandTitle, packageExtension } from './support/extension';
import { fixturePath, lineOf } from './support/expected';
import { startSession, type Session } from './support/session';
import { targetSteps } from './support/targetSteps';
import { waitFor } from './support/workbench';

const FIXTURE = 'target';
const FILE = 'm2ee.yaml';
const TITLE = commandTitle('mendixEmail.showTarget');
let session: Session;

before(async () => {
  session = await startSession({
    name: 'target',
    fixture: FIXTURE,
    trusted: true,
    vsix: packageExtension(),
    settings: { 'mendixEmail.online': false }, // no DNS look-ups from the editor
  });
}, { timeout: 240_000 });

after(async () => {
  await session?.close();
});

const steps = targetSteps(() => session.workbench, TITLE);
const { codes, statusShowing, withScreenshotOnFailure } = steps;
/** Runs the command on m2ee.yaml and takes `how` in its first quick pick, then `target` in the list of targets. */
const changeTarget = (how: RegExp, target: RegExp) => steps.changeTarget(FILE, how, /^Target for/, target);

test('the status item shows self-hosted, decided by the file kind, and port 25 is no finding', { timeout: 150_000 }, async (t) => {
  assert.ok(TITLE, 'package.json contributes the command mendixEmail.showTarget');
  await withScreenshotOnFailure('target-file-kind', async () => {
    const { workbench } = session;
    await workbench.openFile(FILE);
    const status = await statusShowing('self-hosted', /file kind: /);
    assert.match(status, /m2ee/i, `the source names the file kind: ${status}`);
    t.diagnostic(`status item: ${status}`);
    await workbench.screenshot('target-file-kind-status');
    await workbench.closeHover();
    const problems = await waitFor('the noreply warning in the Problems panel', () => workbench.readProblems(),
      (ps) => ps.some((p) => p.code === 'sender-noreply'), 90_000);
    assert.deepEqual(codes(problems), ['sender-noreply']);
    await workbench.screenshot('target-file-kind');
    await workbench.closeHover();
  });
});

test('the command writes an override for the file into .mendix-email.json: mendix-cloud, port 25 an error', { timeout: 150_000 }, async (t) => {
  assert.ok(TITLE, 'package.json contributes the command mendixEmail.showTarget');
  await withScreenshotOnFailure('target-config', async () => {
    const { workbench, workspace } = session;
    const configPath = join(session.workspace, '.mendix-email.json');
    assert.ok(!existsSync(configPath), 'the fixture has no .mendix-email.json');
    await changeTarget(/Set the target of this file in \.mendix-email\.json/, /Mendix Cloud \(v4 and later\)/);

    const config = await waitFor('.mendix-email.json on disk', async () => (existsSync(configPath) ? parse(readFileSync(configPath, 'utf8')) : undefined),
      (c) => c !== undefined, 20_000);
    assert.deepEqual(config, { overrides: { [`./${FILE}`]: 'mendix-cloud' } });
    assert.equal(readFileSync(join(workspace, FILE), 'utf8'), readFileSync(fixturePath(FIXTURE, FILE), 'utf8'), 'm2ee.yaml itself is unchanged');

    await workbench.openFile(FILE);
    const problems = await waitFor('port-25-on-mendix-cloud beside the noreply warning in the Problems panel', () => workbench.readProblems(),
      (ps) => ps.some((p) => p.code === 'port-25-on-mendix-cloud') && ps.some((p) => p.code === 'sender-noreply'), 60_000);
    assert.deepEqual(codes(problems), ['port-25-on-mendix-cloud', 'sender-noreply']);
    const port = problems.find((p) => p.code === 'port-25-on-mendix-cloud')!;
    assert.equal(port.severity, 'error');
    assert.equal(port.line, lineOf(FIXTURE, FILE, 'Mail.SMTPPort: 25'));

    await workbench.openFile(FILE); // the Problems panel took the focus; the status item follows the editor
    await statusShowing('mendix-cloud', /\.mendix-email\.json \(overrides: \.\/m2ee\.yaml\)/);
    await workbench.screenshot('target-config');
    await workbench.closeHover();
  });
});

test('the command adds an inline directive (docker) that wins over .mendix-email.json; saved, port 25 is no finding again', { timeout: 150_000 }, async (t) => {
  assert.ok(TITLE, 'package.json contributes the command mendixEmail.showTarget');
  await withScreenshotOnFailure('target-directive', async () => {
    const { workbench, workspace } = session;
    await changeTarget(/Add an inline directive to this file/, /Docker \/ Kubernetes/);

    const directive = '# mendix-email: target=docker';
    await waitFor('the directive in the editor', () => workbench.editorText(), (text) => text.split('\n')[0] === directive, 20_000);
    await workbench.save();
    const onDisk = await waitFor('the directive saved to m2ee.yaml', async () => readFileSync(join(workspace, FILE), 'utf8'),
      (text) => text.startsWith(`${directive}\n`), 20_000);
    assert.equal(onDisk, `${directive}\n${readFileSync(fixturePath(FIXTURE, FILE), 'utf8')}`, 'one line added at the top, the rest untouched');
    assert.deepEqual(parse(readFileSync(join(workspace, '.mendix-email.json'), 'utf8')), { overrides: { [`./${FILE}`]: 'mendix-cloud' } }, 'the config file is untouched');

    const problems = await waitFor('port-25-on-mendix-cloud to leave the Problems panel', () => workbench.readProblems(),
      (ps) => ps.some((p) => p.code === 'sender-noreply') && !ps.some((p) => p.code === 'port-25-on-mendix-cloud'), 60_000);
    assert.deepEqual(codes(problems), ['sender-noreply']);
    assert.equal(problems[0].line, lineOf(FIXTURE, FILE, 'Mail.FromAddress') + 1, 'the warning moved down with the added line');

    await workbench.openFile(FILE);
    await statusShowing('docker', /inline directive on line 1\b/);
    await workbench.screenshot('target-directive');
    await workbench.closeHover();
  });
});
