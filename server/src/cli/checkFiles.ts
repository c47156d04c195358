// The offline part of a check run: read each file and hand it to the same core the editor
// uses (checkDocument), with the project config, CLI rule severities, declarations found
// among the files, env_file reading and git tracking. Findings stay in core form here.
import type { CheckOptions, CheckResult, LoadedProjectConfig } from '../core/settings';
import type { Finding, SeveritySetting, Target } from '../core/types';
import { checkDocument } from '../engine/check';
import { ParseCache } from '../core/parseCache';
import type { OnlineInput } from '../engine/online';
import type { FileProblem } from './findFiles';
import { readReferenced, readSettingsText } from '../services/readFile';
import type { DeclarationIndex } from './declarations';
import type { ProjectConfigs } from './projectConfigs';
import type { GitTracking } from '../services/gitTracking';
import type { FileFixer } from './fixFiles';
import type { EnvFileReference } from './envFileDuplicates';
import { dirname, resolve } from 'node:path';

export interface CheckFilesOptions {
  /** --config: used for every file instead of discovery */
  explicitConfig?: LoadedProjectConfig;
  /** --target */
  defaultTarget?: Target;
  /** --rule: the top severity layer, over the project config file (engine/policy.ts) */
  rules: Record<string, SeveritySetting>;
  /** finds the declarations (metadata.json, Constants.java) of each file's app */
  declarations: DeclarationIndex;
  /** finds each file's .mendix-email.json (when there is no --config) */
  configs: ProjectConfigs;
  /** keep what the DNS checks need (false with --offline) */
  keepForOnline: boolean;
  /** whether git tracks each file, asked before the run (GitTracking.prepare) */
  git: GitTracking;
  /** --fix / --fix-dry-run: the fix-all edits are applied (or shown) and what is left reported */
  fixer?: FileFixer;
}

/**
 * What the DNS checks need of a checked file: the part of its prepared form they read (not the
 * text nor the whole read: a big run must not hold every file).
 */
export interface CheckedFile extends OnlineInput {
  /** the config that applied, for the online checks */
  projectConfig?: LoadedProjectConfig;
  /** what checkDocument was given; the online checks take the same */
  options: CheckOptions;
}

export interface CheckFilesOutcome {
  /** files with DNS work to do (only when keepForOnline) */
  checked: CheckedFile[];
  /** how many files were settings files and were checked */
  filesChecked: number;
  /** absolute path → findings */
  findings: Map<string, Finding[]>;
  problems: FileProblem[];
  /** each config file that applied and has problems, once */
  configsWithProblems: LoadedProjectConfig[];
  /** what the run could not find out, said once on stderr (git did not answer) */
  notes: string[];
  /** each env_file entry of the checked compose files (to report a value's finding once) */
  envFileReferences: EnvFileReference[];
}

export function checkFiles(files: readonly string[], options: CheckFilesOptions): CheckFilesOutcome {
  const outcome: CheckFilesOutcome = { checked: [], filesChecked: 0, findings: new Map(), problems: [], configsWithProblems: [], notes: [], envFileReferences: [] };
  const git = options.git;
  const seenConfigs = new Set<string>();
  // this run's: --fix reads a fixed file again, often one line changed
  const parses = new ParseCache();

  for (const path of files) {
    const text = readText(path);
    if (typeof text !== 'string') {
      outcome.problems.push({ path, message: text.error });
      continue;
    }
    const found = options.explicitConfig ?? options.configs.for(path);
    if (found && found.problems.length && !seenConfigs.has(found.file)) {
      seenConfigs.add(found.file);
      outcome.configsWithProblems.push(found);
    }
    const projectConfig = found;
    const checkOptions: CheckOptions = {
      projectConfig,
      parses,
      defaultTarget: options.defaultTarget,
      commandLineRules: options.rules,
      declarations: options.declarations.for(path),
      readReferencedFile,
      isTrackedByGit: (file) => git.isTracked(file),
    };
    let result: CheckResult | undefined;
    try {
      result = checkDocument({ path, text }, checkOptions);
    } catch (error) {
      // The core promises never to throw on bad input; if it does, say so for this file and go on.
      outcome.problems.push({ path, message: `internal error while checking: ${(error as Error).message}` });
      continue;
    }
    if (!result) continue; // not a settings file after all (a YAML file of another kind)
    if (options.fixer) result = options.fixer.fix(path, text, result, (fixed) => checkDocument({ path, text: fixed }, checkOptions));
    outcome.filesChecked++;
    if (options.keepForOnline && result.settings.length > 0 && projectConfig?.config.online !== false) {
      outcome.checked.push({ path, settings: result.settings, read: { suppressions: result.read.suppressions }, projectConfig, options: checkOptions });
    }
    outcome.findings.set(path, [...result.findings]);
    for (const scope of result.read.scopes) {
      for (const envFile of scope.envFiles ?? []) outcome.envFileReferences.push({ from: path, to: resolve(dirname(path), envFile.path), range: envFile.range });
    }
  }
  return outcome;
}

/** The file's text (a leading BOM dropped, as the editor does), or why it could not be read (services/readFile.ts: regular files, size cap). */
export function readText(path: string): string | { error: string } {
  return readSettingsText(path);
}

function readReferencedFile(absolutePath: string): string | { notRead: string } | undefined {
  return readReferenced(absolutePath);
}
