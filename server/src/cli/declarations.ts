// The constant declarations (model/metadata.json, Constants.java) of the Mendix app a settings
// file belongs to: found in the nearest folder, from the file's own folder upwards, that holds
// `model/metadata.json` (a deployment package) or `javasource/<module>/proxies/constants/
// Constants.java` (a Studio Pro project). A bare metadata.json is not taken: the name is too
// common for a folder to be an app's root because of it.
// Nearest wins, so in a repository with several apps each file meets its own app's model.
// Pure file-system discovery with a cache: the language server can use it as it is.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, parse, relative, resolve, isAbsolute } from 'node:path';
import type { ConstantDeclaration } from '../core/types';
import { readSettingsFile } from '../sources/index';
import { readText } from './checkFiles';

export class DeclarationIndex {
  private readonly byFolder = new Map<string, string[]>();
  private readonly byFile = new Map<string, ConstantDeclaration[]>();

  /** `stopAt`: the highest folder to look in (a workspace root); default the file system root. */
  constructor(private readonly stopAt?: string) {}

  /** The declarations that apply to `filePath`; empty when no declaration source is found. */
  for(filePath: string): ConstantDeclaration[] {
    const stop = this.stopAt ? resolve(this.stopAt) : undefined;
    let folder = dirname(resolve(filePath));
    for (;;) {
      const sources = this.sourcesIn(folder);
      if (sources.length) return sources.flatMap((file) => this.read(file));
      if (stop !== undefined && (folder === stop || !isInside(folder, stop))) return [];
      const parent = dirname(folder);
      if (parent === folder || folder === parse(folder).root) return [];
      folder = parent;
    }
  }

  /** Declaration files that make `folder` an app's root. */
  private sourcesIn(folder: string): string[] {
    let sources = this.byFolder.get(folder);
    if (!sources) {
      sources = [join(folder, 'model', 'metadata.json')].filter((f) => existsSync(f));
      const javasource = join(folder, 'javasource');
      if (existsSync(javasource)) {
        for (const module of safeList(javasource)) {
          const constants = join(javasource, module, 'proxies', 'constants', 'Constants.java');
          if (existsSync(constants)) sources.push(constants);
        }
      }
      this.byFolder.set(folder, sources);
    }
    return sources;
  }

  private read(file: string): ConstantDeclaration[] {
    let declarations = this.byFile.get(file);
    if (!declarations) {
      const text = readText(file);
      try {
        declarations = typeof text === 'string' ? (readSettingsFile(file, text)?.declarations ?? []) : [];
      } catch {
        declarations = []; // the file's own check reports what is wrong with it
      }
      this.byFile.set(file, declarations);
    }
    return declarations;
  }
}

function safeList(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
