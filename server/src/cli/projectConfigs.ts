// The .mendix-email.json that applies to each file, as the editor finds it (the nearest one
// from the file's folder up; config/projectConfig.ts) but remembered per folder for the whole
// run, so a thousand files in a thousand folders cost one look per folder, not one per level.
import { dirname, join } from 'node:path';
import type { LoadedProjectConfig } from '../core/settings';
import { loadProjectConfigFor, PROJECT_CONFIG_FILE } from '../config/projectConfig';
import type { FolderContents } from './folders';

export class ProjectConfigs {
  private readonly fileFor = new Map<string, string | null>();
  private readonly loaded = new Map<string, LoadedProjectConfig | undefined>();

  constructor(private readonly folders: FolderContents) {}

  for(filePath: string): LoadedProjectConfig | undefined {
    const file = this.configFileAt(dirname(filePath));
    return file ? this.load(file) : undefined;
  }

  private configFileAt(folder: string): string | undefined {
    const known = this.fileFor.get(folder);
    if (known !== undefined) return known ?? undefined;
    let answer: string | null;
    if (this.folders.isFile(folder, PROJECT_CONFIG_FILE)) answer = join(folder, PROJECT_CONFIG_FILE);
    else {
      const parent = dirname(folder);
      answer = parent === folder ? null : (this.configFileAt(parent) ?? null);
    }
    this.fileFor.set(folder, answer);
    return answer ?? undefined;
  }

  /** Loaded by the editor's own loader (size limit, problems), pointed straight at the file. */
  private load(file: string): LoadedProjectConfig | undefined {
    if (!this.loaded.has(file)) this.loaded.set(file, loadProjectConfigFor(file));
    return this.loaded.get(file);
  }
}
