// Which app's model declares the constants of a settings file — ONE rule for the editor and the
// CLI (both reach it through services/workspaceDeclarations.ts), so they never disagree.
//
// An "app root" is a folder holding a deployment package's `model/metadata.json`, or a Studio
// Pro project's `javasource/<module>/proxies/constants/Constants.java` or `*.mpr`. A
// repository may hold several apps: a settings file takes the declarations of the nearest app
// root above it (walking up from its folder, not past the workspace root). A file that no app
// root encloses takes the workspace's declarations only when the workspace holds exactly one
// app — with two or more there is no telling which one it configures, so it gets none and
// `unknown-constant` stays silent rather than judge it by another app's model.
//
// A Studio Pro project's own `deployment/` folder (its built package, `deployment/model/
// metadata.json`) is part of the project, not a second app.
import { basename, dirname, isAbsolute, relative } from 'node:path';
import { FILE_KINDS } from '../core/fileKinds';

const DECLARING_PATHS = Object.values(FILE_KINDS).flatMap((k) => (k.declaresDefaults && k.editorPath ? [k.editorPath] : []));

/** true for the files that declare constants (the file-kind table's `declaresDefaults` kinds where the editor finds them): `<app>/model/metadata.json`, `<app>/javasource/<module>/proxies/constants/Constants.java`. */
export function isDeclarationFile(path: string): boolean {
  const unix = path.replace(/\\/g, '/');
  return DECLARING_PATHS.some((p) => p.test(unix));
}

/** true for a Studio Pro project file (`*.mpr`): its folder is an app root even before anything was generated. */
export function isProjectFile(path: string): boolean {
  return /\.mpr$/i.test(basename(path));
}

/** true for the files that make a folder an app root (what the workspace walk looks for). */
export function isAppMarker(path: string): boolean {
  return isDeclarationFile(path) || isProjectFile(path);
}

/** The app root a declaration or project file belongs to, before the `deployment/` rule. */
function markedFolder(path: string): string {
  if (isProjectFile(path)) return dirname(path);
  if (basename(path) === 'metadata.json') return dirname(dirname(path)); // <app>/model/metadata.json
  return dirname(dirname(dirname(dirname(dirname(path))))); // <app>/javasource/<module>/proxies/constants/Constants.java
}

/** The apps of a workspace: app root → its declaration files (sorted; empty for a project with none generated yet). */
export type WorkspaceApps = ReadonlyMap<string, readonly string[]>;

/** Groups the marker files a walk found (declaration files and `*.mpr`) by app root. */
export function appsOf(markers: readonly string[]): WorkspaceApps {
  const projects = new Set(markers.filter((m) => !basename(m).endsWith('metadata.json')).map(markedFolder));
  const apps = new Map<string, string[]>();
  for (const marker of [...markers].sort()) {
    let root = markedFolder(marker);
    // a project's built package lives in <project>/deployment: the same app
    if (basename(root) === 'deployment' && projects.has(dirname(root))) root = dirname(root);
    const files = apps.get(root) ?? [];
    if (!isProjectFile(marker)) files.push(marker);
    apps.set(root, files);
  }
  return apps;
}

/** What decides a file's declarations: the app root that applies (undefined: none, `unknown-constant` is silent). */
export function appRootFor(filePath: string, workspaceRoot: string, apps: WorkspaceApps): string | undefined {
  const rel = relative(workspaceRoot, filePath);
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  if (inside) {
    for (let folder = dirname(filePath); ; folder = dirname(folder)) {
      if (apps.has(folder)) return folder;
      if (folder === workspaceRoot || folder === dirname(folder)) break;
    }
  }
  // outside every app: only an unambiguous workspace speaks for it
  return apps.size === 1 ? [...apps.keys()][0] : undefined;
}
