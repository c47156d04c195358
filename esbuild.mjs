// Bundles the extension: the client (vscode external), the language server and the CLI,
// each self-contained so the .vsix ships no node_modules. tsc only type-checks.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { thirdPartyNotices } from './scripts/third-party-notices.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  // Source maps help while developing; the .vsix ships without them.
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  // jsonc-parser's `main` is a UMD build that esbuild cannot follow; its ESM build bundles.
  mainFields: ['module', 'main'],
  // yaml's Node entry is CommonJS, which esbuild bundles whole; its ES-module build (the
  // same code, shipped in the package as browser/) lets it drop what is never called:
  // ~14 KB of the server bundle, which has a 500 KB budget.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
};

// The server and the CLI are each two files: the bundle (…-core.js) and a few lines that run
// it through a V8 code cache (server/src/boot/), told the bundle's hash so a cache made for
// another build is never taken.
const coreHash = (file) => createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
const entry = (core) => ({ define: { MENDIX_EMAIL_CORE_HASH: JSON.stringify(watch ? 'watch' : coreHash(core)) } });

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server-core.js' },
  { entryPoints: ['server/src/boot/serverEntry.ts'], outfile: 'dist/server.js', late: () => entry('dist/server-core.js') },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-core.js' },
  { entryPoints: ['server/src/boot/cliEntry.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, late: () => entry('dist/cli-core.js') },
  // The SMTP core (nodemailer) runs in the extension host but is loaded only when a test
  // send starts, so activation does not pay for it and a password never crosses LSP.
  { entryPoints: ['server/src/smtp/index.ts'], outfile: 'dist/smtp.js' },
];

const shippedMetafiles = [];
for (const { late, ...build } of builds) {
  const options = { ...common, ...build, ...late?.(), metafile: production };
  if (watch) await (await esbuild.context(options)).watch();
  else {
    const result = await esbuild.build(options);
    if (result.metafile) shippedMetafiles.push(result.metafile);
  }
}
// The production build is what ships (vscode:prepublish, and npm's prepack): it writes the
// licence notices of every package it bundled.
if (production) writeFileSync('ThirdPartyNotices.txt', thirdPartyNotices(import.meta.dirname, shippedMetafiles, 'Mendix Email'));
if (!watch) console.log(`built ${builds.map((b) => b.outfile).join(', ')}${production ? ' (minified)' : ''}`);
