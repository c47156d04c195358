// The one place a child process is started (docs/security.md, "What runs"): `git`, asked a
// question about a repository, never in Restricted Mode (callers check), always asynchronous
// and killed at a deadline. A repository's own configuration can name programs git runs
// (core.fsmonitor, hooks, pagers) and files it reads (include.path, possibly a FIFO): those
// programs are switched off on the command line, where they beat the repository's config.
import { spawn } from 'node:child_process';
import { devNull, tmpdir } from 'node:os';

export type GitOutcome = { ok: true; stdout: string } | { ok: false; reason: string };

export interface GitOptions {
  /** the repository's folder (passed as `-C`, not as the working directory: see below) */
  repository: string;
  timeoutMs: number;
  /** output larger than this is refused (a listing of a huge repository) */
  maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** Settings that stop git from running anything the repository names; command-line `-c` wins over every config file. */
export const SAFE_GIT_CONFIG = [
  '-c', 'core.fsmonitor=false',
  '-c', `core.hooksPath=${devNull}`,
  '-c', 'core.pager=cat',
  '-c', 'core.untrackedCache=false',
];

/** The environment git gets: the user's, minus every GIT_* variable (they could point git at another repository or config), plus no pager, prompt or optional locks. */
export function gitEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) if (!/^GIT_/i.test(name)) clean[name] = value;
  return { ...clean, GIT_PAGER: 'cat', PAGER: 'cat', GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' };
}

/** Runs `git <args>` in the repository; resolves (never rejects) by the deadline at the latest. */
export function runGit(args: readonly string[], options: GitOptions): Promise<GitOutcome> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: GitOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    let child: ReturnType<typeof spawn>;
    try {
      // the working directory is not the repository: on Windows a program is looked up in the
      // working directory first, and a workspace could hold a git.exe
      child = spawn('git', ['--no-pager', ...SAFE_GIT_CONFIG, '-C', options.repository, ...args], {
        cwd: tmpdir(),
        env: gitEnvironment(),
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
        // its own process group, so a deadline kills whatever git started too
        detached: process.platform !== 'win32',
      });
    } catch (error) {
      finish({ ok: false, reason: `git could not be started (${(error as Error).message})` });
      return;
    }
    const kill = () => {
      try {
        if (process.platform !== 'win32' && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
      child.stdout?.destroy();
      child.stderr?.destroy();
    };
    const timer = setTimeout(() => {
      kill();
      finish({ ok: false, reason: `git did not answer within ${Math.round(options.timeoutMs / 100) / 10} s and was stopped` });
    }, options.timeoutMs);
    const chunks: Buffer[] = [];
    let bytes = 0;
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        kill();
        finish({ ok: false, reason: `git's answer was larger than ${Math.round(maxBytes / 1024 / 1024)} MB` });
        return;
      }
      chunks.push(chunk);
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      if (stderr.length < 2000) stderr += chunk.toString('utf8');
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish({ ok: false, reason: error.code === 'ENOENT' ? 'git is not installed (or not on PATH)' : `git could not be started (${error.message})` });
    });
    child.on('close', (code) => {
      if (code === 0) finish({ ok: true, stdout: Buffer.concat(chunks).toString('utf8') });
      else finish({ ok: false, reason: `git failed${code === null ? '' : ` (exit ${code})`}${firstLine(stderr)}` });
    });
  });
}

function firstLine(text: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim());
  return line ? `: ${line.trim().slice(0, 200)}` : '';
}
