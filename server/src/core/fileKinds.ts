// Every kind of settings file once: how its name or text gives it away, which reader reads it,
// its comment syntax, the target it deploys to, where its secrets come from, what completion
// and the code actions must know about it, and what the editor sends and activates on. The
// server reads these facts from here (sources/detect.ts, settings/target.ts, the rules'
// helpers, features/); the client derives its document selector and name tests from them
// (through protocol/fileKinds.ts); package.json, which cannot import this, is checked against
// it by test/unit/core/fileKinds.test.ts. Plain data: the reader *code* stays in sources/
// (sources/index.ts binds each `reader` name to its function).
//
// Activation and files found only by their text (a MendixApp resource, a Kubernetes manifest
// with `MX_` variables, both in e.g. `app.yaml`): VS Code's activation events look at file
// names (`workspaceContains:` globs), language ids, views, commands and URI schemes, never at
// a file's text, and such a resource has no name of its own — it is `.yaml` with the language
// `yaml`, like a CI workflow or an OpenAPI file. The only events that would catch it are
// `onLanguage:yaml` or `workspaceContains:**/*.{yaml,yml}`, which start the extension (and its
// language server) in every workspace that holds or opens any YAML file; the package test
// forbids that. So such a file starts the extension only when its name holds "mendix" (the
// `activation` of the mendix-app row), or when anything else in the workspace (a settings file
// by name, a .env, the cloud view) has started it — from then on the client looks at the text
// of every YAML document it is shown and sends those that are Mendix files.
import type { FileKind, Target } from './types';

/** The reader a file goes to (sources/index.ts holds the code for each). */
export type ReaderName = 'yaml' | 'dotenv' | 'metadata-json' | 'config-json' | 'constants-java' | 'mendix-cloud';

export interface FileKindFacts {
  /** how a message names it: "file kind: compose file" */
  words: string;
  reader: ReaderName;
  /**
   * The file's base name that sends it to `reader` before its text is read (the server's and
   * the CLI's cheap test). For a YAML reader it also says the kind when the content does not.
   * None: found by its text (any YAML file is read and classified by content).
   */
  name?: RegExp;
  /** Paths the editor sends to the server (and starts the extension for) by name alone: the document selector and package.json's `workspaceContains` events. */
  editorGlobs: readonly string[];
  /** `editorGlobs` as a test on a path with `/` separators (the client's test without a glob engine; checked against the globs by the unit test). */
  editorPath?: RegExp;
  /** For YAML found by content: text only such a file holds (a regex source, multi-line); the client sends a YAML document whose text has it. */
  textMarker?: string;
  /** Activation events besides `workspaceContains:` of `editorGlobs` (package.json says the same; the unit test checks it). */
  activation: readonly string[];
  /** The TextMate scopes of the editor's grammar for it, into which our constant-name colours are injected (package.json `contributes.grammars`). */
  grammarScopes: readonly string[];
  /** Documents of this kind that are no files come with this URI scheme. */
  scheme?: string;
  /** The whole-line comment leader that suppression comments and the target directive are written with; undefined: the format has no comments. */
  comment: '#' | '//' | undefined;
  /** The target a file of this kind deploys to when no directive or project config says (settings/target.ts); none: the default setting decides. */
  defaultTarget?: Target;
  /** Secrets usually come from outside the file (`cf set-env`, the Private Cloud secret store, Kubernetes Secrets): a secret not written here is no evidence that it is missing. */
  secretsElsewhere: boolean;
  /** How the file refers to a variable set outside it, the form a password is replaced with (`${MX_…}`, `((mx_…))`). */
  secretReference?: { open: string; close: string; lowerCase: boolean };
  /** The file declares constants with their model defaults rather than setting them for an environment. */
  declaresDefaults: boolean;
  /** Kubernetes YAML: env lists of EnvVar maps (`- name: MX_…`), values that must be strings (completion). */
  kubernetesEnv: boolean;
  /** A value may hold constants as JSON (`CONSTANTS`, `customConfiguration`): completion looks inside it. */
  constantsJsonInValues: boolean;
  /** Flags are read as YAML 1.1 booleans when unquoted (`yes`, `on`): m2ee-tools reads its file with PyYAML. */
  yaml11Flags: boolean;
}

/** Environment variables in the text (`MX_Module_Constant`, `CONSTANTS`): an env-style Mendix file. */
const ENV_VARIABLES = String.raw`\bMX_[A-Za-z]|\bCONSTANTS\b`;

const PLAIN = { secretsElsewhere: false, declaresDefaults: false, kubernetesEnv: false, constantsJsonInValues: false, yaml11Flags: false } as const;

