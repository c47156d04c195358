// Task type `mendix-email`: runs the CLI bundled with the extension (dist/cli.js) as a task,
// its output read by the `$mendix-email` problem matcher, so findings land in the Problems
// view with clickable locations — for a whole folder, not only the open files. The bundle runs
// on the editor's own runtime (ELECTRON_RUN_AS_NODE), so no Node.js install is needed.
import * as vscode from 'vscode';
import { checkTaskArguments, checkTaskLabel, type CheckTaskDefinition } from './commandLine';

export const CHECK_TASK_TYPE = 'mendix-email';
const PROBLEM_MATCHER = '$mendix-email';

export function registerCheckTasks(context: vscode.ExtensionContext): vscode.Disposable {
  const cli = vscode.Uri.joinPath(context.extensionUri, 'dist', 'cli.js').fsPath;
  const taskFor = (definition: CheckTaskDefinition, scope: vscode.WorkspaceFolder | vscode.TaskScope) => {
    const cwd = typeof scope === 'object' ? scope.uri.fsPath : undefined;
    const execution = new vscode.ProcessExecution(process.execPath, [cli, ...checkTaskArguments(definition)], {
      ...(cwd ? { cwd } : {}),
      env: { ELECTRON_RUN_AS_NODE: '1' },
    });
    const task = new vscode.Task(definition, scope, checkTaskLabel(definition), 'mendix-email', execution, [PROBLEM_MATCHER]);
    task.group = vscode.TaskGroup.Test;
    return task;
  };
  return vscode.tasks.registerTaskProvider(CHECK_TASK_TYPE, {
    // one task per workspace folder: check it all (only when Run Task lists tasks, never at activation)
    provideTasks: () => (vscode.workspace.workspaceFolders ?? []).map((folder) => taskFor({ type: CHECK_TASK_TYPE }, folder)),
    resolveTask: (task) => {
      const definition = task.definition as CheckTaskDefinition;
      if (definition.type !== CHECK_TASK_TYPE) return undefined;
      return taskFor(definition, task.scope ?? vscode.TaskScope.Workspace);
    },
  });
}
