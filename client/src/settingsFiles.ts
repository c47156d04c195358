// Which documents can be Mendix settings files, decided on the client so the server is sent
// only those: by name, and for YAML without such a name by a cheap look at the text for what
// only a Mendix file holds (a MendixApp resource, MX_ variables, MicroflowConstants,
// CONSTANTS). The client imports no server code, so the name tests are written here;
// test/unit/client/settingsFiles.test.ts checks them against the server's (sources/detect.ts).
// No `vscode` import: the unit tests run it under Node.

/** The name patterns of settings files: the document selector, and package.json's activation events say the same. */
export const SETTINGS_FILE_GLOBS = [
  '**/m2ee*.{yaml,yml}',
  '**/manifest*.{yaml,yml}',
  '**/{docker-compose,compose}*.{yaml,yml}',
  '**/{.env,*.env,.env.*}',
  '**/model/{metadata,config}.json',
  '**/javasource/*/proxies/constants/Constants.java',
  '**/.mendix-email.json',
];

/** Languages whose documents may be settings files found by content (a MendixApp resource named app.yaml.tmpl). */
export const SNIFFED_LANGUAGES = ['yaml', 'dockercompose'];

const MENDIX_CONTENT = /^\s*kind:\s*["']?MendixApp\b|\bMX_[A-Za-z]|\bMicroflowConstants\b|\bCONSTANTS\b/m;

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? '';
}

const NAMES = [
  /^m2ee[^/\\]*\.ya?ml$/i, // m2ee-tools
  /^manifest[^/\\]*\.ya?ml$/i, // Cloud Foundry
  /^(docker-)?compose([.-][^/\\]*)?\.ya?ml$/i, // Docker Compose
  /^\.env(\..*)?$|^.+\.env$/i, // .env, .env.production, mail.env
  /^\.mendix-email\.json$/, // the project config
];

/** A settings file by its path alone. */
export function isSettingsFileName(path: string): boolean {
  const name = baseName(path);
  const unix = path.replace(/\\/g, '/');
  return (
    NAMES.some((n) => n.test(name)) ||
    /(^|\/)model\/(metadata|config)\.json$/.test(unix) ||
    /(^|\/)javasource\/[^/]+\/proxies\/constants\/Constants\.java$/.test(unix)
  );
}

/** A settings file by name, or YAML whose text looks like a Mendix file (the text is read only for YAML without a settings name). */
export function isSettingsDocument(path: string, languageId: string, text: () => string): boolean {
  if (isSettingsFileName(path)) return true;
  const yaml = SNIFFED_LANGUAGES.includes(languageId) || /\.ya?ml(\.[^./\\]+)?$/i.test(baseName(path));
  return yaml && MENDIX_CONTENT.test(text());
}

/** Whether a settings document holds mail settings one can send with (not the project config file). */
export function canSendFrom(path: string): boolean {
  return baseName(path) !== '.mendix-email.json';
}
