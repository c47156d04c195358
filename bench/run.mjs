// `npm run bench`: builds minified bundles, then runs every benchmark in one process
// tree so each figure sits beside a reference measured in the same run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const only = process.argv.slice(2);
const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root }).status ?? 1;

if (run(['esbuild.mjs', '--production']) !== 0) process.exit(1);
let failed = 0;
for (const name of ['lsp', 'yamlFloor', 'cli', 'dns', 'smtp']) {
  if (only.length && !only.includes(name)) continue;
  const script = join(root, 'bench', `${name}.mjs`);
  if (!existsSync(script)) continue;
  console.log(`\n=== bench/${name}.mjs`);
  failed += run([script]) === 0 ? 0 : 1;
}
process.exit(failed ? 1 : 0);
