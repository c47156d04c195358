// Which documents can be Mendix settings files, decided on the client so the server is sent
// only those: by name, and for YAML without such a name by a cheap look at the text for what
// only a Mendix file holds (a MendixApp resource, MX_ variables, MicroflowConstants,
// CONSTANTS). Every name, glob and text marker comes from the file-kind table
// (server/src/core/fileKinds.ts, through protocol/fileKinds.ts); test/unit/core/fileKinds.test.ts
// checks the globs against the path tests and package.json against both.
// No `vscode` import: the unit tests run it under Node.
import { FILE_KINDS, PROJECT_CONFIG, SNIFFED_YAML, type FileKindFacts } from '../../protocol/fileKinds';

const KINDS: readonly FileKindFacts[] = Object.values(FILE_KINDS);

/** The name patterns of settings files and the project config: the document selector, and package.json's activation events say the same. */
export const SETTINGS_FILE_GLOBS: readonly string[] = [...KINDS.flatMap((k) => k.editorGlobs), PROJECT_CONFIG.glob];

/** Languages whose documents may be settings files found by content (a MendixApp resource named app.yaml.tmpl). */
export const SNIFFED_LANGUAGES: readonly string[] = SNIFFED_YAML.languages;

/** The URI schemes of settings documents that are no files (a Mendix Cloud environment's constants). */
export const SETTINGS_SCHEMES: readonly string[] = KINDS.flatMap((k) => (k.scheme ? [k.scheme] : []));

/** What only a Mendix YAML file holds: every YAML kind's text marker. */
const MENDIX_CONTENT = new RegExp([...new Set(KINDS.flatMap((k) => (k.textMarker ? [k.textMarker] : [])))].join('|'), 'm');

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? '';
}

/** The editor's test of a kind's `editorGlobs`: its path test, or else its name test (kinds sent by name only). */
const BY_PATH: readonly RegExp[] = KINDS.flatMap((k) => (k.editorPath ? [k.editorPath] : []));
const BY_NAME: readonly RegExp[] = KINDS.flatMap((k) => (!k.editorPath && k.editorGlobs.length && k.name ? [k.name] : []));

/** A settings file by its path alone. */
export function isSettingsFileName(path: string): boolean {
  const name = baseName(path);
  const unix = path.replace(/\\/g, '/');
  return name === PROJECT_CONFIG.name || BY_NAME.some((n) => n.test(name)) || BY_PATH.some((p) => p.test(unix));
}

/** A settings file by name, or YAML whose text looks like a Mendix file (the text is read only for YAML without a settings name). */
export function isSettingsDocument(path: string, languageId: string, text: () => string): boolean {
  if (isSettingsFileName(path)) return true;
  const yaml = SNIFFED_LANGUAGES.includes(languageId) || /\.ya?ml(\.[^./\\]+)?$/i.test(baseName(path));
  return yaml && MENDIX_CONTENT.test(text());
}

/** Whether a settings document holds mail settings one can send with (not the project config file). */
export function canSendFrom(path: string): boolean {
  return baseName(path) !== PROJECT_CONFIG.name;
}
