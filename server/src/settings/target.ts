// The platform a file deploys to, first to last (rules.md, "target"): the inline directive
// `# mendix-email: target=…`, the project config (`overrides` globs, then `target`), the
// file's kind, the default target setting.
import * as path from 'node:path';
import type { ReadResult, Target } from '../core/types';
import { TARGETS } from '../core/types';
import { TARGET_FACTS } from '../core/targets';
import { FILE_KINDS } from '../core/fileKinds';
import type { CheckOptions, ResolvedTarget } from '../core/settings';
import { matchingGlobs } from '../config/configGlobs';

export function isTarget(value: unknown): value is Target {
  return typeof value === 'string' && (TARGETS as readonly string[]).includes(value);
}

export function resolveTarget(read: ReadResult, filePath: string, options: CheckOptions): ResolvedTarget {
  const directive = read.targetDirective;
  if (directive && isTarget(directive.target)) {
    return { target: directive.target, source: 'directive', detail: `inline directive on line ${directive.range.start.line + 1}` };
  }
  const resolved = targetWithoutDirective(read, filePath, options);
  // a misspelt directive must not pass in silence: the status item and the log say it was ignored
  if (directive) {
    const known = TARGETS.join(', ');
    resolved.detail += `; the inline directive on line ${directive.range.start.line + 1} names no target ("${directive.target}"; known: ${known}) and is ignored`;
  }
  return resolved;
}

function targetWithoutDirective(read: ReadResult, filePath: string, options: CheckOptions): ResolvedTarget {
  const loaded = options.projectConfig;
  if (loaded) {
    const { config, file } = loaded;
    const configName = path.basename(file);
    // the last matching override wins, like later blocks in ESLint's overrides
    const hit = matchingGlobs(config.overrides, filePath, file).filter((h) => isTarget(h.value)).at(-1);
    if (hit) return { target: hit.value, source: 'config', detail: `${configName} (overrides: ${hit.glob})` };
    if (isTarget(config.target)) return { target: config.target, source: 'config', detail: `${configName} (target)` };
  }
  const byKind = FILE_KINDS[read.kind];
  if (byKind.defaultTarget) return { target: byKind.defaultTarget, source: 'file-kind', detail: `file kind: ${byKind.words}` };
  if (options.defaultTarget && isTarget(options.defaultTarget)) {
    return { target: options.defaultTarget, source: 'default', detail: 'setting mendixEmail.defaultTarget' };
  }
  return { target: 'mendix-cloud', source: 'default', detail: 'built-in default (mendix-cloud)' };
}

/** How a target reads in a message: "Mendix Cloud", "a Docker container", … */
export function targetInWords(target: Target): string {
  return TARGET_FACTS[target].inWords;
}
