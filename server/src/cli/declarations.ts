// The constant declarations (model/metadata.json, generated Constants.java) that unknown-constant
// and the rest get, in the CLI, for a file: exactly what the editor gives it — the same walk and
// the same rule for which app's declarations apply (services/workspaceDeclarations.ts,
// services/appRoots.ts) — with the working directory as the workspace: the folder a CI job runs
// in is the folder a developer opens. A file outside it counts its git repository (or its own
// folder) as the workspace. Each workspace is walked once per run, before the first file is
// checked (prepare()).
import { dirname, isAbsolute, relative } from 'node:path';
import type { ConstantDeclaration } from '../core/types';
import { WorkspaceDeclarations } from '../services/workspaceDeclarations';
import { findGitRoot } from '../services/gitignore';

export class DeclarationIndex {
  // one run sees one tree: no walking again mid-run
  private readonly source = new WorkspaceDeclarations(undefined, undefined, Infinity);

  constructor(private readonly cwd: string) {}

  /** Walks every workspace these files belong to (the editor walks in the background; a CLI run waits for it). */
  async prepare(files: readonly string[]): Promise<void> {
    for (const root of new Set(files.map((file) => this.workspaceOf(file)))) this.source.prepare(root);
    await this.source.idle();
  }

  for(filePath: string): ConstantDeclaration[] {
    return this.source.declarationsFor(this.workspaceOf(filePath), filePath);
  }

  private workspaceOf(filePath: string): string {
    const rel = relative(this.cwd, filePath);
    if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return this.cwd;
    const folder = dirname(filePath);
    return findGitRoot(folder) ?? folder;
  }
}
