// The DNS rules after the offline ones, unless --offline or the file's config says
// `online: false`. One resolver per set of DNS servers, shared by every file, so a domain
// that a hundred files name is asked once. A lookup that times out is "could not check":
// a note on stderr, never a finding and never a failing exit code.
import { createResolver, type DnsResolver } from '../dns/resolver';
import { checkOnline, type CouldNotCheck } from '../engine/online';
import { mergeFindings } from '../engine/policy';
import type { CheckCommandOptions } from './args';
import type { CheckFilesOutcome, CheckedFile } from './checkFiles';

/** Files whose DNS checks run at the same time (the resolver de-duplicates shared names). */
const PARALLEL_FILES = 16;

export interface OnlineOutcome {
  couldNotCheck: CouldNotCheck[];
}

export async function addOnlineFindings(outcome: CheckFilesOutcome, options: CheckCommandOptions): Promise<OnlineOutcome> {
  const resolvers = new Map<string, DnsResolver>();
  const couldNotCheck: CouldNotCheck[] = [];
  const queue = [...outcome.checked];

  const resolverFor = (file: CheckedFile): DnsResolver => {
    const servers = options.dnsServers.length ? options.dnsServers : (file.projectConfig?.config.dns?.servers ?? []);
    const key = servers.join(' ');
    let resolver = resolvers.get(key);
    if (!resolver) {
      resolver = createResolver({ servers });
      resolvers.set(key, resolver);
    }
    return resolver;
  };

  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const result = await checkOnline(file, { resolver: resolverFor(file), online: true, options: file.options });
      const offline = outcome.findings.get(file.path);
      // one list under one policy: the order and de-duplication the editor uses too
      if (result.findings.length && offline) outcome.findings.set(file.path, mergeFindings(offline, result.findings, file.read.suppressions));
      couldNotCheck.push(...result.couldNotCheck);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_FILES, queue.length) }, worker));
  return { couldNotCheck };
}
