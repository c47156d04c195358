// The data that flows through the core: file text → reader → scopes of assignments →
// mail settings → rules → findings. Nothing here knows about LSP or VS Code; positions
// are 0-based line/character (UTF-16 code units) like LSP, so the LSP layer only copies.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

/** The kinds of settings file the readers understand. */
export type FileKind =
  | 'm2ee' // m2ee.yaml (self-hosted, m2ee-tools)
  | 'cf-manifest' // Cloud Foundry manifest.yml
  | 'compose' // docker-compose.yml / compose.yaml
  | 'dotenv' // .env files
  | 'mendix-app' // Private Cloud MendixApp custom resource
  | 'kubernetes' // other Kubernetes manifests with container env lists
  | 'metadata-json' // deployment package model/metadata.json (declarations + defaults)
  | 'config-json' // deployment package model/config.json
  | 'constants-java' // Studio Pro generated Constants.java (declarations only)
  | 'mendix-cloud'; // a Mendix Cloud environment's constants, rendered from the Deploy API (cloud/render.ts)

export type Target =
  | 'mendix-cloud'
  | 'mendix-cloud-v3'
  | 'free-app'
  | 'private-cloud'
  | 'cloud-foundry'
  | 'docker'
  | 'self-hosted';

export const TARGETS: readonly Target[] = [
  'mendix-cloud',
  'mendix-cloud-v3',
  'free-app',
  'private-cloud',
  'cloud-foundry',
  'docker',
  'self-hosted',
];

/**
 * How an assignment was written. Precedence inside one scope (buildpack semantics):
 * an `MX_` variable beats the same constant in `CONSTANTS` JSON, which beats a model default.
 */
export type AssignmentChannel =
  | 'constant-key' // `Module.Constant: value` in a map (m2ee MicroflowConstants, MendixApp microflowConstants, config.json)
  | 'mx-env' // an `MX_Module_Constant` environment variable
  | 'constants-json' // a key inside a `CONSTANTS` JSON string
  | 'custom-configuration' // MendixApp customConfiguration → MicroflowConstants
  | 'model-default'; // metadata.json DefaultValue

/**
 * What the value is, as far as a reader can tell without running anything.
 * - 'literal': written in the file (string, number or boolean scalar)
 * - 'reference': a placeholder filled in elsewhere: `${VAR}`, `$VAR`, `((var))`
 * - 'secret-ref': Kubernetes `valueFrom` (secretKeyRef / configMapKeyRef)
 * - 'empty': the key is there with no value (null, '', `KEY=`)
 */
export type ValueKind = 'literal' | 'reference' | 'secret-ref' | 'empty';

export interface Assignment {
  /** Constant name `Module.Constant`; for an `MX_` variable the mapped name (first `_` → `.`). */
  name: string;
  /** The value as text (numbers and booleans as they are written); '' when empty or not a scalar. */
  value: string;
  valueKind: ValueKind;
  /** true when the value was written as a quoted string (matters for booleans: "true" vs true in JSON). */
  quoted: boolean;
  /** JSON/YAML scalar type when known: 'string' | 'number' | 'boolean' | 'null'. */
  scalarType?: 'string' | 'number' | 'boolean' | 'null';
  channel: AssignmentChannel;
  /** The key as written (`MX_Mail_SMTPHost`, `Mail.SMTPHost`). */
  key: string;
  keyRange: Range;
  /** Range of the value's text (inside quotes when quoted); an empty range at the key's end when there is no value. */
  valueRange: Range;
  /** Range of the whole entry (key through value), for edits that remove it. */
  entryRange: Range;
  /** Where a value comes from another file (`env_file`), its path as written. */
  fromFile?: string;
  /** With `fromFile`: the 0-based line of the key in that file (the ranges above sit on the `env_file` entry). */
  fromLine?: number;
  /**
   * For a key of a `CONSTANTS` JSON: the 0-based line of that `CONSTANTS` variable in the file it
   * was written in (with `fromFile`, that file). CONSTANTS is one variable: a later one replaces
   * an earlier one whole, so precedence tells the values apart by file and line. Unset: the
   * reader did not say, and all CONSTANTS keys of that file count as one value.
   */
  constantsLine?: number;
  /**
   * Mendix Cloud environments only: the value the running app uses when it differs from
   * `value` (which takes effect at the next restart); null when the running app has none.
   * Unset when the two are the same or the file kind has no such thing.
   */
  deployedValue?: string | null;
}

