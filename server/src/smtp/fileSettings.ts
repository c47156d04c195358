// The mail settings of a file without running the rules: what `send-test` / `verify` need.
// The same steps as checkRead in engine/check.ts (reader → target → mail settings per
// scope); a test holds the two equal. Not loading the rules saves start-up time.
import type { CheckOptions, MailSettings } from '../core/settings';
import { readSettingsFile } from '../sources/index';
import { buildMailSettings } from '../settings/mailSettings';
import { resolveTarget } from '../settings/target';

/** undefined: not a settings file the readers understand. */
export function mailSettingsOfFile(path: string, text: string, options: CheckOptions = {}): MailSettings[] | undefined {
  const read = readSettingsFile(path, text);
  if (!read) return undefined;
  const target = resolveTarget(read, path, options);
  return read.scopes.map((scope) => buildMailSettings(scope, target, options.projectConfig?.config.roles));
}
