// The messages between the Mendix Email client and server beyond standard LSP. Types only
// plus method names, so the client can import this file without pulling in server code.
import type { FileKind, Range, Target } from '../server/src/core/types';
import type { Role, TargetSource } from '../server/src/core/settings';

/** `initializationOptions` the client sends; every field optional so any editor can start the server bare. */
export interface InitializationOptions {
  /** Whether the workspace is trusted. Default true for editors that know no trust (stdio). Network checks only when trusted. */
  trusted?: boolean;
  /** Base of the rule documentation links (`<base><rule-id>.md`); default: the rule pages on the web (core/links.ts). */
  ruleDocsBase?: string;
  /** Settings for editors that do not answer `workspace/configuration` (same shape as the `mendixEmail` section). */
  settings?: Partial<MendixEmailSettings>;
}

/** The `mendixEmail` settings section, as the server reads it (per resource). */
export interface MendixEmailSettings {
  /** the target the user set; absent when unset (the client sends only what the user set), then the built-in default applies */
  defaultTarget?: Target;
  /** rule id → severity or 'off' */
  rules: Record<string, 'error' | 'warning' | 'info' | 'hint' | 'off'>;
  online: boolean;
  dns: { servers: string[] };
}

/** Notification client → server when the workspace's trust changes (VS Code only grants trust while running). */
export const DidChangeTrustNotification = 'mendixEmail/didChangeTrust';
export interface DidChangeTrustParams {
  trusted: boolean;
}

/** Request client → server: what the server knows about one document (for the language status item). */
export const FileInfoRequest = 'mendixEmail/fileInfo';
export interface FileInfoParams {
  uri: string;
}

/** One mail setting of a scope, safe to show: a password's value is never sent, only whether it is set. */
export interface RoleSummary {
  role: Role;
  /** the constant or variable as written: `Mail.SMTPHost`, `MX_Mail_SMTPHost` */
  key: string;
  /** the value as written; for `password` one of '(set)', '(empty)', '(reference)', '(secret reference)' */
  value: string;
  range: Range;
}

export interface ScopeInfo {
  name: string;
  range: Range;
  target: Target;
  targetSource: TargetSource;
  targetDetail: string;
  roles: RoleSummary[];
}

export interface FileInfo {
  uri: string;
  /** false: not a settings file the server understands (or not open); the other fields are then absent */
  supported: boolean;
  kind?: FileKind;
  /** the target of the file's first scope (all scopes of a file share the directive/config/kind rules) */
  target?: Target;
  targetSource?: TargetSource;
  /** in the user's words: "inline directive on line 3", ".mendix-email.json (overrides: deploy/**)", … */
  targetDetail?: string;
  /** absolute path of the `.mendix-email.json` that applies, if any */
  configFile?: string;
  /**
   * Where "Set the target of this file" writes: the config that applies (or the one to create
   * at the workspace folder's root) and the `overrides` glob that matches this file only
   * (`./m2ee.yaml`, not `m2ee.yaml`, which matches every m2ee.yaml below). The server's
   * config/configGlobs.ts globForFile is the one writer of such globs.
   */
  override?: { configFile: string; glob: string };
  /** number of problems in that config file */
  configProblems?: number;
  /** the range of the target in an inline `# mendix-email: target=…` directive, if the file has one */
  directiveRange?: Range;
  scopes: ScopeInfo[];
  findings: number;
  /** whether the DNS checks run for this file: 'untrusted' (workspace not trusted) and 'off' (setting or config file) say why not */
  online?: 'on' | 'off' | 'untrusted';
  /** DNS look-ups of the last check that timed out or failed ("could not check", never a finding) */
  couldNotCheck?: { name: string; type: string; reason: string }[];
}

/**
 * Request client → server: render a Mendix Cloud environment's settings (fetched by the client,
 * through VS Code's proxy) as its `mendix-cloud://<AppId>/<Mode>` document and check it; the
 * answer gives the text the client shows and the problem counts its view lists.
 */
export const CloudEnvironmentRequest = 'mendixEmail/cloudEnvironment';
export interface CloudEnvironmentParams {
  appId: string;
  mode: string;
  production: boolean;
  /** the Deploy API's answer to GET …/settings, as it came */
  settings: unknown;
}
export interface CloudEnvironmentResult {
  uri: string;
  text: string;
  counts: { error: number; warning: number; info: number; hint: number };
  /** the password constants (by the server's definition of the password role), each with its module's SMTP host, for the test send */
  passwordConstants: { name: string; host?: string }[];
}

/**
 * Request client → server: the constants a fix changes in an environment's document, so the
 * client can post exactly those (after the user confirms). `refused` names changes that cannot
 * be written back (a masked secret, a removed or added constant).
 */
export const CloudChangesRequest = 'mendixEmail/cloudChanges';
export interface CloudChangesParams {
  uri: string;
  /** the document's text before the fix */
  before: string;
  /** the text the fix's edits give */
  after: string;
}
export interface CloudChangesResult {
  changes: { name: string; from: string; to: string }[];
  refused: string[];
}
