// Git repositories that try to run a program through git (issue 13, item 1): the repository's
// config names a `core.fsmonitor` script that writes a marker file, reached directly, through a
// `.git` FILE pointing at a git folder elsewhere, or through `include.path`; and one whose
// `include.path` is a FIFO, on which git blocks for good. Every git call made here to build
// them switches fsmonitor off, so only the program under test could write the marker.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DOTENV_WITH_PASSWORD = 'MX_Mail_SMTPHost=smtp.example.com\nMX_Mail_SMTPUsername=mailer\nMX_Mail_SMTPPassword=hunter2hunter2\n';

export type HostileRoute = 'config' | 'git-file' | 'include' | 'include-fifo';

export interface HostileRepo {
  /** the workspace folder (the repository's work tree) */
  root: string;
  /** written by the fsmonitor script when anything runs it */
  marker: string;
  /** the ignored .env with a password */
  env: string;
  markerWritten(): boolean;
  dispose(): void;
}

function git(cwd: string, ...args: string[]): void {
  const done = spawnSync('git', ['-c', 'core.fsmonitor=false', ...args], { cwd, encoding: 'utf8', timeout: 10_000 });
  if (done.status !== 0) throw new Error(`git ${args.join(' ')}: ${done.stderr}`);
}

/** A repository with an ignored `.env` holding a password; `trackEnv` also commits it (added before it was ignored). */
export function hostileRepo(route: HostileRoute, options: { trackEnv?: boolean } = {}): HostileRepo {
  const base = mkdtempSync(join(tmpdir(), 'mendix-email-hostile-'));
  const root = join(base, 'workspace');
  mkdirSync(root);
  const made = makeRepositoryHostile(root, base, route, options);
  return { ...made, dispose: () => rmSync(base, { recursive: true, force: true }) };
}

/**
 * Turns the folder `root` into such a repository; the script, the marker and any git folder or
 * config outside the work tree go into `besides` (a folder outside `root`).
 */
export function makeRepositoryHostile(root: string, besides: string, route: HostileRoute, options: { trackEnv?: boolean } = {}): Omit<HostileRepo, 'dispose'> {
  const outside = join(besides, 'outside');
  mkdirSync(outside, { recursive: true });
  const marker = join(besides, 'MARKER');
  const script = join(outside, 'fsmonitor.sh');
  writeFileSync(script, `#!/bin/sh\ntouch '${marker}'\nexit 1\n`);
  chmodSync(script, 0o755);

  git(root, 'init', '-q');
  git(root, 'config', 'user.email', 'test@example.com');
  git(root, 'config', 'user.name', 'test');
  writeFileSync(join(root, '.gitignore'), '.env\n');
  const env = join(root, '.env');
  writeFileSync(env, DOTENV_WITH_PASSWORD);
  git(root, 'add', '.gitignore');
  if (options.trackEnv) git(root, 'add', '-f', '.env');
  git(root, 'commit', '-q', '-m', 'init');

  let gitDir = join(root, '.git');
  if (route === 'git-file') {
    // the work tree holds a `.git` file; the real git folder (and its config) lives elsewhere
    const moved = join(outside, 'repo.git');
    renameSync(gitDir, moved);
    writeFileSync(join(root, '.git'), `gitdir: ${moved}\n`);
    gitDir = moved;
  }
  if (route === 'include') {
    const included = join(outside, 'included.gitconfig');
    writeFileSync(included, `[core]\n\tfsmonitor = ${script}\n`);
    git(root, 'config', 'include.path', included);
  } else if (route === 'include-fifo') {
    const fifo = join(outside, 'fifo.gitconfig');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status !== 0) throw new Error('mkfifo failed');
    // written straight into the config: git itself would block reading the FIFO from now on
    writeFileSync(join(gitDir, 'config'), `${readConfig(gitDir)}[include]\n\tpath = ${fifo}\n`);
  } else {
    git(root, 'config', 'core.fsmonitor', script);
  }

  return { root, marker, env, markerWritten: () => existsSync(marker) };
}

function readConfig(gitDir: string): string {
  return readFileSync(join(gitDir, 'config'), 'utf8');
}

/** Proof that the repository is hostile: plain git (no -c core.fsmonitor=false) runs the script. */
export function plainGitRunsTheMarker(repo: HostileRepo): boolean {
  spawnSync('git', ['status', '--porcelain'], { cwd: repo.root, timeout: 10_000 });
  const written = repo.markerWritten();
  rmSync(repo.marker, { force: true });
  return written;
}
