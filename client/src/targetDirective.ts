// The inline target directive the target picker adds as a file's first line, in the comment
// syntax of the file's kind (the file-kind table): `# mendix-email: target=docker` in YAML and
// .env, `// …` in Java, none in JSON. No `vscode` import: the unit tests read it back with the
// server's reader (test/unit/core/fileKinds.test.ts).
import { FILE_KINDS, type FileKind } from '../../protocol/fileKinds';
import type { Target } from '../../protocol/targets';

/** The directive line (with its line break), or undefined when files of this kind hold no comments. */
export function targetDirectiveLine(kind: FileKind | undefined, target: Target): string | undefined {
  const leader = kind && FILE_KINDS[kind].comment;
  return leader ? `${leader} mendix-email: target=${target}\n` : undefined;
}
