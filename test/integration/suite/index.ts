// Entry point VS Code's extension host calls (extensionTestsPath): runs the Mocha suite
// bundled beside it. Also writes a JSON summary to $MENDIX_EMAIL_INTEGRATION_RESULT, which
// is how the code-server run (no process exit code reaches the test) reads the outcome.
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';

export interface IntegrationResult {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
  titles: string[];
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 90_000, color: false, reporter: 'spec' });
  // the suites are bundled into this file: register Mocha's globals, then load them
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  require('./extension.test');

  return new Promise((resolve, reject) => {
    const result: IntegrationResult = { passed: 0, failed: 0, pending: 0, failures: [], titles: [] };
    const runner = mocha.run((failures) => {
      const file = process.env.MENDIX_EMAIL_INTEGRATION_RESULT;
      if (file) writeFileSync(file, JSON.stringify(result, null, 2));
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => { result.passed += 1; result.titles.push(`pass: ${t.fullTitle()}`); });
    runner.on('pending', (t) => { result.pending += 1; result.titles.push(`pending: ${t.fullTitle()}`); });
    runner.on('fail', (t, error) => {
      result.failed += 1;
      result.titles.push(`fail: ${t.fullTitle()}`);
      result.failures.push({ title: t.fullTitle(), error: String((error as Error)?.stack ?? error) });
    });
  });
}
