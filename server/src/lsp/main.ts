import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './server';

// The transport (--stdio, --node-ipc or --socket=N) comes from the command line.
startServer(createConnection(ProposedFeatures.all));
