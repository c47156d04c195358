// jsonc-parser's "main" entry is a UMD build whose inner require() calls esbuild cannot
// follow (the bundle then fails at start-up with "Cannot find module './impl/format'");
// its ESM build bundles cleanly, so the readers import that one.
export { parseTree, printParseErrorCode } from 'jsonc-parser/lib/esm/main.js';
export type { Node, ParseError } from 'jsonc-parser/lib/esm/main.js';
