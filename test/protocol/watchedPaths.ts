// Which files the watchers a server registered cover, as an editor would decide it: the
// editor only sends workspace/didChangeWatchedFiles for files some watcher matches, while the
// test client sends whatever a test asks for. Globs: `**`, `*`, `?`, `{a,b}`; string globs are
// matched against the path inside the workspace, `{ baseUri, pattern }` against the path under baseUri.
import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Registration } from 'vscode-languageserver-protocol/node';

type GlobPattern = string | { baseUri: string | { uri: string }; pattern: string };

function globToRegExp(glob: string): RegExp {
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (glob.startsWith('**/', i)) {
      out += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      out += '.*';
      i++;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') {
      out += '(?:';
      braces++;
    } else if (c === '}' && braces > 0) {
      out += ')';
      braces--;
    } else if (c === ',' && braces > 0) out += '|';
    else out += c.replace(/[.+^$()|[\]\\}]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

function inside(base: string, path: string): string | undefined {
  const rel = relative(base, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? undefined : rel.split(sep).join('/');
}

function covers(glob: GlobPattern, path: string, workspaceRoot: string): boolean {
  if (typeof glob === 'string') {
    const rel = inside(workspaceRoot, path);
    return rel !== undefined && globToRegExp(glob).test(rel);
  }
  const base = fileURLToPath(typeof glob.baseUri === 'string' ? glob.baseUri : glob.baseUri.uri);
  const rel = inside(base, path);
  return rel !== undefined && globToRegExp(glob.pattern).test(rel);
}

/** Whether a registered workspace/didChangeWatchedFiles watcher covers `path`. */
export function isWatched(registrations: readonly Registration[], path: string, workspaceRoot: string): boolean {
  return registrations
    .filter((r) => r.method === 'workspace/didChangeWatchedFiles')
    .some((r) => ((r.registerOptions as { watchers: { globPattern: GlobPattern }[] }).watchers ?? []).some((w) => covers(w.globPattern, path, workspaceRoot)));
}
