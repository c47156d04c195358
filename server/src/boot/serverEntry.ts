// dist/server.js: starts the language server bundle (dist/server-core.js) through the code cache.
import { join } from 'node:path';
import { runBundle } from './runBundle';

declare const MENDIX_EMAIL_CORE_HASH: string; // set by esbuild.mjs from the built bundle

// a language server may be stopped without a clean exit: write its cache once it has checked files
runBundle({ file: join(__dirname, 'server-core.js'), name: 'server', hash: MENDIX_EMAIL_CORE_HASH, writeAfterMs: 15_000 }, module);
