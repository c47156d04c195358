// The command line a `mendix-email` task runs: `mendix-email check …` with the task's
// settings, without colours (the problem matcher `$mendix-email` reads the plain text layout).
// No `vscode` import, so it is tested without an editor.

/** A task of type `mendix-email` in tasks.json (package.json contributes.taskDefinitions). */
export interface CheckTaskDefinition {
  type: 'mendix-email';
  /** files or folders, relative to the workspace folder; default: the whole folder */
  paths?: string[];
  offline?: boolean;
  maxWarnings?: number;
  target?: string;
  /** further options, passed as they are */
  args?: string[];
}

export function checkTaskArguments(definition: CheckTaskDefinition): string[] {
  const args = ['check', ...(definition.paths?.length ? definition.paths : ['.']), '--format', 'text', '--no-color'];
  if (definition.offline) args.push('--offline');
  if (definition.maxWarnings !== undefined) args.push('--max-warnings', String(definition.maxWarnings));
  if (definition.target) args.push('--target', definition.target);
  args.push(...(definition.args ?? []));
  return args;
}

/** The task's name in the Run Task list. */
export function checkTaskLabel(definition: CheckTaskDefinition): string {
  return `check ${definition.paths?.length ? definition.paths.join(' ') : 'workspace'}${definition.offline ? ' (offline)' : ''}`;
}
