// Which reader a file needs, from its name first (the file-kind table's `name` tests,
// core/fileKinds.ts); YAML files are then classified by content (yamlFile.ts), JSON files by
// shape. The editor's language id is only a hint: `.env` may arrive as `dotenv`, `properties`
// or `plaintext`.
import type { FileKind } from '../core/types';
import { FILE_KINDS, FILE_KIND_NAMES, YAML_LANGUAGES, type ReaderName } from '../core/fileKinds';

export type NameClass = { reader: 'yaml'; kind?: FileKind } | { reader: Exclude<ReaderName, 'yaml'> };

export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? '';
}

const CLOUD_URI_START = `${FILE_KINDS['mendix-cloud'].scheme}://`;
/** Kinds a name tells, in table order: first those whose name wins over the editor's YAML language (YAML and .env names), then the rest. */
const NAMED = FILE_KIND_NAMES.filter((kind) => FILE_KINDS[kind].name !== undefined);
const NAME_FIRST = NAMED.filter((kind) => FILE_KINDS[kind].reader === 'yaml' || FILE_KINDS[kind].reader === 'dotenv');
const NAME_AFTER_YAML = NAMED.filter((kind) => !NAME_FIRST.includes(kind));

const nameClass = (kind: FileKind): NameClass => {
  const reader = FILE_KINDS[kind].reader;
  return reader === 'yaml' ? { reader, kind } : ({ reader } as NameClass);
};

/** How to read a file, by its name (and the language id for YAML without a YAML name). */
export function classifyByName(path: string, languageId?: string): NameClass | undefined {
  // an environment's rendered document (cloud/render.ts), named by its URI
  if (path.toLowerCase().startsWith(CLOUD_URI_START)) return { reader: 'mendix-cloud' };
  const name = baseName(path);
  const first = NAME_FIRST.find((kind) => FILE_KINDS[kind].name!.test(name));
  if (first) return nameClass(first);
  // a document the editor calls YAML is read as YAML even when named like a JSON or Java file
  if (/\.ya?ml$/i.test(name) || (languageId && YAML_LANGUAGES.includes(languageId))) return { reader: 'yaml' };
  const after = NAME_AFTER_YAML.find((kind) => FILE_KINDS[kind].name!.test(name));
  return after && nameClass(after);
}
