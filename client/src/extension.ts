import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

const LANGUAGE_ID = 'mm2-properties';
const CLUSTERS_LINE = /^[ \t\f]*clusters[ \t\f]*[=:\s]/m;
/** Languages that other extensions give `.properties` files; MirrorLint takes over those that declare `clusters`. */
const PROPERTIES_LANGUAGES = new Set(['properties', 'java-properties', 'ini', 'plaintext']);

let client: LanguageClient | undefined;

/** Mirrors server/src/lsp/protocol.ts (the client bundle does not import server code). */
const PREVIEW_REMOTE_TOPICS = 'mirrorlint/previewRemoteTopics';
interface PreviewRemoteTopicsResult {
  clusters: string[];
  previews: { cluster: string; name: string; path: string[] }[];
}

/** Asks for a topic and its cluster, then shows every remote name it gets and by which path. */
async function previewRemoteTopics(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor || editor.document.languageId !== LANGUAGE_ID) {
    void vscode.window.showWarningMessage('MirrorLint: open a MirrorMaker 2 config to preview remote topic names.');
    return;
  }
  const uri = editor.document.uri.toString();
  const { clusters } = await client.sendRequest<PreviewRemoteTopicsResult>(PREVIEW_REMOTE_TOPICS, { uri });
  if (clusters.length === 0) {
    void vscode.window.showWarningMessage('MirrorLint: this file declares no clusters.');
    return;
  }
  const wordRange = editor.document.getWordRangeAtPosition(editor.selection.active, /[a-zA-Z0-9._-]+/);
  const topic = await vscode.window.showInputBox({ prompt: 'Topic name', value: wordRange ? editor.document.getText(wordRange) : 'orders' });
  if (!topic) return;
  const cluster = clusters.length === 1 ? clusters[0] : await vscode.window.showQuickPick(clusters, { placeHolder: `Cluster where \`${topic}\` is produced` });
  if (!cluster) return;
  const { previews } = await client.sendRequest<PreviewRemoteTopicsResult>(PREVIEW_REMOTE_TOPICS, { uri, cluster, topic });
  if (previews.length === 0) {
    void vscode.window.showInformationMessage(`MirrorLint: \`${topic}\` of ${cluster} is not replicated by any enabled flow.`);
    return;
  }
  await vscode.window.showQuickPick(
    previews.map((p) => ({ label: `${p.cluster}: ${p.name}`, description: p.path.join(' → ') })),
    { placeHolder: `Where \`${topic}\` of ${cluster} ends up` },
  );
}

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
    // JSON and YAML files go to the server too: it keeps Mirror connector configs and
    // KafkaMirrorMaker2 resources and ignores the rest.
    documentSelector: [
      { language: LANGUAGE_ID },
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
      { scheme: 'file', language: 'yaml' },
    ],
    // The server analyses every MM2 file of the workspace together; tell it when one changes on disk.
    synchronize: { configurationSection: 'mirrorlint', fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{properties,json,yaml,yml,avsc,proto}') },
    diagnosticPullOptions: { onChange: true, onSave: true },
  };
  client = new LanguageClient('mirrorlint', 'MirrorLint', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((document) => void detectByContent(document)),
    vscode.commands.registerCommand('mirrorlint.restartServer', async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand('mirrorlint.showOutput', () => client?.outputChannel.show()),
    vscode.commands.registerCommand('mirrorlint.previewRemoteTopics', previewRemoteTopics),
  );
  for (const document of vscode.workspace.textDocuments) void detectByContent(document);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
