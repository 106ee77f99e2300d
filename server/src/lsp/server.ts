import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CompletionItemKind,
  ErrorCodes,
  FileChangeType,
  InlayHintKind,
  InsertTextFormat,
  MessageType,
  MarkupKind,
  ResponseError,
  ShowMessageNotification,
  SymbolKind,
  TextDocumentEdit,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type DocumentSymbol,
  type InitializeResult,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { plainText, readSettings, type CompletionCandidate, type OffsetLocation, type SymbolData, type TextEdit as CoreEdit, type WorkspaceSnapshot } from '../core';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, SETTINGS_SECTION, VERSION } from '../../../shared/src/constants';
import { CheckLiveRequest, PreviewRemoteTopicsRequest, TopologyChangedNotification, TopologyRequest, type CheckLiveResult, type TopologyLocation, type TopologyResult } from '../../../shared/src/protocol';
import { DEFAULT_SETTINGS } from '../../../shared/src/settings';
import { toOffsets, toRange } from './convert';
import { WorkspaceIndex } from './workspaceIndex';
import { Diagnostics } from './diagnostics';
import { loadHclParser } from '../node/hcl';
import { LIVE_FILE, connectionsOf, liveTopology, observe } from '../node/live/observe';

/** Push clients get diagnostics this long after typing stops (initializationOptions.pushDelayMs overrides it). */
const PUSH_DEBOUNCE_MS = 200;
/** How long live mode waits for each cluster (metadata, configs, groups). */
const LIVE_TIMEOUT_MS = 30_000;

const COMPLETION_KIND: Record<CompletionCandidate['kind'], CompletionItemKind> = {
  property: CompletionItemKind.Property,
  cluster: CompletionItemKind.Module,
  flow: CompletionItemKind.Interface,
  value: CompletionItemKind.Value,
  class: CompletionItemKind.Class,
  prefix: CompletionItemKind.Folder,
};

const SYMBOL_KIND: Record<SymbolData['kind'], SymbolKind> = { cluster: SymbolKind.Module, flow: SymbolKind.Interface, property: SymbolKind.Property };

