// `mendix-email check`: parse the arguments, find the files, check them with the editor's
// core, add the DNS findings unless offline, then print the report and pick the exit code.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { LoadedProjectConfig } from '../core/settings';
import type { Finding } from '../core/types';
import { parseCheckArgs, UsageError, type CheckCommandOptions } from './args';
import { FolderContents } from './folders';
import { checkHere, checkInWorkers, workersFor, type RunSettings } from './parallel';
import { findFiles, type FileProblem } from './findFiles';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { formatGithub } from './formats/github';
import { formatGitlab } from './formats/gitlab';
import { ANSI, formatText, PLAIN } from './formats/text';
import { CHECK_HELP } from './help';
import type { CliIo } from './io';
import { loadExplicitConfig } from './explicitConfig';
import { addOnlineFindings } from './online';
import { dropEnvFileDuplicates } from './envFileDuplicates';
import { compareFiles, reportedFinding, type Report, type ReportedFinding, type RunProblem } from './report';
import { closestRuleId, ruleCatalog, ruleHelpMarkdown } from './ruleCatalog';
import { CLI_VERSION } from './version';
import { FileFixer, reportFixes } from './fixFiles';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit';
import { cloudCheck } from './lazy';


export async function runCheck(argv: string[], io: CliIo): Promise<number> {
  let options: CheckCommandOptions;
  try {
    options = parseCheckArgs(argv);
    if (options.help || options.version) {
      io.stdout.write(options.help ? CHECK_HELP : `${CLI_VERSION}\n`);
      return EXIT_OK;
    }
    checkRuleIds(options);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`mendix-email: ${error.message}\nRun "mendix-email check --help" for the options.\n`);
    return EXIT_USAGE;
  }

  let explicitConfig: LoadedProjectConfig | undefined;
  if (options.config) {
    const loaded = loadExplicitConfig(resolve(io.cwd, options.config));
    if ('error' in loaded) {
      io.stderr.write(`mendix-email: --config ${options.config}: ${loaded.error}\n`);
      return EXIT_USAGE;
    }
    explicitConfig = loaded;
  }

  const folders = new FolderContents();
  const found = findFiles(options.paths, io.cwd, folders);
  const settings: RunSettings = {
    cwd: io.cwd,
    configPath: options.config ? resolve(io.cwd, options.config) : undefined,
    defaultTarget: options.target,
    rules: options.rules,
    keepForOnline: !options.offline,
  };
  // workers run the bundle itself (dist/cli.js); from the TypeScript sources everything stays here
  // --fix runs on this thread: the fixes need the read files, which workers do not send back
  const fixer = options.fix ? new FileFixer(options.fix, io.cwd) : undefined;
  const workers = __filename.endsWith('.js') && !fixer ? workersFor(found.files.length, io.env) : 0;
  const outcome =
    workers > 1
      ? await checkInWorkers(found.files, settings, workers, __filename)
      : await checkHere(found.files, settings, folders, explicitConfig, fixer);
  if (fixer) reportFixes(fixer, options, io);
  if (!options.offline) {
    const online = await addOnlineFindings(outcome, options);
    const names = [...new Set(online.couldNotCheck.map((u) => `${u.name} (${u.type}, ${u.reason})`))];
    if (names.length) {
      const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? `, and ${names.length - 5} more` : '');
      io.stderr.write(`mendix-email: DNS could not be checked for ${shown}; those checks were skipped (use --offline to skip DNS)\n`);
    }
  }
  dropEnvFileDuplicates(outcome.findings, outcome.envFileReferences);

  // Mendix Cloud environments (--mendix-cloud): loaded only when asked for
  let cloud: import('./cloudCheck').CloudCheckOutcome | undefined;
  if (options.mendixCloud.length) {
    const outcomeOfCloud = await cloudCheck().checkMendixCloud(
      { specs: options.mendixCloud, rules: options.rules, target: options.target, explicitConfig, timeoutSeconds: options.cloudTimeoutSeconds, quiet: options.quiet },
      io,
    );
    if ('error' in outcomeOfCloud) {
      io.stderr.write(`mendix-email: ${outcomeOfCloud.error}\n`);
      return EXIT_USAGE;
    }
    cloud = outcomeOfCloud;
  }

  for (const path of found.explicit) {
    if (!outcome.findings.has(path) && !outcome.problems.some((p) => p.path === path)) {
      io.stderr.write(`mendix-email: ${display(io.cwd, path)}: not a Mendix settings file; skipped\n`);
    }
  }
  for (const config of outcome.configsWithProblems) reportConfigProblems(config, io);
  for (const note of outcome.notes) io.stderr.write(`mendix-email: ${note}\n`);

  const problems: RunProblem[] = [
    ...[...found.problems, ...outcome.problems].map((p: FileProblem) => ({ file: display(io.cwd, p.path), message: p.message })),
    ...(cloud?.problems ?? []),
  ];
  for (const problem of problems) io.stderr.write(`mendix-email: ${problem.file}: ${problem.message}\n`);

  const report: Report = {
    findings: [...toReported(outcome.findings, io.cwd, options.quiet), ...(cloud?.findings ?? [])].sort(compareFiles),
    problems,
    filesChecked: outcome.filesChecked + (cloud?.environmentsChecked ?? 0),
    rules: options.format === 'sarif' ? ruleCatalog().map((r) => ({ ...r, helpMarkdown: ruleHelpMarkdown(r) })) : ruleCatalog(),
    cwd: io.cwd,
    toolVersion: CLI_VERSION,
  };

  const written = writeReport(report, options, io);
  if (!written) return EXIT_USAGE;
  if (cloud) {
    // one line per environment at the end; on stdout only where it cannot spoil a JSON or SARIF report
    const text = cloudCheck().formatEnvironmentSummary(cloud.summary);
    (options.format === 'text' && options.output === undefined ? io.stdout : io.stderr).write(text);
  }

  if (problems.length || outcome.configsWithProblems.length) return EXIT_USAGE;
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const warnings = report.findings.filter((f) => f.severity === 'warning').length;
  if (errors > 0) return EXIT_FINDINGS;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr.write(`mendix-email: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

function checkRuleIds(options: CheckCommandOptions): void {
  const known = new Set(ruleCatalog().map((r) => r.id));
  for (const id of Object.keys(options.rules)) {
    if (known.has(id)) continue;
    const suggestion = closestRuleId(id);
    throw new UsageError(`--rule ${id}: no such rule${suggestion ? ` (did you mean ${suggestion}?)` : ''}`);
  }
}

function toReported(findings: Map<string, Finding[]>, cwd: string, quiet: boolean): ReportedFinding[] {
  const out: ReportedFinding[] = [];
  for (const [path, list] of findings) {
    const file = display(cwd, path);
    for (const f of list) {
      if (quiet && f.severity !== 'error') continue;
      out.push(reportedFinding(file, f));
    }
  }
  return out.sort(compareFiles);
}

function writeReport(report: Report, options: CheckCommandOptions, io: CliIo): boolean {
  const toFile = options.output !== undefined;
  let text: string;
  if (options.format === 'json') text = formatJson(report);
  else if (options.format === 'sarif') text = formatSarif(report);
  else if (options.format === 'github') text = formatGithub(report);
  else if (options.format === 'gitlab') text = formatGitlab(report);
  else text = formatText(report, useColor(options, io, toFile) ? ANSI : PLAIN);

  if (!toFile) {
    io.stdout.write(text);
    return true;
  }
  const target = resolve(io.cwd, options.output!);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    return true;
  } catch (error) {
    io.stderr.write(`mendix-email: --output ${options.output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return false;
  }
}

/** Colours only on a terminal, never into a file, and never when NO_COLOR or --no-color says so. */
function useColor(options: CheckCommandOptions, io: CliIo, toFile: boolean): boolean {
  if (toFile || options.color === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (options.color === true) return true;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true && io.env.TERM !== 'dumb';
}

function reportConfigProblems(config: LoadedProjectConfig, io: CliIo): void {
  const file = display(io.cwd, config.file);
  for (const problem of config.problems) {
    const where = problem.range ? `${file}:${problem.range.start.line + 1}:${problem.range.start.character + 1}` : file;
    io.stderr.write(`mendix-email: ${where}: ${problem.message}\n`);
  }
}

/** A path as the report shows it: relative to the working directory, `/` separators. */
export function display(cwd: string, path: string): string {
  const rel = relative(cwd, path) || '.';
  return sep === '/' ? rel : rel.split(sep).join('/');
}
