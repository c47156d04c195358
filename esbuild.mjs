// Bundles the extension: the client (vscode external), the language server and the CLI,
// each self-contained so the .vsix ships no node_modules. tsc only type-checks.
import * as esbuild from 'esbuild';

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
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The SMTP core (nodemailer) runs in the extension host but is loaded only when a test
  // send starts, so activation does not pay for it and a password never crosses LSP.
  { entryPoints: ['server/src/smtp/index.ts'], outfile: 'dist/smtp.js' },
];

for (const build of builds) {
  const options = { ...common, ...build };
  if (watch) await (await esbuild.context(options)).watch();
  else await esbuild.build(options);
}
if (!watch) console.log(`built ${builds.map((b) => b.outfile).join(', ')}${production ? ' (minified)' : ''}`);
