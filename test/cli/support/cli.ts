// Drives the built CLI (dist/cli.js) as a user does: a real process, real files in a
// temporary folder. Builds the bundles first when dist/cli.js is older than the sources.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CORPUS, corpusFiles } from '../../support/corpus';

export const ROOT = join(__dirname, '..', '..', '..');
/** The bundle under test; MENDIX_EMAIL_CLI points at another build (then nothing is rebuilt). */
export const CLI = process.env.MENDIX_EMAIL_CLI ?? join(ROOT, 'dist', 'cli.js');
export { CORPUS };

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Rebuild dist/ with the project's esbuild script when dist/cli.js is missing or stale. */
export function ensureBuilt(): void {
  if (process.env.MENDIX_EMAIL_CLI) return;
  const inputs = Math.max(newestSource(join(ROOT, 'server', 'src')), statSync(join(ROOT, 'package.json')).mtimeMs, statSync(join(ROOT, 'esbuild.mjs')).mtimeMs);
  if (existsSync(CLI) && statSync(CLI).mtimeMs >= inputs) return;
  const build = spawnSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`node esbuild.mjs failed:\n${build.stdout}\n${build.stderr}`);
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli.js …args` in `cwd`; colour variables cleared so output is plain unless asked. */
export function runCli(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const baseEnv = { ...process.env };
    delete baseEnv.FORCE_COLOR;
    delete baseEnv.NO_COLOR;
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...baseEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A fresh temporary folder holding `files` (path → text). */
export function makeTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mendix-email-cli-'));
  writeTree(dir, files);
  return dir;
}

export function writeTree(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
}

export function removeTree(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** The corpus files under the names the tools recognise (see shared/corpus/real/README.md). */
export const CORPUS_NAMES: Record<string, string> = {
  'm2ee-tools.examples.m2ee.yaml': 'm2ee-tools/examples/m2ee.yaml',
  'm2ee-tools.examples.full-documented-m2ee.yaml': 'm2ee-tools/examples/full-documented-m2ee.yaml',
  'cf-mendix-buildpack.etc.m2ee.m2ee.yaml': 'cf-mendix-buildpack/etc/m2ee/m2ee.yaml',
  'cf-mendix-buildpack.dev.env': 'cf-mendix-buildpack/dev/.env',
  'cf-mendix-buildpack.dev.docker-compose.yml': 'cf-mendix-buildpack/dev/docker-compose.yml',
  'docker-mendix-buildpack.tests.docker-compose-azuresql.yml': 'docker-mendix-buildpack/tests/docker-compose-azuresql.yml',
  'docker-mendix-buildpack.tests.docker-compose-k8s.yml': 'docker-mendix-buildpack/tests/docker-compose-k8s.yml',
  'docker-mendix-buildpack.tests.docker-compose-mysql.yml': 'docker-mendix-buildpack/tests/docker-compose-mysql.yml',
  'docker-mendix-buildpack.tests.docker-compose-postgres.yml': 'docker-mendix-buildpack/tests/docker-compose-postgres.yml',
  'docker-mendix-buildpack.tests.docker-compose-sqlserver.yml': 'docker-mendix-buildpack/tests/docker-compose-sqlserver.yml',
};

/** Copies the corpus into `dir` under original names; returns the relative paths (none when the corpus is missing: see needsCorpus). */
export function copyCorpus(dir: string): string[] {
  const copied: string[] = [];
  for (const name of corpusFiles()) {
    const target = CORPUS_NAMES[name];
    if (!target) throw new Error(`corpus file ${name} has no original name in test/cli/support/cli.ts: add it`);
    mkdirSync(dirname(join(dir, target)), { recursive: true });
    cpSync(join(CORPUS, name), join(dir, target));
    copied.push(target);
  }
  return copied;
}

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  ruleId: string;
  message: string;
}

export function parseJsonReport(run: CliRun): JsonFinding[] {
  try {
    return JSON.parse(run.stdout) as JsonFinding[];
  } catch {
    throw new Error(`not JSON (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
}
