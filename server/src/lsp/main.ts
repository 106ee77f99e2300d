import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './server';

// The transport (--stdio, --node-ipc or --socket=N) comes from the command line.
const connection = createConnection(ProposedFeatures.all);
// Whatever escapes a handler is logged: the server keeps answering.
process.on('unhandledRejection', (reason) => connection.console.error(`mirrorlint: unhandled rejection: ${(reason as Error)?.stack ?? String(reason)}`));
process.on('uncaughtException', (error) => connection.console.error(`mirrorlint: uncaught exception: ${error.stack ?? String(error)}`));
startServer(connection);
