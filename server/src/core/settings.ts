// Types for the mail settings of a scope, the project config file and the check API.
import type {
  Assignment,
  ConstantDeclaration,
  Finding,
  ReadResult,
  Scope,
  SeveritySetting,
  Target,
} from './types';
import type { ParseCache } from './parseCache';

export type Role = 'host' | 'port' | 'username' | 'password' | 'from' | 'ssl' | 'tls' | 'sending-enabled';

export const ROLES: readonly Role[] = ['host', 'port', 'username', 'password', 'from', 'ssl', 'tls', 'sending-enabled'];

export type TargetSource = 'directive' | 'config' | 'file-kind' | 'default';

export interface ResolvedTarget {
  target: Target;
  source: TargetSource;
  /** In the user's words: "inline directive on line 3", ".mendix-email.json (overrides: deploy/**)", "file kind: m2ee.yaml", "setting mendixEmail.defaultTarget". */
  detail: string;
}

export interface MailSettings {
  scope: Scope;
  target: ResolvedTarget;
  /** The winning assignment for each role the scope sets. */
  roles: Partial<Record<Role, Assignment>>;
  /** Other constants that hold (or by name should hold) email addresses; checked as recipients. */
  addresses: Assignment[];
  /**
   * Constants that play a role another constant of the scope already plays: a second password
   * (`Mail.SMTPPassword` and `Mail.ApiKey`), a second sender. The settings use the first; the
   * rules that judge every such value (plain-text passwords, sender addresses) see these too.
   */
  alsoInRole: Partial<Record<Role, Assignment[]>>;
  /** One winning assignment per constant name, after precedence. */
  effective: Assignment[];
  /** Each assignment that lost to another one for the same constant. */
  overridden: { loser: Assignment; winner: Assignment }[];
}

/** `.mendix-email.json`, after parsing and validation. */
export interface ProjectConfig {
  target?: Target;
  /** glob (relative to the config file's folder) → target */
  overrides?: Record<string, Target>;
  /** constant name `Module.Constant` → role */
  roles?: Record<string, Role>;
  /** rule id → severity or 'off' */
  rules?: Record<string, SeveritySetting>;
  /** glob (relative to the config file's folder) → settings for the files it matches; win over `rules` */
  files?: Record<string, FileSettings>;
  /** network (DNS) checks; default true */
  online?: boolean;
  dns?: { servers?: string[] };
}

/** What a `files` entry of `.mendix-email.json` sets for the files its glob matches. */
export interface FileSettings {
  /** rule id → severity or 'off', for these files only */
  rules?: Record<string, SeveritySetting>;
}

export interface LoadedProjectConfig {
  config: ProjectConfig;
  /** absolute path of the `.mendix-email.json` that was used */
  file: string;
  /** problems in the config file itself (shown on that file) */
  problems: { message: string; range?: import('./types').Range }[];
}

export interface CheckInput {
  /** absolute file system path (the name decides the reader, with the content) */
  path: string;
  text: string;
  /** the editor's language id, a hint only */
  languageId?: string;
}

export interface CheckOptions {
  projectConfig?: LoadedProjectConfig;
  /**
   * where the readers keep the parse of the file for its next read (a one-line edit then parses
   * one line): the caller's, one per language-server session or CLI run; none: nothing is kept
   */
  parses?: ParseCache;
  /** the editor's / CLI's default target (setting mendixEmail.defaultTarget); default 'mendix-cloud' */
  defaultTarget?: Target;
  /** editor settings `mendixEmail.rules`: the lowest severity layer (engine/policy.ts) */
  ruleSeverities?: Record<string, SeveritySetting>;
  /** the CLI's `--rule id=severity`: the highest severity layer, over the project config file */
  commandLineRules?: Record<string, SeveritySetting>;
  /** declarations found elsewhere in the workspace (metadata.json, Constants.java) */
  declarations?: ConstantDeclaration[];
  /**
   * reads a file another file refers to (compose env_file) through the one safe reader
   * (services/readFile.ts); undefined: it does not exist; `notRead`: refused, and why (a device,
   * a FIFO, over the size cap, outside the workspace in Restricted Mode)
   */
  readReferencedFile?: (absolutePath: string) => string | { notRead: string } | undefined;
  /**
   * whether git tracks (or would track) the file; undefined = not in a git repository; 'unknown' =
   * .gitignore excludes it but whether git already tracks it could not be asked (Restricted Mode,
   * or git failed)
   */
  isTrackedByGit?: (absolutePath: string) => boolean | 'unknown' | undefined;
}

export interface CheckResult {
  /** the checked file (what prepare() was given): the DNS checks take the result as it is */
  path: string;
  read: ReadResult;
  settings: MailSettings[];
  /** the target of the file as a whole (each scope's settings carry it too) */
  target: ResolvedTarget;
  findings: Finding[];
}
