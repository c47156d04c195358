// The .mendix-email.json that applies to each file, found by the editor's own walk (the nearest
// one from the file's folder up; config/projectConfig.ts findConfigFile) over the run's folder
// listing, remembered per folder for the whole run.
import { dirname } from 'node:path';
import type { LoadedProjectConfig } from '../core/settings';
import { findConfigFile, loadProjectConfigFor } from '../config/projectConfig';
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
    return findConfigFile(folder, undefined, { isFile: (dir, name) => this.folders.isFile(dir, name), memo: this.fileFor });
  }

  /** Loaded by the editor's own loader (size limit, problems), pointed straight at the file. */
  private load(file: string): LoadedProjectConfig | undefined {
    if (!this.loaded.has(file)) this.loaded.set(file, loadProjectConfigFor(file));
    return this.loaded.get(file);
  }
}