/** Wires the language service to one LSP connection: handlers convert positions and delegate. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let canPullConfiguration = false;
  let usePullDiagnostics = false;
  let followsWorkspaceFolders = false;
  let pushDelayMs = PUSH_DEBOUNCE_MS;
  let ruleDocsCommand: string | undefined;
  let workspaceFolders: string[] = [];
  const log = (message: string): void => connection.console.log(message);
  // A notification, not showWarningMessage's request: a client that cannot answer requests must not break the server.
  const warn = (message: string): void => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });

  const index = new WorkspaceIndex({
    openDocuments: () => documents.all(),
    settingsOf: async (folder) => {
      if (!canPullConfiguration) return { settings: DEFAULT_SETTINGS, problems: [] };
      try {
        const raw = await connection.workspace.getConfiguration(folder ? { scopeUri: folder, section: SETTINGS_SECTION } : { section: SETTINGS_SECTION });
        return readSettings(raw);
      } catch {
        return { settings: DEFAULT_SETTINGS, problems: [] };
      }
    },
    log,
  });

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    canPullConfiguration = !!capabilities.workspace?.configuration;
    usePullDiagnostics = !!capabilities.textDocument?.diagnostic;
    followsWorkspaceFolders = !!capabilities.workspace?.workspaceFolders;
    workspaceFolders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const options = params.initializationOptions as { pushDelayMs?: unknown; restricted?: unknown; ruleDocsCommand?: unknown } | undefined;
    // A client command that shows a rule's page (VS Code's extension has one): offered as a code action.
    if (typeof options?.ruleDocsCommand === 'string') ruleDocsCommand = options.ruleDocsCommand;
    // Untrusted workspace: files the linted files refer to (schema files) are not read.
    index.readsReferencedFiles = options?.restricted !== true;
    const requestedDelay = options?.pushDelayMs;
    if (typeof requestedDelay === 'number' && requestedDelay >= 0) pushDelayMs = requestedDelay;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['.', '>', '=', ' '] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        documentSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        inlayHintProvider: true,
        workspace: followsWorkspaceFolders ? { workspaceFolders: { supported: true, changeNotifications: true } } : undefined,
        diagnosticProvider: usePullDiagnostics ? { identifier: DIAGNOSTIC_SOURCE, interFileDependencies: true, workspaceDiagnostics: true } : undefined,
      },
      serverInfo: { name: 'mirrorlint', version: VERSION },
    };
  });

  let publishTimer: NodeJS.Timeout | undefined;
  let refreshTimer: NodeJS.Timeout | undefined;
  let topologyTimer: NodeJS.Timeout | undefined;
  const diagnostics = new Diagnostics(connection, index, documents, warn);

  /** Something changed: push clients get new diagnostics after the debounce, pull clients are asked to re-pull. */
  // Terraform files wait for the parser (WebAssembly, loaded once, when the first one shows up: a
  // start without any does not pay for it); they are analysed again when it is there.
  let hclRequested = false;
  const changed = (delay: number): void => {
    index.invalidate();
    if (!hclRequested && index.hasTerraform) {
      hclRequested = true;
      void loadHclParser(log).then((parser) => {
        index.hcl = parser;
        changed(0);
      });
    }
    // The topology view asks again when told (its client sends no request of its own on edits).
    clearTimeout(topologyTimer);
    topologyTimer = setTimeout(() => void connection.sendNotification(TopologyChangedNotification, {}), delay + 100);
    if (usePullDiagnostics) {
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => {
        connection.languages.diagnostics.refresh();
        diagnostics.statusAfterPull().catch(() => undefined);
      }, delay);
      return;
    }
    clearTimeout(publishTimer);
    publishTimer = setTimeout(() => {
      diagnostics.publishAll().catch((error) => connection.console.error(`mirrorlint: publishing diagnostics failed: ${(error as Error)?.stack ?? String(error)}`));
    }, delay);
  };

  const scan = (folders: string[]): void => {
    const started = Date.now();
    const skipped = index.scan(folders);
    log(`mirrorlint ${VERSION}: indexed ${index.size} files of ${folders.join(', ') || 'no folder'} in ${Date.now() - started} ms`);
    if (skipped > 0) warn(`MirrorLint indexes at most 10,000 files of the workspace; ${skipped} were left out and are analysed only while open.`);
  };

  connection.onInitialized(() => {
    // Multi-root: folders added later are indexed, removed ones forgotten.
    if (followsWorkspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const folder of event.removed) index.forgetFolder(folder.uri);
        index.folders = [...index.folders.filter((f) => !event.removed.some((r) => r.uri === f)), ...event.added.map((f) => f.uri)];
        scan(event.added.map((f) => f.uri));
        changed(0);
      });
    }
    index.folders = workspaceFolders;
    if (workspaceFolders.length === 0) return;
    scan(workspaceFolders);
    changed(0);
  });

  connection.onDidChangeWatchedFiles((params) => {
    let relevant = false;
    for (const change of params.changes) relevant = index.fileChanged(change.uri, change.type === FileChangeType.Deleted) || relevant;
    if (relevant) changed(0);
  });

  documents.onDidOpen(() => changed(0));
  documents.onDidChangeContent((event) => {
    diagnostics.edited(event.document.uri);
    changed(pushDelayMs);
  });
  documents.onDidClose(() => changed(0));

  connection.onDidChangeConfiguration(() => {
    index.settingsChanged();
    changed(0);
  });

  diagnostics.listenForPulls();

  /** Runs a feature on an open document MirrorLint analyses; other documents get `fallback`. Never lets an exception out. */
  const withSnapshot = async <T>(uri: string, fallback: T, run: (document: TextDocument, snapshot: WorkspaceSnapshot) => T): Promise<T> => {
    const document = documents.get(uri);
    if (!document) return fallback;
    return index.latest((snapshot) => {
      if (!snapshot.file(uri)) return fallback;
      try {
        return run(document, snapshot);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        connection.console.error(`mirrorlint: request on ${uri} failed\n${(error as Error)?.stack ?? String(error)}`);
        return fallback;
      }
    });
  };

  /** Edits grouped per file; files other than `document` are resolved (open or on disk) to place them. */
  const workspaceEdit = (document: TextDocument, edits: CoreEdit[]): WorkspaceEdit => {
    const byUri = new Map<string, CoreEdit[]>();
    for (const edit of edits) {
      const uri = edit.uri ?? document.uri;
      const list = byUri.get(uri) ?? [];
      list.push(edit);
      byUri.set(uri, list);
    }
    const documentChanges: TextDocumentEdit[] = [];
    for (const [uri, fileEdits] of byUri) {
      const target = uri === document.uri ? document : index.document(uri);
      if (!target) continue;
      // A file that is not open has no version to check against: null tells the client so.
      const version = uri === document.uri || target.version > 0 ? target.version : null;
      documentChanges.push(TextDocumentEdit.create({ uri, version }, fileEdits.map((edit) => ({ range: toRange(target, edit.range), newText: edit.newText }))));
    }
    return { documentChanges };
  };

  connection.onHover((params) =>
    withSnapshot(params.textDocument.uri, null, (doc, snapshot) => {
      const found = snapshot.hover(doc.uri, doc.offsetAt(params.position));
      return found ? { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: found.range && toRange(doc, found.range) } : null;
    }));

  connection.onCompletion((params) =>
    withSnapshot(params.textDocument.uri, [] as CompletionItem[], (doc, snapshot) =>
      snapshot.completion(doc.uri, doc.offsetAt(params.position)).map((candidate) => ({
        label: candidate.label,
        kind: COMPLETION_KIND[candidate.kind],
        detail: candidate.detail,
        documentation: candidate.documentation ? { kind: MarkupKind.Markdown, value: candidate.documentation } : undefined,
        filterText: candidate.filterText,
        sortText: candidate.sortText,
        insertTextFormat: InsertTextFormat.PlainText,
        textEdit: { range: toRange(doc, candidate.range), newText: candidate.newText },
        command: candidate.kind === 'flow' || candidate.kind === 'cluster' || candidate.kind === 'prefix' ? { title: 'Suggest', command: 'editor.action.triggerSuggest' } : undefined,
      }))));

  connection.onCodeAction(async (params) => {
    const uri = params.textDocument.uri;
    const only = params.context.only;
    const wantsFixAll = only?.some((kind) => FIX_ALL_KIND === kind || FIX_ALL_KIND.startsWith(`${kind}.`) || kind === CodeActionKind.Source);
    const quickFixes = !only || only.some((kind) => kind === CodeActionKind.QuickFix);
    return withSnapshot(uri, [] as CodeAction[], (doc, snapshot) => {
      const actions: CodeAction[] = [];
      if (quickFixes) {
        for (const { fix, finding } of snapshot.codeActions(uri, toOffsets(doc, params.range))) {
          const findingRange = toRange(doc, finding.range);
          const diagnostic = params.context.diagnostics.find((d) => d.source === DIAGNOSTIC_SOURCE && d.code === finding.ruleId && d.range.start.line === findingRange.start.line && d.range.start.character === findingRange.start.character && d.range.end.line === findingRange.end.line && d.range.end.character === findingRange.end.character);
          actions.push({ title: plainText(fix.title), kind: CodeActionKind.QuickFix, diagnostics: diagnostic ? [diagnostic] : undefined, isPreferred: fix.preferred, edit: workspaceEdit(doc, fix.edits) });
        }
      }
      if (quickFixes && ruleDocsCommand) {
        const rules = new Set(params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && typeof d.code === 'string').map((d) => d.code as string));
        for (const rule of rules) actions.push({ title: `Show documentation for ${rule}`, kind: CodeActionKind.QuickFix, command: { title: 'Show documentation', command: ruleDocsCommand, arguments: [rule] } });
      }
      // The lightbulb offers fix-all once there is more than one automatic fix; on-save asks for it by kind.
      if (wantsFixAll || (quickFixes && snapshot.automaticFixCount(uri) > 1 && actions.length > 0)) {
        const all = snapshot.fixAllEdit(uri);
        if (all) {
          actions.push({
            title: `Fix all auto-fixable MirrorLint problems (${all.applied.length})`,
            kind: wantsFixAll ? FIX_ALL_KIND : CodeActionKind.QuickFix,
            edit: { changes: { [uri]: [{ range: toRange(doc, all.edit.range), newText: all.edit.newText }] } },
          });
        }
      }
      return actions;
    });
  });

  const toSymbol = (doc: TextDocument, symbol: SymbolData): DocumentSymbol => ({
    name: symbol.name,
    detail: symbol.detail,
    kind: SYMBOL_KIND[symbol.kind],
    range: toRange(doc, symbol.range),
    selectionRange: toRange(doc, symbol.selectionRange),
    children: symbol.children.map((child) => toSymbol(doc, child)),
  });
  connection.onDocumentSymbol((params) => withSnapshot(params.textDocument.uri, [] as DocumentSymbol[], (doc, snapshot) => snapshot.symbols(doc.uri).map((s) => toSymbol(doc, s))));

  connection.onDefinition((params) =>
    withSnapshot(params.textDocument.uri, [], (doc, snapshot) => snapshot.definition(doc.uri, doc.offsetAt(params.position)).map((range) => ({ uri: doc.uri, range: toRange(doc, range) }))));
  connection.onReferences((params) =>
    withSnapshot(params.textDocument.uri, [], (doc, snapshot) =>
      snapshot.references(doc.uri, doc.offsetAt(params.position), params.context.includeDeclaration).map((range) => ({ uri: doc.uri, range: toRange(doc, range) }))));
  connection.onPrepareRename((params) =>
    withSnapshot(params.textDocument.uri, null, (doc, snapshot) => {
      const found = snapshot.prepareRename(doc.uri, doc.offsetAt(params.position));
      return found ? { range: toRange(doc, found.range), placeholder: found.alias } : null;
    }));
  connection.onRenameRequest((params) =>
    withSnapshot(params.textDocument.uri, null, (doc, snapshot) => {
      const result = snapshot.rename(doc.uri, doc.offsetAt(params.position), params.newName);
      if ('error' in result) throw new ResponseError(result.error === 'invalid-name' ? ErrorCodes.InvalidParams : ErrorCodes.InvalidRequest, result.message);
      return workspaceEdit(doc, result.edits);
    }));

  connection.languages.inlayHint.on((params) =>
    withSnapshot(params.textDocument.uri, [], (doc, snapshot) =>
      snapshot.inlayHints(doc.uri, toOffsets(doc, params.range)).map((hint) => ({ position: doc.positionAt(hint.offset), label: hint.label, kind: InlayHintKind.Type, paddingLeft: true, tooltip: hint.tooltip }))));

  connection.onRequest(PreviewRemoteTopicsRequest, (params) =>
    withSnapshot(params.uri, { clusters: [], previews: [], truncated: false }, (_doc, snapshot) => {
      const preview = params.cluster && params.topic ? snapshot.preview(params.uri, params.cluster, params.topic) : { previews: [], truncated: false };
      return { clusters: snapshot.previewClusters(params.uri), ...preview };
    }));

  // Live mode: read-only reads of the clusters of `.mirrorlint.yaml`'s `live:`, never in an untrusted workspace.
  connection.onRequest(CheckLiveRequest, async (_params, token): Promise<CheckLiveResult> => {
    if (!index.readsReferencedFiles) return { clusters: [], errors: ['Live mode is off in an untrusted workspace: it connects to the clusters the workspace names.'] };
    const configs = index.workspaceConfigs().flatMap(({ uri, text }) => (uri.startsWith('file:') ? [{ file: fileURLToPath(uri), text }] : []));
    const connections = connectionsOf(configs);
    if (connections.size === 0) return { clusters: [], errors: ['No cluster to read: add a `live:` section to .mirrorlint.yaml (README, "Live mode").'] };
    // A cancel answers at once; the reads still under way end within their time limit and are dropped.
    let onCancel: { dispose(): void } | undefined;
    const cancelled = new Promise<undefined>((resolve) => (onCancel = token.onCancellationRequested(() => resolve(undefined))));
    const read = await Promise.race([observe(connections, LIVE_TIMEOUT_MS), cancelled]).finally(() => onCancel?.dispose());
    if (!read || token.isCancellationRequested) return { clusters: [], errors: ['Cancelled.'] };
    const { observed, errors } = read;
    if (!observed) return { clusters: [], errors };
    const folder = path.dirname(configs.find((c) => connectionsOf([c]).size > 0)!.file);
    const uri = pathToFileURL(path.join(folder, LIVE_FILE)).href;
    index.setVirtual(uri, await index.latest((snapshot) => liveTopology(snapshot, observed, new Date().toISOString())));
    changed(0);
    return { clusters: Object.keys(observed), errors: [], uri };
  });

  connection.onRequest(TopologyRequest, (): Promise<TopologyResult> => index.latest((snapshot) => {
    const locate = (location: OffsetLocation | undefined): TopologyLocation | undefined => {
      const document = location && index.document(location.uri);
      return document && location ? { uri: location.uri, range: toRange(document, location.range) } : undefined;
    };
    const located = <T extends { location?: OffsetLocation }>(value: T): Omit<T, 'location'> & { location?: TopologyLocation } => ({ ...value, location: locate(value.location) });
    return {
      deployments: snapshot.topology().map((deployment) => ({
        ...deployment,
        clusters: deployment.clusters.map((cluster) => ({
          ...located(cluster),
          localTopics: cluster.localTopics.map(located),
          remoteTopics: cluster.remoteTopics.map(located),
          groups: cluster.groups.map(located),
        })),
        flows: deployment.flows.map(located),
      })),
    };
  }));

  documents.listen(connection);
  connection.listen();
}
