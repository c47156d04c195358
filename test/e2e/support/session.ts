// One end-to-end session: a copy of a fixture workspace, a fresh code-server profile
// (optionally with the packaged extension installed), code-server, Chromium, the workbench.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createProfile, installExtension, removeProfile, startCodeServer, type Profile, type RunningCodeServer } from './codeServer';
import { findTools, outputDir, repoRoot } from './tools';
import { launchBrowser, Workbench } from './workbench';

export interface SessionOptions {
  /** names the logs kept in test-output/e2e/logs/<name> */
  name: string;
  fixture: string; // folder name under test/e2e/fixtures
  trusted: boolean;
  vsix?: string;
  settings?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
  /** extra files written into the workspace copy (relative path → text) */
  files?: Record<string, string>;
  /** another code-server than the one findTools() gives (codeServerWithout(): one lacking a built-in extension) */
  codeServer?: string;
  /** run on the workspace copy before code-server opens it (make it a git repository, …) */
  prepare?: (workspace: string) => void;
}

export interface Session {
  workspace: string;
  /** the code-server profile (user data: settings, global storage, logs) */
  userDataDir: string;
  server: RunningCodeServer;
  browser: Browser;
  workbench: Workbench;
  close: () => Promise<void>;
}

export async function startSession(options: SessionOptions): Promise<Session> {
  const tools = findTools();
  rmSync(join(outputDir, 'logs', options.name), { recursive: true, force: true });
  mkdirSync(join(outputDir, 'logs'), { recursive: true });
  const workspaceParent = mkdtempSync(join(tmpdir(), 'mendix-email-ws-'));
  const workspace = join(workspaceParent, options.fixture);
  cpSync(join(repoRoot, 'test', 'e2e', 'fixtures', options.fixture), workspace, { recursive: true });
  for (const [relative, text] of Object.entries(options.files ?? {})) {
    mkdirSync(dirname(join(workspace, relative)), { recursive: true });
    writeFileSync(join(workspace, relative), text);
  }
  options.prepare?.(workspace);
  let profile: Profile | undefined;
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (profile) {
      // the extension host and output channel logs, for reading a failure after the fact
      const logs = join(profile.userDataDir, 'logs');
      if (existsSync(logs)) cpSync(logs, join(outputDir, 'logs', options.name), { recursive: true });
      if (server) writeFileSync(join(outputDir, 'logs', `${options.name}-code-server.log`), server.log());
      removeProfile(profile);
    }
    rmSync(workspaceParent, { recursive: true, force: true });
  };
  try {
    profile = createProfile(options.settings);
    if (options.vsix) installExtension(tools.codeServer, profile, options.vsix);
    server = await startCodeServer({ codeServer: options.codeServer ?? tools.codeServer, profile, trusted: options.trusted, env: options.env });
    browser = await launchBrowser(tools.chromium);
    const workbench = await Workbench.open(browser, server.url, workspace);
    return { workspace, userDataDir: profile.userDataDir, server, browser, workbench, close };
  } catch (error) {
    const log = server?.log() ?? '';
    await close();
    throw log ? new Error(`${(error as Error).message}\n--- code-server output ---\n${log}`) : error;
  }
}
