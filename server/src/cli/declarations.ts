// The constant declarations (model/metadata.json, generated Constants.java) that unknown-constant,
// in the CLI, gets for a file: exactly what the editor gives it (features/workspaceDeclarations.ts,
// every declaration under the workspace folder), with the working directory as the workspace —
// the folder a CI job runs in is the folder a developer opens. A file outside it counts its
// git repository (or its own folder) as the workspace. Asked once per workspace per run.
import { dirname, isAbsolute, relative } from 'node:path';
import type { ConstantDeclaration } from '../core/types';
import { WorkspaceDeclarations } from '../features/workspaceDeclarations';
import { findGitRoot } from './gitignore';

export class DeclarationIndex {
  private readonly source = new WorkspaceDeclarations();
  private readonly byRoot = new Map<string, ConstantDeclaration[]>();

  constructor(private readonly cwd: string) {}

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
