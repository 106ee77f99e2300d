import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { showDiagram, updateDiagram } from './diagram';
import { CLUSTERS_LINE, MM2_LANGUAGE_ID, SETTINGS_SECTION } from '../../shared/src/constants';
import { PreviewRemoteTopicsRequest, TopologyChangedNotification } from '../../shared/src/protocol';
import { ruleLinkMiddleware } from './ruleLinks';
import { checkLive } from './checkLive';
import { StatusBar, statusMenu } from './statusBar';
import { CANDIDATE_GLOB, EXCLUDED_GLOB, mayBeMirrorLintFile } from '../../shared/src/mayBeMirrorLint';
import { REVEAL_COMMAND, TopologyTreeProvider, revealInEditor } from './topologyView';

/** Languages that other extensions give `.properties` files; MirrorLint takes over those that declare `clusters`. */
const PROPERTIES_LANGUAGES = new Set(['properties', 'java-properties', 'ini', 'plaintext']);

let client: LanguageClient | undefined;

/** Asks for a topic and its cluster, then shows every remote name it gets and by which path. */
async function previewRemoteTopics(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor || ![MM2_LANGUAGE_ID, 'yaml', 'json', 'jsonc'].includes(editor.document.languageId)) {
    void vscode.window.showWarningMessage('MirrorLint: open a MirrorMaker 2 config or a topology declaration to preview remote topic names.');
    return;
  }
  const uri = editor.document.uri.toString();
  const { clusters } = await client.sendRequest(PreviewRemoteTopicsRequest, { uri });
  if (clusters.length === 0) {
    void vscode.window.showWarningMessage('MirrorLint: this file declares no clusters.');
    return;
  }
  const wordRange = editor.document.getWordRangeAtPosition(editor.selection.active, /[a-zA-Z0-9._-]+/);
  const topic = await vscode.window.showInputBox({ prompt: 'Topic name', value: wordRange ? editor.document.getText(wordRange) : 'orders' });
  if (!topic) return;
  const cluster = clusters.length === 1 ? clusters[0] : await vscode.window.showQuickPick(clusters, { placeHolder: `Cluster where \`${topic}\` is produced` });
  if (!cluster) return;
  const { previews } = await client.sendRequest(PreviewRemoteTopicsRequest, { uri, cluster, topic });
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
  if (document.languageId === MM2_LANGUAGE_ID || !PROPERTIES_LANGUAGES.has(document.languageId)) return;
  if (!document.fileName.endsWith('.properties')) return;
  if (!vscode.workspace.getConfiguration(SETTINGS_SECTION, document.uri).get<boolean>('detectByContent', true)) return;
  if (!CLUSTERS_LINE.test(document.getText(new vscode.Range(0, 0, 2000, 0)))) return;
  await vscode.languages.setTextDocumentLanguage(document, MM2_LANGUAGE_ID);
}

/** Picks a rule and opens its documentation page (shipped with the extension). */
async function openRuleDocs(context: vscode.ExtensionContext, ruleId?: string): Promise<void> {
  const folder = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
  let id = typeof ruleId === 'string' ? ruleId : undefined;
  if (!id) {
    const entries = await vscode.workspace.fs.readDirectory(folder);
    const ids = entries.map(([name]) => name.replace(/\.md$/, '')).sort();
    id = await vscode.window.showQuickPick(ids, { placeHolder: 'MirrorLint rule' });
  }
  if (id) await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(folder, `${id}.md`));
}

/** The first bytes of a local file: enough to tell an MM2 config, a Strimzi resource or a connector. */
function headOf(uri: vscode.Uri): string {
  if (uri.scheme !== 'file') return '';
  let handle: number | undefined;
  try {
    handle = fs.openSync(uri.fsPath, 'r');
    const buffer = Buffer.alloc(16 * 1024);
    return buffer.subarray(0, fs.readSync(handle, buffer, 0, buffer.length, 0)).toString('utf8');
  } catch {
    return '';
  } finally {
    if (handle !== undefined) fs.closeSync(handle);
  }
}

/** Whether the workspace holds a file MirrorLint may read (at most 5,000 candidates are looked at). */
async function workspaceHasMirrorLintFiles(): Promise<boolean> {
  const candidates = await vscode.workspace.findFiles(CANDIDATE_GLOB, EXCLUDED_GLOB, 5000);
  return candidates.some((uri) => mayBeMirrorLintFile(uri.path, headOf(uri)));
}

