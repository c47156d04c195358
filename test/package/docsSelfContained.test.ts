// The project's pages stand on their own: nothing links into ../shared (the session's notes,
// which are in neither the package nor the repository), and relative links resolve in the repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { anchorsOf, linksOf } from './markdownLinks';

const root = join(__dirname, '..', '..');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith('.md') ? [path] : [];
  });
}

const pages = [...markdownFiles(join(root, 'docs')), join(root, 'README.md'), join(root, 'CONTRIBUTING.md'), join(root, 'CHANGELOG.md')].filter((p) => existsSync(p));

test('no page of the project links to or names ../shared', () => {
  const offenders = pages.flatMap((page) =>
    readFileSync(page, 'utf8')
      .split('\n')
      .map((line, i) => ({ line, at: `${relative(root, page)}:${i + 1}` }))
      .filter(({ line }) => /(^|[\s(/"'`])(\.\.\/)*shared\/(docs|corpus)\b/.test(line))
      .map(({ at }) => at),
  );
  assert.deepEqual(offenders, []);
});

test('every relative link of README, CONTRIBUTING and docs/ resolves to a file (and heading) in the repository', () => {
  for (const page of pages) {
    for (const link of linksOf(readFileSync(page, 'utf8'))) {
      if (/^[a-z]+:/i.test(link)) continue;
      const [path, anchor] = link.split('#');
      const target = path ? join(dirname(page), decodeURIComponent(path)) : page;
      assert.ok(existsSync(target), `${relative(root, page)}: ${link}`);
      if (anchor && target.endsWith('.md')) assert.ok(anchorsOf(readFileSync(target, 'utf8')).has(anchor), `${relative(root, page)}: ${link} (heading)`);
    }
  }
});
