// `npm run fuzz`: the fuzz suite with a longer budget than `npm test` gives it.
// MENDIX_EMAIL_FUZZ_RUNS (default here 1000), MENDIX_EMAIL_FUZZ_SEED (default 13; a failure prints its seed and path).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const env = { ...process.env, MENDIX_EMAIL_TEST: '1', MENDIX_EMAIL_FUZZ_RUNS: process.env.MENDIX_EMAIL_FUZZ_RUNS ?? '1000' };
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', join('test', 'fuzz', 'fuzz.test.ts')], { stdio: 'inherit', cwd: root, env });
process.exit(result.status ?? 1);
