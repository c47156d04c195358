// action.yml as GitHub reads it: a composite action with the inputs the docs promise, that
// runs the npm release of its own version and uploads SARIF with codeql-action. Its steps
// are run against the packed CLI in npmPackage.test.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAction } from './support/actionRunner';
import { ROOT } from './support/cli';

describe('action.yml', () => {
  const action = readAction();

  it('is a composite action with the documented inputs and outputs', () => {
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(Object.keys(action.inputs).sort(), ['format', 'max-warnings', 'offline', 'paths', 'sarif-upload']);
    for (const [name, input] of Object.entries(action.inputs)) {
      assert.ok(input.description, `${name} has a description`);
      assert.equal(typeof input.default, 'string', `${name} has a default`);
    }
    assert.equal(action.inputs.format.default, 'github');
    assert.deepEqual(Object.keys(action.outputs).sort(), ['exit-code', 'sarif-file']);
  });

  it('runs the npm release of its own version (package.json), with npx', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const check = action.runs.steps.find((s) => s.id === 'check')!;
    assert.equal(check.env?.MENDIX_EMAIL_VERSION, version);
    const script = readFileSync(join(ROOT, 'scripts', 'action', 'check.sh'), 'utf8');
    assert.match(script, /npx --yes "mendix-email@\$version"/);
    const sync = spawnSync(process.execPath, [join(ROOT, 'scripts', 'sync-cli-version.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(sync.status, 0, sync.stderr);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    assert.match(manifest.scripts.version, /sync-cli-version\.mjs/, 'npm version keeps them in step');
  });

  it('uploads SARIF only when asked, with code scanning, even when the check found errors', () => {
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.ok(upload);
    assert.match(upload.if ?? '', /inputs\.sarif-upload == 'true'/);
    assert.match(upload.if ?? '', /!cancelled\(\)/);
    assert.equal(upload.with?.sarif_file, '${{ steps.check.outputs.sarif-file }}');
    const last = action.runs.steps.at(-1)!;
    assert.match(last.run ?? '', /exit \$\{\{ steps\.check\.outputs\.exit-code/);
  });

  it('the check step is bash that passes inputs through the environment (never pasted into the script)', () => {
    const check = action.runs.steps.find((s) => s.id === 'check')!;
    assert.equal(check.shell, 'bash');
    assert.ok(!/\$\{\{/.test(check.run ?? ''), 'no expression inside run: an input could inject shell');
    const syntax = spawnSync('bash', ['-n', join(ROOT, 'scripts', 'action', 'check.sh')], { encoding: 'utf8' });
    assert.equal(syntax.status, 0, syntax.stderr);
  });
});
