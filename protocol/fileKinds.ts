// The file-kind table as the client sees it (its document selector, its name and text tests, the
// comment the target picker writes): the same table the server reads, a plain data module with
// no reader code behind it.
export { FILE_KINDS, PROJECT_CONFIG, SNIFFED_YAML, type FileKindFacts } from '../server/src/core/fileKinds';
export type { FileKind } from '../server/src/core/types';
