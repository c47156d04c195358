// The CLI as npm users get it: the project copied as a fresh clone holds it (tracked and new
// files, no dist/), `npm pack` there (its prepack builds the bundles), and the tarball
// installed into an empty project with `npm install --offline` — which only works because
// the package has no dependencies to fetch.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from './cli';

export interface PackedCli {
  /** the temporary folder that holds everything below */
  root: string;
  tarball: string;
  /** what `npm pack --json` said */
  pack: { size: number; unpackedSize: number; entryCount: number; files: { path: string; size: number }[] };
  /** the empty project the tarball was installed into */
  project: string;
  version: string;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** npm with its cache in the temp folder, no update or funding chatter, no audit requests. */
export function npmEnv(root: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    npm_config_cache: join(root, 'npm-cache'),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_loglevel: 'error',
  };
}

export function packAndInstall(): PackedCli {
  const root = mkdtempSync(join(tmpdir(), 'mendix-email-npm-'));
  const clone = join(root, 'clone');
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    let text: Buffer;
    try {
      text = readFileSync(join(ROOT, file));
    } catch {
      continue; // deleted in the work tree, not yet committed
    }
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    writeFileSync(join(clone, file), text);
  }
  // `npm ci` done: the dev dependencies the prepack build needs
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(clone, 'node_modules'), 'junction');
  const env = npmEnv(root);
  const out = execFileSync(npm, ['pack', '--json', '--pack-destination', root], { cwd: clone, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  // the prepack build's own lines come before npm's JSON
  const [pack] = JSON.parse(out.slice(out.search(/^\[/m))) as (PackedCli['pack'] & { filename: string })[];
  const tarball = join(root, pack.filename);

  const project = join(root, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-project', version: '1.0.0', private: true }, null, 2));
  execFileSync(npm, ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: project, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  return { root, tarball, pack, project, version };
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `npx mendix-email …` in `cwd` (inside the project): resolved from its node_modules, never downloaded (--offline; npx's `--no` would swallow the next word). */
export function npxMendixEmail(packed: PackedCli, args: string[], cwd = packed.project, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return run(npx, ['--offline', 'mendix-email', ...args], cwd, { ...npmEnv(packed.root), ...env });
}

export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

