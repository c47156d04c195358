// Rule severities that `.mendix-email.json` sets for some files only (`files` → glob →
// `rules`): the way to switch a rule off for one JSON file, which cannot hold a
// `# mendix-email-disable-next-line` comment.
import type { LoadedProjectConfig } from '../core/settings';
import type { SeveritySetting } from '../core/types';
import { matchingGlobs } from './configGlobs';

/**
 * The severity the `files` entries matching `filePath` give `ruleId`: when several match, the
 * last one that names the rule wins (the order of `overrides`). undefined: none of them names it.
 */
export function fileRuleSeverity(loaded: LoadedProjectConfig, filePath: string, ruleId: string): SeveritySetting | undefined {
  let severity: SeveritySetting | undefined;
  for (const { value } of matchingGlobs(loaded.config.files, filePath, loaded.file)) {
    severity = value.rules?.[ruleId] ?? severity;
  }
  return severity;
}
