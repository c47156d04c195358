// Starts code-server (a real VS Code: workbench in the browser, extension host in Node)
// with a fresh profile in a temp dir, so no state leaks between runs or from the machine.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Profile {
  dir: string;
  userDataDir: string;
  extensionsDir: string;
}

export interface RunningCodeServer {
  url: string;
  /** everything code-server printed, for failure messages */
  log: () => string;
  stop: () => Promise<void>;
}

// Quiet defaults: no welcome page, tips, update checks or AI panes covering the editor.
const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'always',
  'editor.hover.delay': 300,
  // The sticky header ("mxruntime") covers the first visible line, so a click on a token that
  // was scrolled to the top landed on the header instead (seen in listing.test.ts).
  'editor.stickyScroll.enabled': false,
  'files.simpleDialog.enable': true,
  'window.commandCenter': false,
};

export function createProfile(settings: Record<string, unknown> = {}): Profile {
  const dir = mkdtempSync(join(tmpdir(), 'mendix-email-e2e-'));
  const userDataDir = join(dir, 'user-data');
  const extensionsDir = join(dir, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...quietSettings, ...settings }, null, 2));
  // code-server is a remote window: machine-scoped settings are read from the remote (Machine) settings
  mkdirSync(join(userDataDir, 'Machine'), { recursive: true });
  writeFileSync(join(userDataDir, 'Machine', 'settings.json'), JSON.stringify(settings, null, 2));
  writeFileSync(join(dir, 'config.yaml'), 'auth: none\n');
  return { dir, userDataDir, extensionsDir };
}

export function removeProfile(profile: Profile): void {
  rmSync(profile.dir, { recursive: true, force: true });
}

function baseArgs(profile: Profile): string[] {
  return ['--config', join(profile.dir, 'config.yaml'), '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir];
}

export function installExtension(codeServer: string, profile: Profile, vsix: string): void {
  const run = spawnSync(codeServer, [...baseArgs(profile), '--install-extension', vsix, '--force'], { encoding: 'utf8', timeout: 120_000 });
  const output = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${run.status}):\n${output}`);
  }
}

export interface StartOptions {
  codeServer: string;
  profile: Profile;
  /** false = Restricted Mode, as a user who did not trust the folder sees it */
  trusted: boolean;
  env?: NodeJS.ProcessEnv;
  extraArgs?: string[];
}

/** Starts code-server on a free loopback port (port 0: the OS picks, code-server prints it). */
export async function startCodeServer(options: StartOptions): Promise<RunningCodeServer> {
  const args = [
    ...baseArgs(options.profile),
    '--auth', 'none',
    '--bind-addr', '127.0.0.1:0',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(options.trusted ? ['--disable-workspace-trust'] : []),
    ...(options.extraArgs ?? []),
  ];
  const child: ChildProcess = spawn(options.codeServer, args, {
    env: { ...process.env, ...options.env, PASSWORD: undefined, HASHED_PASSWORD: undefined },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group: stop() ends code-server and its extension hosts together
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not report its address within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\/?/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code}) before listening:\n${output}`));
    });
  });
  return {
    url,
    log: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        return;
      }
      const killer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 5_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