/** A declaration from metadata.json or Constants.java. */
export interface ConstantDeclaration {
  name: string;
  type?: string;
  defaultValue?: string;
  file: string;
  range: Range;
}

/** Something a reader found malformed, reported by the rule whose id it carries. */
export interface ReaderProblem {
  ruleId: 'syntax-error' | 'invalid-constants-json' | 'invalid-env-name' | 'env-file-not-read';
  range: Range;
  message: string;
}

export interface Scope {
  /** What a user would call it: `mxruntime`, `application my-app`, `service mendix`, `MendixApp my-app`, `.env`. */
  name: string;
  kind: FileKind;
  /** The whole scope's range; code lenses sit on its first line. */
  range: Range;
  assignments: Assignment[];
  /** DTAP mode where the file says it (m2ee `DTAPMode`, MendixApp `dtapMode`, env `DTAP_MODE`). */
  dtapMode?: { value: string; range: Range };
  /** compose `env_file` entries, as written, resolved against the file's folder by the caller. */
  envFiles?: { path: string; range: Range }[];
  /**
   * The `CONSTANTS` variable the app gets: the last one written (0-based line; with `fromFile`,
   * in that env_file). Also one whose keys cannot be read (`${VAR}`, invalid JSON): it still
   * replaces every earlier CONSTANTS whole.
   */
  constantsVariable?: { line: number; fromFile?: string };
  /** The range to anchor "missing X" findings on (the map key that holds the constants, or the scope header). */
  anchorRange: Range;
}

export interface SuppressionComment {
  /** 0-based line that the comment suppresses: the line after it, and each further line of an entry whose value starts there and runs over several lines (sources/comments.ts). */
  line: number;
  ruleIds: string[];
}

export interface ReadResult {
  kind: FileKind;
  scopes: Scope[];
  declarations: ConstantDeclaration[];
  problems: ReaderProblem[];
  /** `# mendix-email: target=…` when present. */
  targetDirective?: { target: string; range: Range };
  suppressions: SuppressionComment[];
}

/** A text edit carried by a finding's quick fix. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/**
 * Edits to a file other than the one checked (the `.gitignore` beside a `.env`). The LSP turns
 * them into a WorkspaceEdit's documentChanges: a CreateFile (ignoreIfExists) when
 * `createIfMissing`, then a TextDocumentEdit of the file.
 */
export interface OtherFileEdit {
  /** absolute file system path */
  path: string;
  /** the file may not exist: create it empty first (the edits are written for an empty or existing file alike) */
  createIfMissing?: boolean;
  /** the edits were made on the text the editor has open, of this version (the editor refuses them once it changed) */
  version?: number;
  edits: TextEdit[];
}

export interface Fix {
  title: string;
  /** edits to the checked file (may be empty when the fix only edits other files) */
  edits: TextEdit[];
  /** Safe fixes are applied by "fix all"; unsafe ones only on request. */
  safe?: boolean;
  /** edits to other files, applied together with `edits`; a fix that has them is never safe */
  otherFiles?: OtherFileEdit[];
  /**
   * What the edit promises to change (assignments by their identity key, see
   * ruleKit/editCheck.ts): the fixed text is read again and must show exactly that before the
   * fix is offered. Checked when the fix is about to be offered (engine/offeredFixes.ts), not
   * during every check.
   */
  verify?: FixPromise;
}

/** The assignments an edit removes and adds (identity keys from ruleKit/editCheck.ts assignmentKey). */
export interface FixPromise {
  removed: string[];
  added: string[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  range: Range;
  message: string;
  fixes?: Fix[];
}
