// Runs a bundle (dist/server-core.js, dist/cli-core.js) through a V8 code cache. On a slow
// 2-core machine compiling the ~500 KB bundle and the functions a run needs costs 50–80 ms
// of every start; with the cache V8 deserializes them instead. Nothing here may stop the
// program: whatever goes wrong with the cache, the bundle still runs, compiled as usual.
import Module, { createRequire } from 'node:module';
import { readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { cacheFolderFor, prepareFolder, readCacheFile, sealCacheFile } from './codeCacheFolder';
import { CODE_CACHE_OUTCOME, RUN_AS_MAIN, type CodeCacheOutcome } from './markers';

export interface BundleToRun {
  file: string;
  /** short name for the cache file: server, cli */
  name: string;
  /** content hash of the bundle, fixed at build time: V8 itself checks little more than the length */
  hash: string;
  /** also write the cache this long after start (a server may be killed rather than exit) */
  writeAfterMs?: number;
}

/** Short stable hash of the Node flags (command line and NODE_OPTIONS): V8 refuses a cache made under other flags. */
function flagsTag(): string {
  let h = 0;
  for (const ch of `${process.execArgv.join(' ')}\u0000${process.env.NODE_OPTIONS ?? ''}`) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return (h >>> 0).toString(36);
}

export function runBundle(bundle: BundleToRun, parent: NodeModule): void {
  const source = readFileSync(bundle.file, 'utf8');
  const choice = cacheFolderFor(process.env);
  let outcome: CodeCacheOutcome = { status: 'off', why: 'off' in choice ? choice.off : undefined };
  let cacheFile: string | undefined;
  let cached: Buffer | undefined;
  let unsealed: string | undefined;
  if ('folder' in choice) {
    const unsafe = prepareFolder(choice.folder);
    if (unsafe) outcome = { status: 'off', why: unsafe };
    else {
      cacheFile = join(choice.folder, `${bundle.name}-${bundle.hash}-${process.version}-${process.arch}-${flagsTag()}.v8cache`);
      const read = readCacheFile(cacheFile);
      if (read.refused) {
        outcome = { status: 'off', why: read.refused };
        cacheFile = undefined;
      } else {
        cached = read.data;
        unsealed = read.unsealed;
      }
    }
  }

  const script = new Script(Module.wrap(source), { filename: bundle.file, cachedData: cached });
  if (cacheFile) {
    const why = cached ? 'V8 refused the old cache' : unsealed;
    outcome = cached && !script.cachedDataRejected ? { status: 'used', file: cacheFile } : { status: 'written', file: cacheFile, ...(why ? { why } : {}) };
    if (outcome.status === 'written') scheduleWrite(script, cacheFile, bundle);
  }
  (globalThis as Record<symbol, unknown>)[CODE_CACHE_OUTCOME] = outcome;

  const mod = new Module(bundle.file, parent) as NodeModule & Record<symbol, unknown>;
  mod.filename = bundle.file;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(bundle.file));
  mod[RUN_AS_MAIN] = true;
  const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => void;
  wrapper.call(mod.exports, mod.exports, createRequire(bundle.file), mod, bundle.file, dirname(bundle.file));
  mod.loaded = true;
}

/**
 * Writes the cache after `writeAfterMs` (a server may be killed rather than exit) and again
 * when the process exits, by which time it holds every function the run compiled. Written
 * to a temporary file and renamed, so two processes starting together never read half a
 * file; caches of other versions of this program are removed.
 */
function scheduleWrite(script: Script, file: string, bundle: BundleToRun): void {
  const write = () => {
    try {
      const folder = dirname(file);
      const temp = join(folder, `.${basename(file)}.${process.pid}.tmp`);
      writeFileSync(temp, script.createCachedData(), { mode: 0o600, flag: 'w' });
      renameSync(temp, file);
      // the seal proves to the next start that this program wrote the file here (codeCacheFolder.ts)
      sealCacheFile(file);
      // caches of this version under other Node flags stay: the server and the CLI run under different ones
      const current = `${bundle.name}-${bundle.hash}-${process.version}-${process.arch}-`;
      for (const old of readdirSync(folder)) {
        if (old.startsWith(`${bundle.name}-`) && (old.endsWith('.v8cache') || old.endsWith('.v8cache.seal')) && !old.startsWith(current)) {
          try {
            unlinkSync(join(folder, old));
          } catch {
            // another process may have removed it first
          }
        }
      }
    } catch {
      // a cache that cannot be written only costs the next start its compile time
    }
  };
  process.once('exit', write);
  if (bundle.writeAfterMs !== undefined) setTimeout(write, bundle.writeAfterMs).unref();
}
