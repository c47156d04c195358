// The `mendixEmail/mailSettings` request: the client asks which scopes of a document have
// mail settings and gets them ready for a test send. Types and the method name only, so the
// client imports this file without pulling in server code. A literal password's value is
// never sent over LSP (a verbose LSP trace would log it): only where it is written, and the
// client reads it from the document itself.
import type { Position, Range } from '../server/src/core/types';
import type { SmtpSettings } from '../server/src/smtp/settings';

export const MailSettingsRequest = 'mendixEmail/mailSettings';

export interface MailSettingsParams {
  uri: string;
  /** the cursor: the scope that contains it is marked */
  position?: Position;
}

/** Where a literal password is written: the client reads it from there. */
export interface PasswordLocation {
  kind: 'literal';
  /** the document's URI, or the env_file's path as written (relative to the document's folder) */
  uri?: string;
  fromFile?: string;
  range: Range;
  /** the quote around the value, when it is quoted (for unescaping) */
  quote?: '"' | "'";
}

export type WirePassword = PasswordLocation | { kind: 'reference' | 'secret-ref' | 'empty' | 'missing'; written: string };

export interface MailScope {
  name: string;
  range: Range;
  /** the cursor is inside this scope */
  atCursor: boolean;
  settings: Omit<SmtpSettings, 'password'> & { password: WirePassword };
}

export interface MailSettingsResult {
  /** false: not a settings file the server understands */
  supported: boolean;
  scopes: MailScope[];
}
