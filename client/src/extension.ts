import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

const LANGUAGE_ID = 'mm2-properties';
const CLUSTERS_LINE = /^[ \t\f]*clusters[ \t\f]*[=:\s]/m;
/** Languages that other extensions give `.properties` files; MirrorLint takes over those that declare `clusters`. */
const PROPERTIES_LANGUAGES = new Set(['properties', 'java-properties', 'ini', 'plaintext']);

let client: LanguageClient | undefined;

/** Switches a `.properties` document to MM2 when its content declares `clusters` (opt out: mirrorlint.detectByContent). */
async function detectByContent(document: vscode.TextDocument): Promise<void> {
  if (document.languageId === LANGUAGE_ID || !PROPERTIES_LANGUAGES.has(document.languageId)) return;
  if (!document.fileName.endsWith('.properties')) return;
  if (!vscode.workspace.getConfiguration('mirrorlint', document.uri).get<boolean>('detectByContent', true)) return;
  if (!CLUSTERS_LINE.test(document.getText(new vscode.Range(0, 0, 2000, 0)))) return;
  await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: { configurationSection: 'mirrorlint' },
    diagnosticPullOptions: { onChange: true, onSave: true },
  };
  client = new LanguageClient('mirrorlint', 'MirrorLint', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((document) => void detectByContent(document)),
    vscode.commands.registerCommand('mirrorlint.restartServer', async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand('mirrorlint.showOutput', () => client?.outputChannel.show()),
  );
  for (const document of vscode.workspace.textDocuments) void detectByContent(document);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
