// The language server's one lazy-loading boundary: every module it evaluates on first use
// instead of at start-up, named once, with why it waits. esbuild bundles them all (so the code
// cache holds them) but runs a module's code only when its getter is first called, which lets
// the server answer `initialize` before the checks are evaluated. A require() anywhere else in
// server/src fails test/unit/lazyLoading.test.ts. The table is per bundle, not one for the
// whole program: esbuild bundles every module a require() names, so a shared table would pull
// the editor's modules into the CLI and the test-send bundle (cli/lazy.ts, smtp/lazy.ts).
/* eslint-disable @typescript-eslint/no-require-imports */

/** The module the first time it is asked for, the same one after that. */
function onFirstUse<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}

/** The checks (readers, the YAML parser, rules): after `initialize` (warmUp) or at the first didOpen, whichever comes first. */
export const checks = onFirstUse(() => require('../engine/check') as typeof import('../engine/check'));

/** A file's target as a whole (what the status item shows): part of the checks, loaded with them. */
export const targets = onFirstUse(() => require('../settings/target') as typeof import('../settings/target'));

/** The DNS rules and their resolver: wired at `initialized`, once `initialize` is answered and before a document is open. */
export const onlineChecks = onFirstUse(() => require('./onlineChecks') as typeof import('./onlineChecks'));

/** Fixes read back before they are offered: they read files again (the readers), needed at the first code action only. */
export const offeredFixes = onFirstUse(() => require('../engine/offeredFixes') as typeof import('../engine/offeredFixes'));

/** Hover, completion, code lenses and the extra code actions (with the provider table, readers and rules they use): at the first such request. */
export const editorFeatures = onFirstUse(() => require('../features/index') as typeof import('../features/index'));

/** The walk that finds the model's declared constants: at the first check of a file inside a workspace folder. */
export const workspaceDeclarations = onFirstUse(() => require('../services/workspaceDeclarations') as typeof import('../services/workspaceDeclarations'));

/** Whether git tracks a file (.gitignore layers, `git ls-files`): at the first check that asks about a file with a password. */
export const gitTracking = onFirstUse(() => require('../services/gitTracking') as typeof import('../services/gitTracking'));
