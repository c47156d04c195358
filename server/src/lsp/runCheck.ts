// One check of one open document: find its project config, call the shared engine (the
// same call the CLI makes), and remember what was used so the editor can explain it.
import { basename } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckOptions, CheckResult, LoadedProjectConfig, ResolvedTarget } from '../core/settings';
import type { ParseCache } from '../core/parseCache';
import type { ConstantDeclaration } from '../core/types';
import { PROJECT_CONFIG_FILE, type ProjectConfigCache } from '../config/projectConfig';
import { parseProjectConfig } from '../config/parseProjectConfig';
import type { OpenProjectConfigs } from './openProjectConfig';
import { isInsideWorkspace, OUTSIDE_WORKSPACE, readReferenced } from '../services/readFile';
import type { MendixEmailSettings } from '../../../protocol/messages';
import { pathOfUri, type WorkspaceFolders } from './workspace';
import { checks, targets } from './lazy';

/**
 * The checks (readers, YAML parser, rules) load on first use rather than at start-up (lazy.ts),
 * so the server answers `initialize` before evaluating them; warmUp() loads them once the
 * editor is connected and idle.
 */
export function warmUp(): void {
  checks();
  targets();
}

export interface DocumentCheck {
  uri: string;
  version: number;
  path: string;
  settings: MendixEmailSettings;
  /** undefined: not a settings file the engine understands */
  result: CheckResult | undefined;
  /** the target of the file as a whole (what the status item shows) */
  target?: ResolvedTarget;
  projectConfig?: LoadedProjectConfig;
  /** set when the document is a `.mendix-email.json` itself: its own problems */
  configFileProblems?: LoadedProjectConfig['problems'];
  /** files this check read besides the document (re-check when they change) */
  referencedFiles: string[];
  ms: number;
  /** the result was dropped to save memory (not among the recently checked documents): check again to use it */
  released?: boolean;
}

export interface CheckEnvironment {
  folders: WorkspaceFolders;
  /** the session's kept parses: typing in a big file re-parses the edited line (core/parseCache.ts) */
  parses?: ParseCache;
  /** the session's project configs found and parsed on disk (told of changes by the session) */
  projectConfigs: ProjectConfigCache;
  /** the session's parses of open, unsaved `.mendix-email.json` texts */
  openConfigs: OpenProjectConfigs;
  /** the text of the document open at this path, if any (unsaved edits win over the disk); found by path, whatever spelling the editor's URI has */
  openText(path: string): string | undefined;
  /** the model's declared constants for a file (metadata.json / Constants.java in its workspace folder) */
  declarations?(path: string): ConstantDeclaration[];
  /** whether git tracks (or would track) a file; undefined outside a repository (CheckOptions.isTrackedByGit) */
  isTrackedByGit?(path: string): boolean | 'unknown' | undefined;
  /** Restricted Mode: the workspace folders, outside which nothing is read; undefined when trusted */
  readableFolders?(): readonly string[] | undefined;
  /** told of each file a check reads besides the document (an env_file): its changes re-check the document */
  referencedFileRead?(path: string): void;
}

export function isProjectConfigPath(path: string): boolean {
  return basename(path) === PROJECT_CONFIG_FILE;
}

export function runCheck(document: TextDocument, settings: MendixEmailSettings, env: CheckEnvironment): DocumentCheck {
  const started = performance.now();
  const path = pathOfUri(document.uri);
  const text = document.getText();
  const base = { uri: document.uri, version: document.version, path, settings, referencedFiles: [] as string[] };

  if (isProjectConfigPath(path)) {
    const loaded = parseProjectConfig(text, path);
    return { ...base, result: undefined, configFileProblems: loaded.problems, ms: performance.now() - started };
  }

  const root = env.folders.rootOf(path);
  const within = env.readableFolders?.();
  // Restricted Mode: a config is looked for only inside the file's workspace folder
  const projectConfig = document.uri.startsWith('file:') && (root || !within) ? env.openConfigs.withOpenText(env.projectConfigs.for(path, root, within), env.openText) : undefined;
  const referencedFiles: string[] = [];
  const options: CheckOptions = {
    projectConfig,
    parses: env.parses,
    defaultTarget: settings.defaultTarget,
    ruleSeverities: settings.rules,
    declarations: env.declarations?.(path),
    isTrackedByGit: env.isTrackedByGit,
    readReferencedFile: (absolutePath) => {
      // Restricted Mode: a file outside the workspace is not read, not even from an open editor
      if (within && !isInsideWorkspace(absolutePath, within)) return { notRead: OUTSIDE_WORKSPACE };
      referencedFiles.push(absolutePath);
      env.referencedFileRead?.(absolutePath);
      return env.openText(absolutePath) ?? readReferenced(absolutePath, within);
    },
  };
  const result = checks().checkDocument({ path, text, languageId: document.languageId }, options);
  const target = result ? targets().resolveTarget(result.read, path, options) : undefined;
  return { ...base, result, target, projectConfig, referencedFiles, ms: performance.now() - started };
}