export const FILE_KINDS: Readonly<Record<FileKind, FileKindFacts>> = {
  m2ee: {
    ...PLAIN,
    words: 'm2ee.yaml',
    reader: 'yaml',
    name: /^m2ee[^/\\]*\.ya?ml$/i,
    editorGlobs: ['**/m2ee*.{yaml,yml}'],
    textMarker: String.raw`\bMicroflowConstants\b`,
    grammarScopes: ['source.yaml'],
    activation: [],
    comment: '#',
    defaultTarget: 'self-hosted',
    yaml11Flags: true,
  },
  'cf-manifest': {
    ...PLAIN,
    words: 'Cloud Foundry manifest',
    reader: 'yaml',
    // the server tells a manifest by its `applications:` list; the editor sends `manifest*.yml` unread
    editorGlobs: ['**/manifest*.{yaml,yml}'],
    editorPath: /(^|\/)manifest[^/]*\.ya?ml$/i,
    textMarker: ENV_VARIABLES,
    grammarScopes: ['source.yaml'],
    activation: [],
    comment: '#',
    defaultTarget: 'cloud-foundry',
    secretsElsewhere: true,
    secretReference: { open: '((', close: '))', lowerCase: true },
    constantsJsonInValues: true,
  },
  compose: {
    ...PLAIN,
    words: 'compose file',
    reader: 'yaml',
    name: /^(docker-)?compose([.-][^/\\]*)?\.ya?ml$/i,
    // exactly what `name` says: `composer.yml` is no compose file
    editorGlobs: ['**/{docker-compose,compose,docker-compose.*,docker-compose-*,compose.*,compose-*}.{yaml,yml}'],
    textMarker: ENV_VARIABLES,
    grammarScopes: ['source.yaml'],
    activation: [],
    comment: '#',
    defaultTarget: 'docker',
    secretReference: { open: '${', close: '}', lowerCase: false },
    constantsJsonInValues: true,
  },
  dotenv: {
    ...PLAIN,
    words: '.env file',
    reader: 'dotenv',
    // `.env`, `.env.production`, `mail.env`, whatever language the editor gives it
    name: /^\.env(\..*)?$|^.+\.env$/is,
    editorGlobs: ['**/{.env,*.env,.env.*}'],
    // VS Code's own dotenv grammar, or ours where the editor has none (client/src/dotenvHighlighting.ts)
    grammarScopes: ['source.dotenv', 'source.dotenv.mendix-email'],
    activation: ['onLanguage:dotenv'],
    comment: '#',
    defaultTarget: 'docker',
    constantsJsonInValues: true,
  },
  'mendix-app': {
    ...PLAIN,
    words: 'MendixApp resource',
    reader: 'yaml',
    editorGlobs: [],
    textMarker: String.raw`^\s*kind:\s*["']?MendixApp\b`,
    // no name of its own: see the comment at the top
    grammarScopes: ['source.yaml'],
    activation: ['workspaceContains:**/*[mM]endix*.{yaml,yml}'],
    comment: '#',
    defaultTarget: 'private-cloud',
    secretsElsewhere: true,
    kubernetesEnv: true,
    constantsJsonInValues: true,
  },
  kubernetes: {
    ...PLAIN,
    words: 'Kubernetes manifest',
    reader: 'yaml',
    editorGlobs: [],
    textMarker: ENV_VARIABLES,
    // no name of its own either (see the top): found once the extension runs
    grammarScopes: ['source.yaml'],
    activation: [],
    comment: '#',
    defaultTarget: 'docker',
    secretsElsewhere: true,
    kubernetesEnv: true,
    constantsJsonInValues: true,
  },
  'metadata-json': {
    ...PLAIN,
    words: 'model/metadata.json',
    reader: 'metadata-json',
    // by name anywhere, by shape outside `model/` (sources/modelJson.ts); the editor sends only `model/`'s
    name: /^metadata\.json$/,
    editorGlobs: ['**/model/metadata.json'],
    editorPath: /(^|\/)model\/metadata\.json$/,
    grammarScopes: ['source.json'],
    activation: [],
    comment: undefined,
    declaresDefaults: true,
  },
  'config-json': {
    ...PLAIN,
    words: 'model/config.json',
    reader: 'config-json',
    name: /^config\.json$/,
    editorGlobs: ['**/model/config.json'],
    editorPath: /(^|\/)model\/config\.json$/,
    grammarScopes: ['source.json'],
    activation: [],
    comment: undefined,
  },
  'constants-java': {
    ...PLAIN,
    words: 'Constants.java',
    reader: 'constants-java',
    name: /^Constants\.java$/,
    editorGlobs: ['**/javasource/*/proxies/constants/Constants.java'],
    editorPath: /(^|\/)javasource\/[^/]+\/proxies\/constants\/Constants\.java$/,
    grammarScopes: [],
    activation: [],
    comment: '//',
    declaresDefaults: true,
  },
  'mendix-cloud': {
    ...PLAIN,
    words: 'Mendix Cloud environment',
    reader: 'mendix-cloud',
    // an environment's rendered document (cloud/render.ts), `mendix-cloud://<AppId>/<Mode>`
    editorGlobs: [],
    // opened as YAML (client/src/cloud/index.ts)
    grammarScopes: ['source.yaml'],
    activation: ['onFileSystem:mendix-cloud'],
    scheme: 'mendix-cloud',
    comment: '#',
    defaultTarget: 'mendix-cloud',
    constantsJsonInValues: true,
  },
};

/** The project config: not a settings file, but the editor sends it (its problems, its rules) and it starts the extension. */
export const PROJECT_CONFIG = {
  name: '.mendix-email.json',
  glob: '**/.mendix-email.json',
  /** JSON with comments: the language package.json gives it */
  language: 'jsonc',
} as const;

/** YAML that no name claims is read when its text says so: these languages count as YAML (`yml`: an editor's id for it). */
export const YAML_LANGUAGES: readonly string[] = ['yaml', 'dockercompose', 'yml'];
/** The YAML languages and the glob of YAML files the editor looks into (VS Code knows no `yml` language). */
export const SNIFFED_YAML = { glob: '**/*.{yaml,yml}', languages: ['yaml', 'dockercompose'] } as const;

export function factsOf(kind: FileKind): FileKindFacts {
  return FILE_KINDS[kind];
}

/** The kinds in table order. */
export const FILE_KIND_NAMES = Object.keys(FILE_KINDS) as FileKind[];
