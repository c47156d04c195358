// Constant declarations (model/metadata.json, Constants.java) among the files being checked:
// with them, unknown-constant can tell a mistyped constant name in any settings file of the
// run, as the editor does with the declarations it finds in the workspace.
import { basename } from 'node:path';
import type { ConstantDeclaration } from '../core/types';
import { readSettingsFile } from '../sources/index';
import { readText } from './checkFiles';

const DECLARATION_FILES = new Set(['metadata.json', 'constants.java']);

export function collectDeclarations(files: readonly string[]): ConstantDeclaration[] {
  const declarations: ConstantDeclaration[] = [];
  for (const path of files) {
    if (!DECLARATION_FILES.has(basename(path).toLowerCase())) continue;
    const text = readText(path);
    if (typeof text !== 'string') continue; // reported when the file itself is checked
    try {
      declarations.push(...(readSettingsFile(path, text)?.declarations ?? []));
    } catch {
      // a reader failure is reported when the file itself is checked
    }
  }
  return declarations;
}
