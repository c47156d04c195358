// Every absolute link the project hands to users (diagnostic rule links, SARIF helpUri and
// informationUri, README pictures) derives from package.json's `repository`, so moving the
// repository is one edit. Only that field is imported: esbuild bundles a named JSON import
// as that one value, not the whole manifest.
import { repository } from '../../../package.json';

/** `https://github.com/<owner>/<name>` from package.json's repository (string or {url}, with or without git+ / .git). */
export function repositoryUrlOf(field: string | { url?: string } | undefined): string {
  const raw = typeof field === 'string' ? field : field?.url;
  if (!raw) throw new Error('package.json has no repository: every absolute link derives from it');
  return raw.replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/+$/, '');
}

/** The repository's web page. */
export const REPOSITORY_URL: string = repositoryUrlOf(repository);

/** Where users report problems (package.json `bugs`). */
export const ISSUES_URL = `${REPOSITORY_URL}/issues`;

/** The repository's docs/ folder as rendered on the web (the branch the listing points at). */
export const DOCS_BASE_URL = `${REPOSITORY_URL}/blob/main/docs/`;

/** The web page of a file in the repository, from its repository-relative path (`docs/cli.md`). */
export function repositoryFileUrl(path: string): string {
  return `${REPOSITORY_URL}/blob/main/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** The page of a rule: docs/rules/<id>.md on the web. */
export function ruleDocUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}rules/${encodeURIComponent(ruleId)}.md`;
}
