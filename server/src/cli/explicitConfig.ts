// `--config FILE`: one config file for every checked file, instead of looking for the
// nearest .mendix-email.json. Parsed by the same code as discovered files, read by the one
// reader (services/readFile.ts: a regular file under the cap).
import { statSync } from 'node:fs';
import type { LoadedProjectConfig } from '../core/settings';
import { parseProjectConfig } from '../config/parseProjectConfig';
import { readSettingsText } from '../services/readFile';
import { describeFsError } from './findFiles';

export function loadExplicitConfig(file: string): LoadedProjectConfig | { error: string } {
  try {
    if (statSync(file).isDirectory()) return { error: 'is a folder, not a file' };
  } catch (error) {
    return { error: describeFsError(error, 'cannot read file') };
  }
  const text = readSettingsText(file);
  return typeof text === 'string' ? parseProjectConfig(text, file) : text;
}
