// npm run test:e2e — only the end-to-end suite (code-server + Chromium; needs
// `bash .ci/setup-vscode.sh` once), through the project's test runner.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const run = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'run.mjs'), 'e2e'], { stdio: 'inherit' });
process.exit(run.status ?? 1);
