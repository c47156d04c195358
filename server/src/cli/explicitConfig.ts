// `--config FILE`: one config file for every checked file, instead of looking for the
// nearest .mendix-email.json. Parsed by the same code as discovered files.
import { readFileSync, statSync } from 'node:fs';
import type { LoadedProjectConfig } from '../core/settings';
import { parseProjectConfig } from '../config/parseProjectConfig';
import { describeFsError } from './findFiles';

export function loadExplicitConfig(file: string): LoadedProjectConfig | { error: string } {
  try {
    if (statSync(file).isDirectory()) return { error: 'is a folder, not a file' };
    return parseProjectConfig(readFileSync(file, 'utf8'), file);
  } catch (error) {
    return { error: describeFsError(error, 'cannot read file') };
  }
}
