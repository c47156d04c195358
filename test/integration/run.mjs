// npm run test:integration — the Mocha suite in test/integration/suite inside a desktop
// VS Code's extension host via @vscode/test-electron: the VS Code given by
// VSCODE_EXECUTABLE_PATH, else one downloaded from update.code.visualstudio.com.
// Without either it says plainly that it did not run (exit 0, no fake pass).
// The same suite runs in code-server as part of the end-to-end suite (npm run test:e2e).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { buildSuite, root } from './build.mjs';

function notRun(reason) {
  console.log(`integration suite NOT RUN (no test was executed): ${reason}`);
  process.exit(0);
}

function onPath(name) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, name)));
}

async function reachable(url) {
  try {
    const response = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(10_000) });
    return response.status < 500;
  } catch {
    return false;
  }
}

const executable = process.env.VSCODE_EXECUTABLE_PATH;
if (executable && !existsSync(executable)) notRun(`VSCODE_EXECUTABLE_PATH=${executable} does not exist`);
if (!executable && !(await reachable('https://update.code.visualstudio.com/api/releases/stable'))) {
  notRun('no VS Code: set VSCODE_EXECUTABLE_PATH to an installed VS Code, or allow downloads from update.code.visualstudio.com. (The same suite runs inside code-server in `npm run test:e2e`.)');
}
// Electron needs a display: re-run under xvfb-run when there is none
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  if (!onPath('xvfb-run')) notRun('no display (DISPLAY unset) and no xvfb-run to make one: apt-get install xvfb');
  const again = spawnSync('xvfb-run', ['-a', process.execPath, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...process.env, DISPLAY: '' } });
  process.exit(again.status ?? 1);
}

const build = spawnSync(process.execPath, [join(root, 'esbuild.mjs')], { stdio: 'inherit', cwd: root });
if (build.status !== 0) process.exit(1);
const extensionTestsPath = await buildSuite();

const work = mkdtempSync(join(tmpdir(), 'mendix-email-integration-'));
const workspace = join(work, 'workspace');
cpSync(join(root, 'test', 'integration', 'fixtures', 'workspace'), workspace, { recursive: true });
const resultFile = join(work, 'result.json');
const { runTests } = await import('@vscode/test-electron');
let exitCode = 1;
try {
  exitCode = await runTests({
    ...(executable ? { vscodeExecutablePath: executable } : { version: 'stable' }),
    extensionDevelopmentPath: root,
    extensionTestsPath,
    extensionTestsEnv: { MENDIX_EMAIL_INTEGRATION_RESULT: resultFile },
    launchArgs: [
      workspace,
      '--disable-extensions', // every other extension; the one under development still loads
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir', join(work, 'user-data'),
      '--extensions-dir', join(work, 'extensions'),
    ],
  });
} catch (error) {
  console.error(`integration suite failed to run: ${error instanceof Error ? error.message : String(error)}`);
}
const result = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : undefined;
rmSync(work, { recursive: true, force: true });
if (!result) {
  console.log('0 passed, 1 failed (the suite wrote no result)');
  process.exit(1);
}
console.log(`${result.passed} passed, ${result.failed} failed${result.pending ? `, ${result.pending} skipped` : ''}`);
process.exit(exitCode === 0 && result.failed === 0 ? 0 : 1);
