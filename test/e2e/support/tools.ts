// Finds the real VS Code (code-server) and browser the end-to-end suite drives. Missing
// tools are a failure with the fix in the message, never a silent skip (in CI above all).
import { existsSync } from 'node:fs';
import { join, delimiter } from 'node:path';

export const repoRoot = join(__dirname, '..', '..', '..');
export const outputDir = join(repoRoot, 'test-output', 'e2e');

export interface Tools {
  codeServer: string;
  chromium: string;
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

export function findTools(): Tools {
  const codeServer = process.env.MENDIX_EMAIL_CODE_SERVER ?? join(repoRoot, '.tools', 'bin', 'code-server');
  const chromium = process.env.MENDIX_EMAIL_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : onPath('chromium'));
  const missing: string[] = [];
  if (!existsSync(codeServer)) missing.push(`code-server (looked at ${codeServer}; env MENDIX_EMAIL_CODE_SERVER overrides)`);
  if (!chromium || !existsSync(chromium)) missing.push('chromium (looked at /usr/bin/chromium and PATH; env MENDIX_EMAIL_CHROMIUM overrides)');
  if (missing.length > 0) {
    const where = process.env.CI === 'true' ? 'CI must install them before the tests' : 'install them once';
    throw new Error(`end-to-end suite cannot run, missing: ${missing.join('; ')}. Run \`bash .ci/setup-vscode.sh\` (${where}).`);
  }
  return { codeServer, chromium: chromium! };
}
