// The DNS rules after the offline ones, unless --offline or the config says online: false.
import type { CheckCommandOptions } from './args';
import type { CheckFilesOutcome } from './checkFiles';

export async function addOnlineFindings(outcome: CheckFilesOutcome, options: CheckCommandOptions): Promise<void> {
  // TODO wire checkOnline (server/src/rules/online/index.ts) when it lands
  void outcome;
  void options;
}
