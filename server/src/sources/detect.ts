// Which reader a file needs, from its name first; YAML files are then classified by
// content (yamlFile.ts), JSON files by shape. The editor's language id is only a hint:
// `.env` may arrive as `dotenv`, `properties` or `plaintext`.
import type { FileKind } from '../core/types';

export type NameClass =
  | { reader: 'yaml'; kind?: FileKind }
  | { reader: 'dotenv' }
  | { reader: 'metadata-json' }
  | { reader: 'config-json' }
  | { reader: 'constants-java' }
  | { reader: 'mendix-cloud' };

export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? '';
}

export function isDotenvName(name: string): boolean {
  const n = name.toLowerCase();
  return n === '.env' || n.startsWith('.env.') || (n.endsWith('.env') && n.length > 4);
}

export function isComposeName(name: string): boolean {
  return /^(docker-)?compose([.-][^/\\]*)?\.ya?ml$/i.test(name);
}

export function isM2eeName(name: string): boolean {
  return /^m2ee[^/\\]*\.ya?ml$/i.test(name);
}

const YAML_LANGUAGES = new Set(['yaml', 'dockercompose', 'yml']);

/** How to read a file, by its name (and the language id for YAML without a YAML name). */
export function classifyByName(path: string, languageId?: string): NameClass | undefined {
  // an environment's rendered document (cloud/render.ts), named by its URI
  if (path.toLowerCase().startsWith('mendix-cloud://')) return { reader: 'mendix-cloud' };
  const name = baseName(path);
  if (isDotenvName(name)) return { reader: 'dotenv' };
  if (isComposeName(name)) return { reader: 'yaml', kind: 'compose' };
  if (isM2eeName(name)) return { reader: 'yaml', kind: 'm2ee' };
  if (/\.ya?ml$/i.test(name) || (languageId && YAML_LANGUAGES.has(languageId))) return { reader: 'yaml' };
  if (name === 'metadata.json') return { reader: 'metadata-json' };
  if (name === 'config.json') return { reader: 'config-json' };
  if (name === 'Constants.java') return { reader: 'constants-java' };
  return undefined;
}
