// The built CLI (dist/cli.js, or MENDIX_EMAIL_CLI) run as a user runs it, with only PATH and the
// variables a test passes in the environment: the SMTP tests' one way to start it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** MENDIX_EMAIL_CLI: another build of the CLI (the benchmark and local checks use it) */
export const CLI = process.env.MENDIX_EMAIL_CLI ?? join(__dirname, '..', '..', '..', 'dist', 'cli.js');

export function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
