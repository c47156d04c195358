// .pre-commit-hooks.yaml: the hook pre-commit users add, and its `files` regex against the
// CLI's own file-name test — on every file of the fixture tree, on names chosen to sit on the
// edges, and on what the CLI's folder walk finds in the fixture tree.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { mightBeSettingsFile } from '../../server/src/cli/fileNames';
import { findFiles } from '../../server/src/cli/findFiles';
import { ROOT } from './support/cli';

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  args?: string[];
}
const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = hooks.find((h) => h.id === 'mendix-email')!;
// pre-commit matches with Python's re.search; the regex uses nothing Python and JavaScript read differently
const files = new RegExp(hook.files);

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allFiles(path) : [path];
  });
}
const asGitPath = (path: string) => relative(ROOT, path).split(sep).join('/');

describe('.pre-commit-hooks.yaml', () => {
  it('declares the mendix-email hook as a node hook running the CLI', () => {
    assert.ok(hook);
    assert.equal(hook.language, 'node');
    assert.equal(hook.entry, 'mendix-email check');
    const bin = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin;
    assert.ok(bin['mendix-email'], 'the entry is the package bin');
    assert.ok(!/\(\?[a-z]/.test(hook.files), 'no inline flags (Python-only before ES2025)');
  });

  it('matches a file exactly when the CLI takes its name as a settings file (whole fixture tree)', () => {
    const tree = allFiles(join(ROOT, 'test', 'fixtures'));
    assert.ok(tree.length > 100);
    const disagree = tree.filter((f) => files.test(asGitPath(f)) !== mightBeSettingsFile(basename(f))).map(asGitPath);
    assert.deepEqual(disagree, []);
  });

  it('agrees on names at the edges', () => {
    const names = [
      '.env', '.ENV', '.env.local', '.env.', 'prod.env', 'a.env', '.envrc', 'env', 'x.env.txt', 'my.env.bak',
      'm2ee.yaml', 'M2EE.YML', 'docker-compose.prod.yaml', 'values.yml', 'a.yaml.bak', 'yaml',
      'metadata.json', 'model/metadata.json', 'Metadata.json', 'config.json', 'config.jsonc', 'tsconfig.json',
      'Constants.java', 'constants.java', 'MyConstants.java', 'deep/path/javasource/m/proxies/constants/Constants.java',
    ];
    for (const name of names) assert.equal(files.test(name), mightBeSettingsFile(basename(name)), name);
  });

  it("covers every file the CLI's folder walk finds in the fixture tree", () => {
    const found = findFiles([join(ROOT, 'test', 'fixtures')], ROOT).files;
    assert.ok(found.length > 50);
    assert.deepEqual(found.map(asGitPath).filter((f) => !files.test(f)), []);
  });
});
