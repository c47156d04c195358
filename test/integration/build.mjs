// Bundles the Mocha suite (and Mocha, an ES module) into one CommonJS file the extension
// host can load: out/integration/index.js, `vscode` external.
import * as esbuild from 'esbuild';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');
export const suiteBundle = join(root, 'out', 'integration', 'index.js');

export async function buildSuite() {
  await esbuild.build({
    entryPoints: [join(root, 'test', 'integration', 'suite', 'index.ts')],
    outfile: suiteBundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
    // Mocha's parallel mode (worker files found by require.resolve) is never used here
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  return suiteBundle;
}

if (process.argv[1] === import.meta.filename) await buildSuite();
