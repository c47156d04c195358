// dist/cli.js (the `mendix-email` command): runs the CLI bundle (dist/cli-core.js) through the code cache.
import { join } from 'node:path';
import { runBundle } from './runBundle';

declare const MENDIX_EMAIL_CORE_HASH: string; // set by esbuild.mjs from the built bundle

runBundle({ file: join(__dirname, 'cli-core.js'), name: 'cli', hash: MENDIX_EMAIL_CORE_HASH }, module);
