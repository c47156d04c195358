// The constant declarations (model/metadata.json, generated Constants.java) that unknown-constant,
// in the CLI, gets for a file: exactly what the editor gives it (features/workspaceDeclarations.ts,
// every declaration under the workspace folder), with the working directory as the workspace —
// the folder a CI job runs in is the folder a developer opens. A file outside it counts its
// git repository (or its own folder) as the workspace. Found once per workspace per run,
// before the first file is checked (prepare()).
import { dirname, isAbsolute, relative } from 'node:path';
import type { ConstantDeclaration } from '../core/types';
import { WorkspaceDeclarations } from '../features/workspaceDeclarations';
import { findGitRoot } from './gitignore';

export class DeclarationIndex {
  private readonly source = new WorkspaceDeclarations();
  private readonly byRoot = new Map<string, ConstantDeclaration[]>();

  constructor(private readonly cwd: string) {}

  /** Finds the declaration files of every workspace these files belong to (the editor walks in the background; a CLI run waits for it). */
  async prepare(files: readonly string[]): Promise<void> {
    for (const root of new Set(files.map((file) => this.workspaceOf(file)))) this.source.declarationsFor(root);
    await this.source.idle();
  }

  for(filePath: string): ConstantDeclaration[] {
    const root = this.workspaceOf(filePath);
    let declarations = this.byRoot.get(root);
    if (!declarations) {
      declarations = this.source.declarationsFor(root);
      this.byRoot.set(root, declarations);
    }
    return declarations;
  }

  private workspaceOf(filePath: string): string {
    const rel = relative(this.cwd, filePath);
    if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return this.cwd;
    const folder = dirname(filePath);
    return findGitRoot(folder) ?? folder;
  }
}
