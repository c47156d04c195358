// What completion hands to the LSP layer, and what the place finders say belongs at the cursor.
import type { Role } from '../core/settings';
import type { Range } from '../core/types';

export type CompletionKind = 'constant' | 'variable' | 'value';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  /** replaces `range` */
  insertText: string;
  range: Range;
  sortText?: string;
}

/**
 * How a value is written where it goes:
 * - 'plain': as it reads (m2ee, compose, Cloud Foundry, .env), or inside quotes the user opened
 * - 'yaml-string': Kubernetes EnvVar / ConfigMap values must be strings, so `"587"`, `"true"`
 * - 'json': numbers and booleans bare, hosts quoted; `quote` is how a JSON `"` is written in
 *   the file there (`\"` inside a double-quoted YAML or .env string)
 */
export type ValueStyle = { form: 'plain' } | { form: 'yaml-string' } | { form: 'json'; quote: string };

export type Place =
  | { what: 'constant-key'; style: 'yaml-key' }
  /** `quote` set: no quote typed yet, so the name is written quoted, with its colon */
  | { what: 'json-key'; quote?: string }
  | { what: 'env-key'; style: 'dotenv' | 'yaml-key' | 'yaml-list' | 'k8s-name' | 'k8s-list' }
  | { what: 'value'; role: Role | undefined; style: ValueStyle };

export interface PlaceAt {
  place: Place;
  /** what the chosen entry replaces */
  range: Range;
}
