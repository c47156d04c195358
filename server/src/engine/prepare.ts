// The one reading every front end shares: file text → reader → the compose env_files it names
// → target → mail settings per scope. The check, the DNS checks, the test send and Verify all
// start here, so they can never disagree about what a file sets.
import type { ReadResult } from '../core/types';
import type { CheckInput, CheckOptions, MailSettings, ResolvedTarget } from '../core/settings';
import { readSettingsFile } from '../sources/index';
import { buildMailSettings } from '../settings/mailSettings';
import { resolveTarget } from '../settings/target';
import { withEnvFiles } from './envFiles';

export interface Prepared {
  /** absolute path of the file */
  path: string;
  /** the text that was read (fixes that rewrite syntax look at it) */
  text?: string;
  /** what the reader made of the file, with each compose scope's env_file variables merged in */
  read: ReadResult;
  /** the target of the file as a whole */
  target: ResolvedTarget;
  /** one per scope, in file order */
  settings: MailSettings[];
}

/** undefined: not a settings file the readers understand. */
export function prepare(input: CheckInput, options: CheckOptions = {}): Prepared | undefined {
  const read = readSettingsFile(input.path, input.text, input.languageId, options.parses);
  if (!read) return undefined;
  return prepareRead(withEnvFiles(read, input.path, options), input.path, options, input.text);
}

/** The steps after the reader (tests drive them with hand-built ReadResults). */
export function prepareRead(read: ReadResult, path: string, options: CheckOptions = {}, text?: string): Prepared {
  const target = resolveTarget(read, path, options);
  const roleMapping = options.projectConfig?.config.roles;
  const settings = read.scopes.map((scope) => buildMailSettings(scope, target, roleMapping));
  return { path, text, read, target, settings };
}

/** The mail settings of a file without running the rules: what the test send and Verify use. */
export function mailSettingsOf(input: CheckInput, options: CheckOptions = {}): MailSettings[] | undefined {
  return prepare(input, options)?.settings;
}
