// The Mendix Email language server: `node dist/server.js --stdio` (any editor) or started by
// the VS Code client over IPC. The transport is chosen from the command line.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/startServer';

const connection = createConnection(ProposedFeatures.all);
startServer(connection);
connection.listen();
