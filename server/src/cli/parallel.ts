// A run can be split over worker threads (MENDIX_EMAIL_WORKERS=N): the readers and rules are
// CPU work and each file is checked on its own, so N cores can check N files at once. Each
// worker runs the same checkFiles() with its own caches; the main thread merges the outcomes.
// Each worker compiles the bundle and warms up the YAML parser again, so small runs stay on
// one thread; from WORKERS_FROM files on, one worker per core (bench/cli.mjs on the quiet
// 2-core machine here: 1,000 files in 6.3 s with workers against 9.0 s on one thread).
import { availableParallelism } from 'node:os';
import { CHECK_WORKER_ARG } from './checkWorkerArg';
import type { LoadedProjectConfig } from '../core/settings';
import type { Finding, SeveritySetting, Target } from '../core/types';
import { checkFiles, type CheckedFile, type CheckFilesOutcome } from './checkFiles';
import { DeclarationIndex } from './declarations';
import { loadExplicitConfig } from './explicitConfig';
import type { FileProblem } from './findFiles';
import { FolderContents } from './folders';
import { GitTracking } from '../services/gitTracking';
import type { FileFixer } from './fixFiles';
import { ProjectConfigs } from './projectConfigs';
import { workerThreads } from './lazy';

const MAX_WORKERS = 16;
const WORKERS_FROM = 200;

export interface RunSettings {
  cwd: string;
  /** --config, absolute */
  configPath?: string;
  defaultTarget?: Target;
  rules: Record<string, SeveritySetting>;
  keepForOnline: boolean;
}

interface WorkerInput {
  mendixEmailCheck: true;
  files: string[];
  settings: RunSettings;
}

/** What crosses back from a worker (no functions: CheckOptions are rebuilt on the main thread). */
interface WorkerOutput {
  checked: Omit<CheckedFile, 'options'>[];
  filesChecked: number;
  findings: [string, Finding[]][];
  problems: FileProblem[];
  configsWithProblems: LoadedProjectConfig[];
  notes: string[];
  envFileReferences: CheckFilesOutcome['envFileReferences'];
}

/** How many workers: MENDIX_EMAIL_WORKERS=N (0 or 1: none; `auto`: one per core); default: one per core from WORKERS_FROM files on. */
export function workersFor(fileCount: number, env: NodeJS.ProcessEnv): number {
  const asked = env.MENDIX_EMAIL_WORKERS ?? (fileCount >= WORKERS_FROM ? 'auto' : '0');
  const count = asked === 'auto' ? availableParallelism() : /^\d+$/.test(asked) ? Number(asked) : 0;
  return Math.min(count, MAX_WORKERS, fileCount);
}

/** Checks on this thread; the caches are shared by the whole run. */
export async function checkHere(
  files: readonly string[],
  settings: RunSettings,
  folders: FolderContents,
  explicitConfig?: LoadedProjectConfig,
  fixer?: FileFixer,
): Promise<CheckFilesOutcome> {
  const declarations = new DeclarationIndex(settings.cwd);
  const notes: string[] = [];
  // the CLI is trusted by whoever runs it, but git still runs async, with a deadline and without fsmonitor/hooks (services/runGit.ts)
  const git = new GitTracking({ mayRunGit: () => true, failed: (repository, reason) => notes.push(`git tracking in ${repository}: ${reason}; ignored files with a password count as "may be committed"`) });
  await Promise.all([declarations.prepare(files), git.prepare(files)]);
  const outcome = checkFiles(files, {
    explicitConfig,
    defaultTarget: settings.defaultTarget,
    rules: settings.rules,
    declarations,
    configs: new ProjectConfigs(folders),
    keepForOnline: settings.keepForOnline,
    git,
    fixer,
  });
  outcome.notes.push(...notes);
  return outcome;
}

export async function checkInWorkers(files: readonly string[], settings: RunSettings, workers: number, bundle: string): Promise<CheckFilesOutcome> {
  // round-robin, so each worker gets a like mix of kinds and sizes
  const shares: string[][] = Array.from({ length: workers }, () => []);
  files.forEach((file, i) => shares[i % workers].push(file));
  const outputs = await Promise.all(shares.map((share) => runWorker(bundle, { mendixEmailCheck: true, files: share, settings })));

  const outcome: CheckFilesOutcome = { checked: [], filesChecked: 0, findings: new Map(), problems: [], configsWithProblems: [], notes: [], envFileReferences: [] };
  const seenConfigs = new Set<string>();
  for (const output of outputs) {
    for (const note of output.notes) if (!outcome.notes.includes(note)) outcome.notes.push(note);
    outcome.filesChecked += output.filesChecked;
    for (const [path, findings] of output.findings) outcome.findings.set(path, findings);
    outcome.problems.push(...output.problems);
    outcome.envFileReferences.push(...output.envFileReferences);
    for (const config of output.configsWithProblems) {
      if (seenConfigs.has(config.file)) continue;
      seenConfigs.add(config.file);
      outcome.configsWithProblems.push(config);
    }
    for (const file of output.checked) {
      // the online checks read only the severities from the options
      outcome.checked.push({
        ...file,
        options: { projectConfig: file.projectConfig, defaultTarget: settings.defaultTarget, commandLineRules: settings.rules },
      });
    }
  }
  return outcome;
}

function runWorker(bundle: string, input: WorkerInput): Promise<WorkerOutput> {
  const { Worker } = workerThreads();
  return new Promise((resolve, reject) => {
    const worker = new Worker(bundle, { workerData: input, argv: [CHECK_WORKER_ARG] });
    let output: WorkerOutput | undefined;
    worker.once('message', (message: WorkerOutput) => (output = message));
    worker.once('error', reject);
    worker.once('exit', (code) => (output ? resolve(output) : reject(new Error(`a check worker stopped (exit code ${code}) without a result`))));
  });
}

/** In a worker started by checkInWorkers: check the share, post the outcome, end. Returns false elsewhere. */
export async function runAsCheckWorker(): Promise<boolean> {
  const { isMainThread, parentPort, workerData } = workerThreads();
  if (isMainThread || !parentPort || !(workerData as WorkerInput | undefined)?.mendixEmailCheck) return false;
  const { files, settings } = workerData as WorkerInput;
  const loaded = settings.configPath ? loadExplicitConfig(settings.configPath) : undefined;
  const explicitConfig = loaded && !('error' in loaded) ? loaded : undefined;
  const outcome = await checkHere(files, settings, new FolderContents(), explicitConfig);
  const output: WorkerOutput = {
    checked: outcome.checked.map(({ options: _options, ...rest }) => rest),
    filesChecked: outcome.filesChecked,
    findings: [...outcome.findings],
    problems: outcome.problems,
    configsWithProblems: outcome.configsWithProblems,
    notes: outcome.notes,
    envFileReferences: outcome.envFileReferences,
  };
  parentPort.postMessage(output);
  return true;
}
