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
/** Kinds a name tells, in table order. */
const NAMED_KINDS = FILE_KIND_NAMES.filter((kind) => FILE_KINDS[kind].name !== undefined);

/** How to read a file, by its name (and the language id for YAML without a YAML name). */
export function classifyByName(path: string, languageId?: string): NameClass | undefined {
  // an environment's rendered document (cloud/render.ts), named by its URI
  if (path.toLowerCase().startsWith(CLOUD_URI_START)) return { reader: 'mendix-cloud' };
  const name = baseName(path);
  const named = NAMED_KINDS.find((kind) => FILE_KINDS[kind].name!.test(name));
  const namedReader = named && FILE_KINDS[named].reader;
  if (namedReader === 'yaml') return { reader: 'yaml', kind: named };
  if (namedReader === 'dotenv') return { reader: 'dotenv' };
  // a document the editor calls YAML is read as YAML even when named like a JSON or Java file
  if (/\.ya?ml$/i.test(name) || (languageId && YAML_LANGUAGES.includes(languageId))) return { reader: 'yaml' };
  if (namedReader) return { reader: namedReader } as NameClass;
  return undefined;
}
