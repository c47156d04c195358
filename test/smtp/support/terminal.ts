// A real pseudo-terminal for tests, from util-linux `script` (Debian: bsdutils, always
// installed): `script -q -f -e -c COMMAND /dev/null` runs COMMAND with a pty as its stdin,
// stdout and stderr; what we write to script's stdin is typed on that terminal, and
// script's stdout is what the terminal shows (including anything the terminal echoes).
import { spawn, spawnSync } from 'node:child_process';

let help: string | undefined;
function scriptHelp(): string | undefined {
  if (help === undefined) {
    const r = spawnSync('script', ['--help'], { encoding: 'utf8' });
    help = r.error ? '' : `${r.stdout}${r.stderr}`;
  }
  return help || undefined;
}

/** Why these tests cannot get a real terminal here, or undefined when they can. */
export function noTerminalReason(): string | undefined {
  if (process.platform === 'win32') return 'no pseudo-terminals on Windows';
  const text = scriptHelp();
  if (!text) return 'util-linux `script` is not installed (Debian package bsdutils): no pseudo-terminal to test on';
  if (!/--command/.test(text) || !/--return/.test(text)) return '`script` is not the util-linux one (no --command / --return)';
  // a container without /dev/pts has `script` but no pseudo-terminals
  const probe = spawnSync('script', ['-q', '-e', '-c', 'test -t 0 && test -t 1', '/dev/null'], { input: '', encoding: 'utf8', timeout: 10_000 });
  if (probe.status !== 0) return `\`script\` cannot give a command a pseudo-terminal here (exit ${probe.status}): ${probe.stderr.trim() || probe.stdout.trim()}`;
  return undefined;
}

/** One argument for /bin/sh, quoted. */
export const shellQuote = (arg: string): string => `'${arg.replace(/'/g, `'\\''`)}'`;

export interface TerminalSession {
  /** everything the terminal has shown so far (the pty turns \n into \r\n) */
  output(): string;
  /** resolves once the output matches; rejects with the output so far after `ms` */
  waitFor(pattern: RegExp, ms?: number): Promise<RegExpMatchArray>;
  /** types on the terminal: Enter is '\r', Ctrl-C '\u0003', Backspace '\u007f' */
  type(keys: string): void;
  /** the command's exit code; rejects (and kills the session) after `ms` */
  exited(ms?: number): Promise<number | null>;
  kill(): void;
}

/** Runs a /bin/sh command line on a fresh pseudo-terminal with ECHO on, as a user's terminal is. */
export function runInTerminal(command: string, env: Record<string, string> = {}, cwd?: string): TerminalSession {
  // ECHO on for the pty, as on a user's terminal (the default when script's stdin is a pipe;
  // said explicitly where script knows --echo) so that a prompt that fails to hide the
  // password shows it in the output
  const echo = /--echo/.test(scriptHelp() ?? '') ? ['--echo', 'always'] : [];
  const child = spawn('script', ['-q', '-f', '-e', ...echo, '-c', command, '/dev/null'], {
    cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', SHELL: '/bin/sh', TERM: 'dumb', LANG: 'C.UTF-8', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let shown = '';
  let code: number | null | undefined;
  const watchers = new Set<() => void>();
  const notify = () => {
    for (const w of [...watchers]) w();
  };
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    shown += d;
    notify();
  });
  // script itself complains on stderr (a bad flag, no pty): show it with the terminal output
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    shown += d;
    notify();
  });
  child.stdin.on('error', () => undefined); // typing after the command ended is not an error
  child.on('close', (c) => {
    code = c;
    notify();
  });

  const until = <T>(ready: () => T | undefined, ms: number, what: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const check = () => {
        let value: T | undefined;
        try {
          value = ready();
        } catch (error) {
          done();
          return reject(error);
        }
        if (value === undefined) return;
        done();
        resolve(value);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no ${what} within ${ms} ms; the terminal showed:\n${shown}`));
      }, ms);
      const done = () => {
        clearTimeout(timer);
        watchers.delete(watcher);
      };
      const watcher = check;
      watchers.add(watcher);
      check();
    });

  const session: TerminalSession = {
    output: () => shown,
    waitFor: (pattern, ms = 20_000) =>
      until(() => shown.match(pattern) ?? (code !== undefined ? fail(pattern) : undefined), ms, String(pattern)),
    type: (keys) => void child.stdin.write(keys),
    exited: async (ms = 30_000) => {
      try {
        return await until(() => (code === undefined ? undefined : { code }), ms, 'exit').then((r) => r.code);
      } catch (error) {
        session.kill();
        throw error;
      }
    },
    kill: () => {
      if (code === undefined) child.kill('SIGKILL');
    },
  };
  const fail = (pattern: RegExp): never => {
    throw new Error(`the command ended (exit ${code}) without showing ${pattern}; the terminal showed:\n${shown}`);
  };
  return session;
}
