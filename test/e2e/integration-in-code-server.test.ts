// The Mocha integration suite (test/integration/suite) run inside code-server's extension
// host: the workbench URL's payload names the extension under development (this checkout,
// dist/ built) and the tests bundle, which code-server honours with the server option
// enable-smoke-test-driver. The suite writes its summary to a file this test reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProfile, removeProfile, startCodeServer } from './support/codeServer';
import { findTools, outputDir, repoRoot } from './support/tools';
import { launchBrowser, waitFor } from './support/workbench';


interface IntegrationResult {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
  titles: string[];
}

test('the integration suite passes in code-server\'s extension host', { timeout: 300_000 }, async () => {
  const tools = findTools();
  const { buildSuite } = await import('../integration/build.mjs');
  const bundle = await buildSuite();
  const work = mkdtempSync(join(tmpdir(), 'mendix-email-integration-'));
  const workspace = join(work, 'workspace');
  cpSync(join(repoRoot, 'test', 'integration', 'fixtures', 'workspace'), workspace, { recursive: true });
  const resultFile = join(work, 'result.json');
  const profile = createProfile({ 'mendixEmail.online': false });
  const server = await startCodeServer({
    codeServer: tools.codeServer,
    profile,
    trusted: true,
    env: { MENDIX_EMAIL_INTEGRATION_RESULT: resultFile },
    extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
  });
  const browser = await launchBrowser(tools.chromium);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const authority = new URL(server.url).host;
    const remote = (path: string) => `vscode-remote://${authority}${path}`;
    const payload = [
      ['extensionDevelopmentPath', remote(repoRoot)],
      ['extensionTestsPath', remote(bundle)],
      ['extensionEnvironment', JSON.stringify({ MENDIX_EMAIL_INTEGRATION_RESULT: resultFile })],
    ];
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    await waitFor('the suite\'s result file', async () => existsSync(resultFile), (done) => done, 240_000).catch(async (error) => {
      mkdirSync(outputDir, { recursive: true });
      await page.screenshot({ path: join(outputDir, 'integration-in-code-server-timeout.png') });
      throw new Error(`${(error as Error).message}\n--- code-server output ---\n${server.log()}`);
    });
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as IntegrationResult;
    writeFileSync(join(outputDir, 'integration-in-code-server.json'), JSON.stringify(result, null, 2));
    assert.deepEqual(result.failures, [], 'no integration test fails');
    assert.ok(result.passed >= 5, `all integration tests ran: ${result.titles.join('; ')}`);
  } finally {
    await browser.close();
    await server.stop();
    removeProfile(profile);
    rmSync(work, { recursive: true, force: true });
  }
});
