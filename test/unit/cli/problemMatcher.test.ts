// The `$mendix-email` problem matcher (package.json contributes.problemMatchers) against the
// CLI's real text output: the CLI runs in process with the arguments a `mendix-email` task
// passes (client/src/checkTask/commandLine.ts), its output goes through the matcher's
// regexps the way VS Code applies a multi-line pattern, and every finding of the JSON report
// must come out with its file, line, column, severity, message and rule id.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../../server/src/cli/main';
import { checkTaskArguments } from '../../../client/src/checkTask/commandLine';

interface PatternSpec {
  regexp: string;
  file?: number;
  line?: number;
  column?: number;
  severity?: number;
  message?: number;
  code?: number;
  loop?: boolean;
}
interface MatcherSpec {
  name: string;
  owner: string;
  fileLocation: string[];
  pattern: PatternSpec[];
}

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: { problemMatchers: MatcherSpec[]; taskDefinitions: { type: string; properties: Record<string, unknown> }[] };
};
const matcher = manifest.contributes.problemMatchers.find((m) => m.name === 'mendix-email')!;

interface Problem {
  file: string;
  line: number;
  column: number;
  severity: string;
  message: string;
  code: string;
}

/** VS Code's multi-line matching: the first pattern sets the file, the last one loops over the rows. */
function matchAll(output: string): Problem[] {
  const [first, row] = matcher.pattern;
  const fileRe = new RegExp(first.regexp);
  const rowRe = new RegExp(row.regexp);
  const problems: Problem[] = [];
  let file: string | undefined;
  for (const line of output.split(/\r?\n/)) {
    const r = file !== undefined ? rowRe.exec(line) : null;
    if (r && file !== undefined) {
      problems.push({ file, line: Number(r[row.line!]), column: Number(r[row.column!]), severity: r[row.severity!], message: r[row.message!], code: r[row.code!] });
      continue;
    }
    const f = fileRe.exec(line);
    file = f ? f[first.file!] : undefined;
  }
  return problems;
}

async function runIn(cwd: string, args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const io = { stdout: { write: (t: string) => ((stdout += t), true), isTTY: true }, stderr: { write: () => true }, cwd, env: {} };
  const code = await main(args, io as never);
  return { code, stdout };
}

describe('$mendix-email problem matcher', () => {
  it('is declared as the task type uses it', () => {
    assert.ok(matcher, 'contributes.problemMatchers has mendix-email');
    assert.deepEqual(matcher.fileLocation, ['relative', '${workspaceFolder}']);
    assert.equal(matcher.pattern.at(-1)?.loop, true);
    const task = manifest.contributes.taskDefinitions.find((t) => t.type === 'mendix-email');
    assert.ok(task);
    assert.deepEqual(Object.keys(task.properties).sort(), ['args', 'maxWarnings', 'offline', 'paths', 'target']);
  });

  it("reads every finding of the task's text output", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mendix-email-matcher-'));
    try {
      const files: Record<string, string> = {
        'deploy/m2ee.yaml': 'mxruntime:\n  MicroflowConstants:\n    Mail.SMTPHost: localhost\n    Mail.SMTPPort: 99999\n    Mail.FromAddress: noreply@example.com\n',
        'app two/.env': 'MX_Mail_SMTPPort=25\nMX_Mail_UseSSL=maybe\n',
        'docker-compose.yml': 'services:\n  app:\n    environment:\n      MX_Mail_SMTPHost: smtp.gmail.com\n      MX_Mail_SMTPPort: "25"\n',
      };
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      // a terminal (isTTY) as in a task: the task's --no-color must keep the layout plain
      const text = await runIn(dir, checkTaskArguments({ type: 'mendix-email', offline: true }));
      const json = await runIn(dir, ['check', '--offline', '--format', 'json']);
      assert.equal(text.code, json.code);
      const expected = (JSON.parse(json.stdout) as { file: string; line: number; column: number; severity: string; message: string; ruleId: string }[]).map((f) => ({
        file: f.file,
        line: f.line,
        column: f.column,
        severity: f.severity,
        message: f.message.replace(/\s*\r?\n\s*/g, ' '),
        code: f.ruleId,
      }));
      assert.ok(expected.length >= 4, text.stdout);
      assert.ok(new Set(expected.map((e) => e.severity)).size >= 2, 'more than one severity');
      assert.deepEqual(matchAll(text.stdout), expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('matches nothing in the summary of a clean run', () => {
    assert.deepEqual(matchAll('✔ No problems (3 files checked)\n'), []);
    assert.deepEqual(matchAll('m2ee.yaml\n\n✖ 1 problem (1 error, 0 warnings) in 1 file checked\n'), []);
  });
});

describe('mendix-email task command line', () => {
  it('checks the folder by default, plain text, and passes the settings', () => {
    assert.deepEqual(checkTaskArguments({ type: 'mendix-email' }), ['check', '.', '--format', 'text', '--no-color']);
    assert.deepEqual(checkTaskArguments({ type: 'mendix-email', paths: ['deploy', 'k8s'], offline: true, maxWarnings: 0, target: 'docker', args: ['--quiet'] }), [
      'check', 'deploy', 'k8s', '--format', 'text', '--no-color', '--offline', '--max-warnings', '0', '--target', 'docker', '--quiet',
    ]);
  });
});
