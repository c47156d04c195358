// Runs the test suites with Node's own test runner (TypeScript through tsx), after a
// fresh build (protocol, CLI and end-to-end tests drive the bundles in dist/).
// Usage: node test/run.mjs [suite…]   suites: unit fuzz protocol smtp dns cli cloud package e2e (default: all)
// The last line is the plain summary "N passed, N failed[, N skipped]".
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const allSuites = ['unit', 'fuzz', 'protocol', 'smtp', 'dns', 'cli', 'cloud', 'package', 'e2e'];
const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const suites = asked.length ? asked : allSuites;

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : testFiles(path);
    return /\.test\.(ts|mts|mjs)$/.test(name) ? [path] : [];
  });
}

const build = spawnSync(process.execPath, [join(root, 'esbuild.mjs')], { stdio: 'inherit', cwd: root });
if (build.status !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const files = suites.flatMap((s) => testFiles(join(root, 'test', s))).map((f) => relative(root, f));
if (files.length === 0) {
  console.error(`no test files in: ${suites.join(', ')}`);
  process.exit(1);
}

const result = spawnSync(
  process.execPath,
  [
    '--import', 'tsx',
    '--test',
    '--test-concurrency=2',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./test/support/summary-reporter.mjs', '--test-reporter-destination=stdout',
    ...files,
  ],
  { stdio: 'inherit', cwd: root, env: { ...process.env, MENDIX_EMAIL_TEST: '1' } },
);
process.exit(result.status ?? 1);
