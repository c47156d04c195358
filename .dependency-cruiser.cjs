// The layers of the house, checked on every test run (test/unit/layers.test.ts) instead of
// hoped for in review. The core (everything in server/src but the glue) knows no protocol and
// no front end; the glue (server/src/lsp, server/src/cli, server/src/boot, server/src/server.ts)
// translates; the client talks to the server only through protocol/.
// Paths are relative to the folder depcruise runs in (the repository root).
const GLUE = '^server/src/(lsp|cli|boot)/|^server/src/server\\.ts$';
const CORE = '^server/src/';
/** The Deploy API client (HTTP, answers, errors, document names): pure, and the one part of the core the client runs itself. */
const DEPLOY_API_CLIENT = '^server/src/cloud/(api|client|errors|http|pool|uri)\\.ts$';
/** The one file reader (regular files under a cap, decoded by their byte order mark) and its decoder/encoder: the client reads and writes workspace files through them too. */
const SHARED_FILE_TEXT = '^server/src/(services/readFile|core/decodeText)\\.ts$';
/** Each bundle's table of modules loaded on first use (test/unit/lazyLoading.test.ts keeps require() there). */
const LAZY_TABLES = '^server/src/(lsp|cli|smtp)/lazy\\.ts$';
const LSP_LIBRARIES = '(^|/)node_modules/vscode-languageserver|^vscode-languageserver|(^|/)node_modules/vscode-languageclient|^vscode-languageclient|^vscode$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-no-glue',
      comment: 'The core serves the editor and the CLI alike: it never imports lsp/, cli/, boot/ or server.ts.',
      severity: 'error',
      from: { path: CORE, pathNot: GLUE },
      to: { path: GLUE },
    },
    {
      name: 'core-knows-no-protocol',
      comment: 'The core speaks in core/types (LSP units, no LSP types): no vscode-languageserver*, vscode-languageclient or vscode.',
      severity: 'error',
      from: { path: CORE, pathNot: GLUE },
      to: { path: LSP_LIBRARIES },
    },
    {
      name: 'server-imports-no-client',
      comment: 'Nothing in the server (core or glue) imports the VS Code client.',
      severity: 'error',
      from: { path: '^(server|protocol)/' },
      to: { path: '^client/' },
    },
    {
      name: 'client-imports-only-protocol',
      comment: 'The client reaches the server only through protocol/ (messages and the test-send module type), never server/src (but the Deploy API client and the file reader it runs itself).',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^(server|test|bench|scripts)/', pathNot: `${DEPLOY_API_CLIENT}|${SHARED_FILE_TEXT}` },
    },
    {
      name: 'shared-file-reader-stands-alone',
      comment: 'The file reader runs in the client too: it imports nothing of the server but the core vocabulary (its decoder).',
      severity: 'error',
      from: { path: SHARED_FILE_TEXT },
      to: { path: '^server/src/', pathNot: '^server/src/core/' },
    },
    {
      name: 'deploy-api-client-stands-alone',
      comment: 'The Mendix Cloud Deploy API client runs in both front ends (the extension host fetches through VS Code\'s proxy): it imports nothing else of the server.',
      severity: 'error',
      from: { path: DEPLOY_API_CLIENT },
      to: { path: '^server/src/', pathNot: DEPLOY_API_CLIENT },
    },
    {
      name: 'protocol-holds-no-server-code',
      comment: 'protocol/ is bundled into the client: from the server it takes the core vocabulary (server/src/core/, plain data) and otherwise types only (erased), never code.',
      severity: 'error',
      from: { path: '^protocol/' },
      to: { path: '^server/', pathNot: '^server/src/core/', dependencyTypesNot: ['type-only', 'type-import'] },
    },
    {
      name: 'core-vocabulary-stands-alone',
      comment: 'server/src/core/ is the vocabulary everything else speaks (and the client sees through protocol/): it imports nothing else of the server.',
      severity: 'error',
      from: { path: '^server/src/core/' },
      to: { path: '^server/src/', pathNot: '^server/src/core/' },
    },
    {
      name: 'protocol-knows-no-vscode',
      comment: 'protocol/ is shared by the client and the server: no vscode, no language-client/server library.',
      severity: 'error',
      from: { path: '^protocol/' },
      to: { path: LSP_LIBRARIES },
    },
    {
      name: 'rules-kit-below-rules',
      comment: 'ruleKit/ is what rules are built with; it never reaches up into a rule file or the registry.',
      severity: 'error',
      from: { path: '^server/src/ruleKit/' },
      to: { path: '^server/src/(rules|registry)/' },
    },
    {
      name: 'only-the-engine-and-front-ends-use-rule-helpers',
      comment: 'Editor features and services do not borrow the rules\' helpers: shared facts live in settings/, core/ or sources/.',
      severity: 'error',
      from: { path: '^server/src/(features|services|settings|sources|config|dns|smtp|core)/' },
      to: { path: '^server/src/(rules|ruleKit)/' },
    },
    {
      name: 'no-circular',
      comment:
        'An import cycle makes load order matter and layers meaningless. A cycle through a lazy-loading table is not one: ' +
        'its require() runs when a getter is first called, after every module it could meet has loaded.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { pathNot: LAZY_TABLES } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|test/fixtures)/' },
    // type-only imports count: protocol-holds-no-server-code needs to tell them apart
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
