// Which documents the client sends to the server. Files are recognised by name first
// (whatever language the editor gave them: a `.env` may be `dotenv`, `properties` or
// `plaintext`), and YAML/JSON/.env-ish languages are sent too so the server can recognise
// a settings file by its content (a MendixApp resource named app.yaml.tmpl). The server
// decides; a file it does not understand simply gets no diagnostics.
// Only `file:` documents: the project config search and `env_file` need a folder on disk.
import type { DocumentFilter } from 'vscode-languageclient/node';

/** Our own language for `.env` files where the editor has no grammar for them (dotenvHighlighting.ts). */
export const HIGHLIGHTED_DOTENV = 'mendix-email-dotenv';

export const SETTINGS_FILE_PATTERNS = [
  '**/*.{yaml,yml}',
  '**/{.env,*.env,.env.*}',
  '**/model/{metadata,config}.json',
  '**/{metadata,config}.json',
  '**/Constants.java',
  '**/.mendix-email.json',
];

// `java` is left out on purpose: Constants.java is matched by name, and sending every Java
// file of a Studio Pro project to the server would only cost memory.
export const SETTINGS_FILE_LANGUAGES = ['yaml', 'json', 'jsonc', 'dotenv', HIGHLIGHTED_DOTENV, 'properties', 'plaintext'];

export const documentSelector: DocumentFilter[] = [
  ...SETTINGS_FILE_PATTERNS.map((pattern) => ({ scheme: 'file', pattern })),
  ...SETTINGS_FILE_LANGUAGES.map((language) => ({ scheme: 'file', language })),
];

/** The files the language status item is shown for (the settings files themselves, not every JSON file). */
export const statusSelector: { scheme: string; pattern?: string; language?: string }[] = [
  ...SETTINGS_FILE_PATTERNS.filter((p) => !p.includes('.mendix-email')).map((pattern) => ({ scheme: 'file', pattern })),
  { scheme: 'file', language: 'yaml' },
  { scheme: 'file', language: 'dotenv' },
  { scheme: 'file', language: HIGHLIGHTED_DOTENV },
];
