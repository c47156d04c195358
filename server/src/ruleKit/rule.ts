// The shape of a rule (markdownlint's: metadata plus one function). A rule never decides its
// final severity nor whether it is suppressed: the engine applies configuration afterwards.
import type { Fix, Range, ReadResult, Severity } from '../core/types';
import type { CheckOptions, MailSettings } from '../core/settings';

/** What a rule reports; the engine adds the rule id and the configured severity. */
export interface Report {
  range: Range;
  /** one sentence: what is wrong and what to do */
  message: string;
  /**
   * A severity for this finding when it differs from the rule's default (reserved-domain:
   * error for the sender, warning for other addresses). A severity the user configured for
   * the rule replaces it.
   */
  severity?: Severity;
  fixes?: Fix[];
}

/** Given to a rule once per scope. */
export interface RuleContext {
  /** the mail settings of this scope (roles, addresses, effective assignments, target) */
  settings: MailSettings;
  read: ReadResult;
  /** absolute path of the file being checked */
  path: string;
  /**
   * The checked text, for fixes that must see the syntax around an entry (the commas of a
   * flow map, the `value:` key of a Kubernetes env item). Rules offer no such fix without it.
   */
  text?: string;
  options: CheckOptions;
  report(report: Report): void;
}

/** Given to a rule once per file (rules about the file itself, such as reader problems). */
export interface FileRuleContext {
  read: ReadResult;
  /** one per scope, in file order */
  settings: MailSettings[];
  path: string;
  /** the checked text (see RuleContext.text) */
  text?: string;
  options: CheckOptions;
  report(report: Report): void;
}

/** What a rule file declares about itself (markdownlint's header); the registry adds the docs link. */
export interface RuleHeader {
  /** stable id: diagnostic code, severity settings, suppression comments */
  id: string;
  defaultSeverity: Severity;
  /** one line, for the README table */
  description: string;
  needsNetwork: boolean;
}

/** A registered rule as the README table, the docs test, the CLI and the LSP see it. */
export interface RuleMeta extends RuleHeader {
  /** repository-relative documentation page, `docs/rules/<id>.md`: derived from the id by the registry */
  docs: string;
}

/** An offline rule. Implement `check` (per scope), `checkFile` (per file), or both. */
export interface Rule extends RuleHeader {
  needsNetwork: false;
  check?(context: RuleContext): void;
  checkFile?(context: FileRuleContext): void;
}
