// Every absolute link derives from package.json's repository: read it the way the code does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCS_BASE_URL, ISSUES_URL, REPOSITORY_URL, repositoryFileUrl, repositoryUrlOf, ruleDocUrl } from '../../../server/src/core/links';

const manifest = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8'));

test('the repository URL is package.json repository, without git+ and .git', () => {
  assert.equal(REPOSITORY_URL, repositoryUrlOf(manifest.repository));
  assert.match(REPOSITORY_URL, /^https:\/\/github\.com\/[^/]+\/[^/]+$/);
  assert.equal(repositoryUrlOf({ url: 'git+https://github.com/a/b.git' }), 'https://github.com/a/b');
  assert.equal(repositoryUrlOf('https://github.com/a/b/'), 'https://github.com/a/b');
  assert.throws(() => repositoryUrlOf(undefined), /no repository/);
});

test('bugs, homepage and the docs base sit under the repository', () => {
  assert.equal(manifest.bugs.url, ISSUES_URL);
  assert.equal(manifest.homepage, `${REPOSITORY_URL}#readme`);
  assert.equal(DOCS_BASE_URL, `${REPOSITORY_URL}/blob/main/docs/`);
});

test('a rule page and a repository file have their web addresses', () => {
  assert.equal(ruleDocUrl('port-25-on-mendix-cloud'), `${REPOSITORY_URL}/blob/main/docs/rules/port-25-on-mendix-cloud.md`);
  assert.equal(repositoryFileUrl('docs/cli.md'), `${REPOSITORY_URL}/blob/main/docs/cli.md`);
});