const isMirrorLintDocument = (document: vscode.TextDocument): boolean =>
  document.languageId === MM2_LANGUAGE_ID || mayBeMirrorLintFile(document.uri.path, document.getText(new vscode.Range(0, 0, 400, 0)));

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // Restricted mode (Workspace Trust): the server reads only the files it lints, never files they refer to.
  const restricted = (): boolean => !vscode.workspace.isTrusted;
  const tree = new TopologyTreeProvider(() => client);
  const status = new StatusBar(restricted);
  const refresh = async (): Promise<void> => {
    tree.refresh();
    await updateDiagram(context.extensionUri, () => tree.deployments());
  };

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((document) => void detectByContent(document)),
    vscode.commands.registerCommand('mirrorlint.restartServer', async () => {
      if (client) await client.restart();
      else await start();
    }),
    vscode.commands.registerCommand('mirrorlint.showOutput', () => client?.outputChannel.show()),
    vscode.commands.registerCommand('mirrorlint.statusMenu', statusMenu),
    vscode.commands.registerCommand('mirrorlint.previewRemoteTopics', previewRemoteTopics),
    vscode.commands.registerCommand('mirrorlint.refreshTopology', refresh),
    vscode.commands.registerCommand('mirrorlint.showTopologyDiagram', async () => showDiagram(context.extensionUri, await tree.deployments())),
    vscode.commands.registerCommand('mirrorlint.fixAll', () =>
      vscode.commands.executeCommand('editor.action.sourceAction', { kind: 'source.fixAll.mirrorlint', apply: 'first' })),
    vscode.commands.registerCommand('mirrorlint.openRuleDocs', (ruleId?: string) => openRuleDocs(context, ruleId)),
    vscode.commands.registerCommand(REVEAL_COMMAND, revealInEditor),
    vscode.commands.registerCommand('mirrorlint.checkLive', () => checkLive(client)),
    vscode.window.registerFileDecorationProvider(tree),
    status,
    // Trust granted: the server restarts out of restricted mode.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.restart()),
  );

  /** The server, its view and its status item: only once the workspace shows an MM2-related file. */
  let starting: Promise<void> | undefined;
  const start = (): Promise<void> => (starting ??= (async () => {
    const serverOptions: ServerOptions = {
      // The server keeps V8's code cache of its bundle in the extension's storage (faster starts).
      run: { module: serverModule, transport: TransportKind.ipc, args: [`--code-cache=${path.join(context.globalStorageUri.fsPath, 'code-cache')}`] },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: LanguageClientOptions = {
      // JSON and YAML files go to the server too: it keeps Mirror connector configs and
      // KafkaMirrorMaker2 resources and ignores the rest.
      documentSelector: [
        { language: MM2_LANGUAGE_ID },
        { scheme: 'file', language: 'json' },
        { scheme: 'file', language: 'jsonc' },
        { scheme: 'file', language: 'yaml' },
        // Terraform files whatever language an extension gives them (none is built in).
        { scheme: 'file', pattern: '**/*.tf' },
      ],
      // The server analyses every MM2 file of the workspace together; tell it when one changes on disk.
      synchronize: { configurationSection: SETTINGS_SECTION, fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{properties,json,yaml,yml,avsc,proto,tf}') },
      diagnosticPullOptions: { onChange: true, onSave: true },
      initializationOptions: () => ({ restricted: restricted(), ruleDocsCommand: 'mirrorlint.openRuleDocs' }),
      middleware: ruleLinkMiddleware,
    };
    client = new LanguageClient('mirrorlint', 'MirrorLint', serverOptions, clientOptions);
    await vscode.commands.executeCommand('setContext', 'mirrorlint.active', true);
    const view = vscode.window.createTreeView('mirrorlint.topology', { treeDataProvider: tree, showCollapseAll: true });
    status.show();
    context.subscriptions.push(view, status.watch(client));
    await client.start();
    context.subscriptions.push(client.onNotification(TopologyChangedNotification, () => void refresh()));
    void refresh();
  })());

  for (const document of vscode.workspace.textDocuments) void detectByContent(document);
  if (vscode.workspace.textDocuments.some(isMirrorLintDocument) || (await workspaceHasMirrorLintFiles())) {
    await start();
    return;
  }
  // Nothing yet: start when such a file is opened, created or saved.
  const watcher = vscode.workspace.createFileSystemWatcher(CANDIDATE_GLOB);
  const waiting = vscode.Disposable.from(
    watcher,
    vscode.workspace.onDidOpenTextDocument((document) => isMirrorLintDocument(document) && void begin()),
    vscode.workspace.onDidSaveTextDocument((document) => isMirrorLintDocument(document) && void begin()),
    watcher.onDidCreate((uri) => mayBeMirrorLintFile(uri.path, headOf(uri)) && void begin()),
    watcher.onDidChange((uri) => mayBeMirrorLintFile(uri.path, headOf(uri)) && void begin()),
  );
  const begin = async (): Promise<void> => {
    waiting.dispose();
    await start();
  };
  context.subscriptions.push(waiting);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
