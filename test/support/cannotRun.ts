// A test that cannot run here (the real corpus is not beside the repository, dist/ is not
// built, VS Code is not in .tools/) says why instead of passing. Locally it is skipped with
// that reason (the summary line counts it and names the reason); in CI (CI=true) a missing
// part is an error: the test file fails to load, loudly, instead of passing by not running.
export function cannotRun(reason: string | false | undefined): { skip?: string } {
  if (!reason) return {};
  if (process.env.CI === 'true' || process.env.CI === '1') {
    throw new Error(`this test cannot run in CI: ${reason}`);
  }
  return { skip: reason };
}

/** The same inside a running test (when only the test itself can tell): skip here, fail in CI. */
export function skipOrFail(t: { skip(message?: string): void }, reason: string): void {
  if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(`this test cannot run in CI: ${reason}`);
  t.skip(reason);
}
