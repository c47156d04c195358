// The `mendix-email` task type and the `$mendix-email` problem matcher (package.json
// contributes.taskDefinitions / problemMatchers, client/src/checkTask/) in a real VS Code: a task
// from tasks.json runs the CLI bundled with the extension over the whole folder, and its findings
// land in the Problems panel with rule ids, severities and clickable locations, for a file no
// editor has open (the language server checks open files only, so these come from the task).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { packageExtension } from './support/extension';
import { startSession, type Session } from './support/session';
import { waitFor } from './support/workbench';

const TASK_LABEL = 'Mendix Email: check the folder (e2e)';
// a file in a subfolder that is never opened: only the task can report it
const ENV = 'MX_Mail_SMTPHost=smtp.order-portal.nl\nMX_Mail_SMTPPort=abc\nMX_Mail_SMTPUsername=orders\nMX_Mail_SMTPPassword=${SMTP_PASSWORD}\nMX_Mail_FromAddress=orders@order-portal.nl\n';

let session: Session;

before(async () => {
  session = await startSession({
    name: 'check-task',
    fixture: 'workspace',
    trusted: true,
    vsix: packageExtension(),
    files: {
      // offline: the task's CLI looks nothing up in DNS (tests talk to 127.0.0.1 only)
      '.vscode/tasks.json': JSON.stringify({ version: '2.0.0', tasks: [{ type: 'mendix-email', label: TASK_LABEL, offline: true }] }, null, 2),
      'mail/.env': ENV,
    },
    // the task's own problem matcher must do the work: VS Code is not to offer to pick one
    settings: { 'mendixEmail.online': false, 'task.problemMatchers.neverPrompt': true },
  });
}, { timeout: 240_000 });

after(async () => {
  await session?.close();
});

test('Run Task runs the mendix-email task; its findings reach the Problems panel with rule ids, severities and lines', { timeout: 360_000 }, async () => {
  const { workbench, page } = { workbench: session.workbench, page: session.workbench.page };
  // the label from tasks.json (or, should VS Code show the provider's, the task's own: check workspace (offline)).
  // Run Task asked while the window is still starting (extensions activating) shows no list at
  // all, so it is asked again until its list holds the task.
  const listed = /Mendix Email: check the folder \(e2e\)|check workspace \(offline\)/;
  const quickInput = page.locator('.quick-input-widget');
  await waitFor('the task in the Run Task list', async () => {
    if (!(await quickInput.isVisible())) await workbench.runCommand('Tasks: Run Task');
    return quickInput.locator('.monaco-list-row').allTextContents();
  }, (rows) => rows.some((r) => listed.test(r)), 120_000)
    .catch(async (error: unknown) => {
      await workbench.screenshot('check-task-run-task-list');
      throw error;
    });
  await workbench.pick(listed);
  const problems = await waitFor('the task\'s three findings in the Problems panel', () => workbench.readProblems(),
    (ps) => ps.some((p) => p.code === 'invalid-port') && ps.some((p) => p.code === 'port-25-on-mendix-cloud') && ps.some((p) => p.code === 'sender-noreply'), 180_000);
  await workbench.screenshot('check-task-problems');

  // as `mendix-email check` prints them: mail/.env 2:18 invalid-port, m2ee.yaml 13:20 and 17:23
  const port = problems.find((p) => p.code === 'invalid-port')!;
  assert.deepEqual([port.severity, port.line, port.column, port.source], ['error', 2, 18, 'mendix-email'], port.text);
  assert.match(port.message, /^The SMTP port "abc" is not a whole number/);
  const port25 = problems.find((p) => p.code === 'port-25-on-mendix-cloud')!;
  assert.deepEqual([port25.severity, port25.line, port25.column], ['error', 13, 20], port25.text);
  const noreply = problems.find((p) => p.code === 'sender-noreply')!;
  assert.deepEqual([noreply.severity, noreply.line, noreply.column], ['warning', 17, 23], noreply.text);
  // the summary line (`✖ 3 problems …`) is no problem
  assert.equal(problems.length, 3, problems.map((p) => p.text).join('\n'));

  // the file rows name the files relative to the workspace folder, and a finding opens its file
  const rows = (await page.locator('.markers-panel .monaco-list-row').allTextContents()).join('\n');
  assert.match(rows, /\.env/);
  assert.match(rows, /m2ee\.yaml/);
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'invalid-port' }).first().click();
  await waitFor('mail/.env open in the editor', async () => (await page.locator('.tabs-container .tab.active').textContent({ timeout: 2_000 }).catch(() => '')) ?? '', (t) => t.includes('.env'), 30_000);
});
