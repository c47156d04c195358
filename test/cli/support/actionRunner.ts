// Runs action.yml's shell steps the way the GitHub runner does: `${{ inputs.* }}` and
// `${{ steps.check.outputs.* }}` filled in, GITHUB_ACTION_PATH / GITHUB_OUTPUT / RUNNER_TEMP
// set, `bash` in the workspace. The `uses:` step (upload-sarif) is GitHub's and is only
// checked for what it is given.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './cli';
import { run, type Run } from './packed';

export interface ActionStep {
  id?: string;
  if?: string;
  shell?: string;
  run?: string;
  uses?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
export interface ActionManifest {
  name: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export function readAction(): ActionManifest {
  return parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionManifest;
}

/** `${{ a || b }}` with a and b each an input, a step output or a literal. */
function evaluate(expression: string, scope: { inputs: Record<string, string>; outputs: Record<string, string> }): string {
  return expression.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, body: string) => {
    for (const alternative of body.split('||').map((s) => s.trim())) {
      const input = /^inputs\.([\w-]+)$/.exec(alternative);
      const output = /^steps\.check\.outputs\.([\w-]+)$/.exec(alternative);
      const value = input ? (scope.inputs[input[1]] ?? '') : output ? (scope.outputs[output[1]] ?? '') : alternative.replace(/^'(.*)'$/, '$1');
      if (value !== '') return value;
    }
    return '';
  });
}

export interface ActionRun {
  check: Run;
  outputs: Record<string, string>;
  /** the last step (fails the job), when its `if` holds */
  verdict?: Run;
}

export async function runAction(workspace: string, given: Record<string, string>, env: NodeJS.ProcessEnv): Promise<ActionRun> {
  const action = readAction();
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [name, given[name] ?? spec.default ?? '']));
  const temp = mkdtempSync(join(tmpdir(), 'mendix-email-action-'));
  const outputFile = join(temp, 'github-output');
  writeFileSync(outputFile, '');
  const runnerEnv = { ...env, GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: outputFile, GITHUB_WORKSPACE: workspace, RUNNER_TEMP: temp, GITHUB_ACTIONS: 'true' };

  const [checkStep, , lastStep] = action.runs.steps;
  const stepEnv = Object.fromEntries(Object.entries(checkStep.env ?? {}).map(([k, v]) => [k, evaluate(String(v), { inputs, outputs: {} })]));
  const check = await run('bash', ['-c', checkStep.run!], workspace, { ...runnerEnv, ...stepEnv });
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  // `!cancelled() && steps.check.outputs.exit-code != '0'`
  const verdict = outputs['exit-code'] !== '0' ? await run('bash', ['-c', evaluate(lastStep.run!, { inputs, outputs })], workspace, runnerEnv) : undefined;
  return { check, outputs, verdict };
}
