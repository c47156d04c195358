// Which documents the client sends to the server, all from the file-kind table: settings files
// by name (settingsFiles.ts), the schemes of documents that are no files, and YAML documents,
// of which syncedDocuments.ts passes on only those whose text looks like a Mendix file. `.env`
// is matched by name whatever language the editor gave it (`dotenv`, `properties`,
// `plaintext`). Otherwise only `file:` documents: the project config search and `env_file`
// need a folder on disk.
import type { DocumentFilter } from 'vscode-languageclient/node';
import { PROJECT_CONFIG, SNIFFED_YAML } from '../../protocol/fileKinds';
import { SETTINGS_FILE_GLOBS, SETTINGS_SCHEMES, SNIFFED_LANGUAGES } from './settingsFiles';

/** Our own language for `.env` files where the editor has no grammar for them (dotenvHighlighting.ts). */
export const HIGHLIGHTED_DOTENV = 'mendix-email-dotenv';

export const documentSelector: DocumentFilter[] = [
  // a Mendix Cloud environment's constants (cloud/environments.ts), read-only
  ...SETTINGS_SCHEMES.map((scheme) => ({ scheme })),
  ...SETTINGS_FILE_GLOBS.map((pattern) => ({ scheme: 'file', pattern })),
  { scheme: 'file', pattern: SNIFFED_YAML.glob },
  ...SNIFFED_LANGUAGES.map((language) => ({ scheme: 'file', language })),
];

/** The files the language status item is shown for (the settings files themselves, not the project config). */
export const statusSelector: { scheme: string; pattern?: string; language?: string }[] = [
  ...SETTINGS_FILE_GLOBS.filter((p) => p !== PROJECT_CONFIG.glob).map((pattern) => ({ scheme: 'file', pattern })),
  { scheme: 'file', language: 'yaml' },
  { scheme: 'file', language: HIGHLIGHTED_DOTENV },
];
