import {
  CodeActionKind,
  DocumentDiagnosticReportKind,
  type CodeAction,
  FileChangeType,
  ResponseError,
  ErrorCodes,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeResult,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { declaresMm2Content, type PropertiesAnalysis } from '../core/lint/engine';
import { automaticFix, minimalEdit } from '../core/lint/fixAll';
import { isValidAlias } from '../core/service/locate';
import { toDiagnostic } from './convert';
import { completeStrimziConfigKey } from '../core/formats/yaml/complete';
import { completeDeclarationKey } from '../core/formats/yaml/schemaSupport';
import { previewRemoteTopics } from '../core/service/preview';
import * as features from './features';
import * as previews from './previews';
import { PreviewRemoteTopicsRequest, TopologyChangedNotification, TopologyRequest, type PreviewRemoteTopicsResult, type TopologyLocation, type TopologyResult } from './protocol';
import { topologyOverview, type OverviewLocation } from '../core/service/overview';
import { DEFAULT_SETTINGS, normalizeSettings, type MirrorLintSettings } from './settings';
import { WorkspaceIndex } from './workspaceIndex';

export const MM2_LANGUAGE_ID = 'mm2-properties';
/** `editor.codeActionsOnSave: { "source.fixAll.mirrorlint": "explicit" }` */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.mirrorlint`;
/** Push clients get diagnostics this long after typing stops (initializationOptions.pushDelayMs overrides it). */
const PUSH_DEBOUNCE_MS = 200;

/** Wires the analysis core to one LSP connection. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const settingsCache = new Map<string, Promise<MirrorLintSettings>>();
  let workspaceFolders: string[] = [];
  let canPullConfiguration = false;
  let usePullDiagnostics = false;
  let followsWorkspaceFolders = false;
  let pushDelayMs = PUSH_DEBOUNCE_MS;

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    canPullConfiguration = !!capabilities.workspace?.configuration;
    usePullDiagnostics = !!capabilities.textDocument?.diagnostic;
    followsWorkspaceFolders = !!capabilities.workspace?.workspaceFolders;
    workspaceFolders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const options = params.initializationOptions as { pushDelayMs?: unknown; restricted?: unknown } | undefined;
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
        diagnosticProvider: usePullDiagnostics ? { identifier: 'mirrorlint', interFileDependencies: true, workspaceDiagnostics: true } : undefined,
      },
      serverInfo: { name: 'mirrorlint', version: '0.1.0' },
    };
  });

  // Other clients may send any file: besides the MM2 language, files are recognised by content.
  const isMm2Document = (document: TextDocument): boolean =>
    document.languageId === MM2_LANGUAGE_ID || declaresMm2Content(document.uri, document.getText());

  const settingsFor = (uri: string): Promise<MirrorLintSettings> => {
    if (!canPullConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
    let cached = settingsCache.get(uri);
    if (!cached) {
      cached = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'mirrorlint' })
        .then(normalizeSettings, () => DEFAULT_SETTINGS);
      settingsCache.set(uri, cached);
    }
    return cached;
  };

  const index = new WorkspaceIndex(() => documents.all().filter(isMm2Document), () => documents.all(), settingsFor);
  const published = new Set<string>();
  let publishTimer: NodeJS.Timeout | undefined;
  let refreshTimer: NodeJS.Timeout | undefined;

  const analysisOf = async (uri: string): Promise<PropertiesAnalysis | undefined> => (await index.analyses()).get(uri);

  const diagnosticsFor = (analysis: PropertiesAnalysis, document: TextDocument) =>
    analysis.findings.map((finding) => toDiagnostic(document, finding, (uri) => index.document(uri)));

  /** Push mode: (re)publishes every MM2 file of the workspace, since an edit in one can change another's findings. */
  const publishAll = async (): Promise<void> => {
    const results = await index.analyses();
    for (const [uri, analysis] of results) {
      const document = index.document(uri);
      if (!document) continue;
      const open = documents.get(uri);
      await connection.sendDiagnostics({ uri, version: open?.version, diagnostics: diagnosticsFor(analysis, document) });
      published.add(uri);
    }
    for (const uri of [...published]) {
      if (results.has(uri)) continue;
      published.delete(uri);
      await connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  };

  let topologyTimer: NodeJS.Timeout | undefined;

  /** Something changed: push clients get new diagnostics after the debounce, pull clients are asked to re-pull. */
  const changed = (delay: number): void => {
    index.invalidate();
    // The topology view asks again when told (its client sends no request of its own on edits).
    clearTimeout(topologyTimer);
    topologyTimer = setTimeout(() => void connection.sendNotification(TopologyChangedNotification), delay + 100);
    if (usePullDiagnostics) {
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => connection.languages.diagnostics.refresh(), delay);
      return;
    }
    clearTimeout(publishTimer);
    publishTimer = setTimeout(() => {
      publishAll().catch((error) => connection.console.error(`mirrorlint: publishing diagnostics failed: ${String(error)}`));
    }, delay);
  };

  const scan = (folders: string[]): void => {
    const skipped = index.scan(folders);
    if (skipped > 0) connection.window.showWarningMessage(`MirrorLint indexes at most 10,000 files of the workspace; ${skipped} were left out and are analysed only while open.`);
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
  documents.onDidChangeContent(() => changed(pushDelayMs));
  documents.onDidClose(() => changed(0));

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    changed(0);
  });

  // Pull clients ask for the workspace's other files here (VS Code polls it): the MM2 files that
  // are not open, so that a loop whose other half lives in a closed file shows in Problems.
  connection.languages.diagnostics.onWorkspace(async () => {
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    for (const [uri, analysis] of await index.analyses()) {
      const document = index.document(uri);
      if (!document || documents.get(uri)) continue;
      items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: diagnosticsFor(analysis, document) });
    }
    return { items };
  });

  connection.languages.diagnostics.on(async (params) => {
    const document = documents.get(params.textDocument.uri);
    const analysis = document && isMm2Document(document) ? await analysisOf(document.uri) : undefined;
    return { kind: DocumentDiagnosticReportKind.Full, items: analysis && document ? diagnosticsFor(analysis, document) : [] };
  });

  /** Runs a feature on an open MM2 document; other documents get `fallback`. */
  const withAnalysis = async <T>(uri: string, fallback: T, run: (document: TextDocument, analysis: PropertiesAnalysis) => T): Promise<T> => {
    const document = documents.get(uri);
    if (!document || !isMm2Document(document)) return fallback;
    const analysis = await analysisOf(uri);
    return analysis ? run(document, analysis) : fallback;
  };

  connection.onHover((params) =>
    withAnalysis(params.textDocument.uri, null, (doc, analysis) => features.hover(doc, analysis, doc.offsetAt(params.position))));
  // Completion and alias navigation read properties syntax; connector JSON gets the other features.
  const propertiesOnly = <T>(fallback: T, run: (document: TextDocument, analysis: PropertiesAnalysis) => T) =>
    (document: TextDocument, analysis: PropertiesAnalysis): T => (analysis.config.format === 'properties' ? run(document, analysis) : fallback);

  connection.onCompletion((params) =>
    withAnalysis(params.textDocument.uri, [], (doc, analysis) => {
      const offset = doc.offsetAt(params.position);
      if (analysis.declarations) {
        const keys = completeDeclarationKey(analysis.declarations, offset);
        if (keys.length) return features.toCompletionItems(doc, keys);
      }
      if (analysis.config.format === 'strimzi-yaml') return features.toCompletionItems(doc, completeStrimziConfigKey(doc.getText(), offset));
      return analysis.config.format === 'properties' ? features.completion(doc, analysis, offset) : [];
    }));
  connection.onCodeAction(async (params) => {
    const uri = params.textDocument.uri;
    const only = params.context.only;
    const wantsFixAll = only?.some((kind) => FIX_ALL_KIND === kind || FIX_ALL_KIND.startsWith(`${kind}.`) || kind === CodeActionKind.Source);
    const quickFixes = !only || only.some((kind) => kind === CodeActionKind.QuickFix);
    const actions = quickFixes
      ? await withAnalysis(uri, [] as CodeAction[], (doc, analysis) => features.codeActions(doc, analysis.findings, params.range, params.context.diagnostics, (u) => index.document(u)))
      : [];
    const document = documents.get(uri);
    if (!document || !isMm2Document(document)) return actions;
    const automatic = (await analysisOf(uri))?.findings.filter((f) => automaticFix(f)).length ?? 0;
    // The lightbulb offers fix-all once there is more than one automatic fix; on-save asks for it by kind.
    if (wantsFixAll || (quickFixes && automatic > 1 && actions.length > 0)) {
      const result = await index.fixAll(uri);
      const edit = result && minimalEdit(document.getText(), result.text);
      if (edit) {
        actions.push({
          title: `Fix all auto-fixable MirrorLint problems (${result.applied.length})`,
          kind: wantsFixAll ? FIX_ALL_KIND : CodeActionKind.QuickFix,
          edit: { changes: { [uri]: [{ range: { start: document.positionAt(edit.range.start), end: document.positionAt(edit.range.end) }, newText: edit.newText }] } },
        });
      }
    }
    return actions;
  });
  connection.onDocumentSymbol((params) =>
    withAnalysis(params.textDocument.uri, [], (doc, analysis) => features.documentSymbols(doc, analysis)));
  connection.onDefinition((params) =>
    withAnalysis(params.textDocument.uri, [], propertiesOnly([], (doc, analysis) => features.definition(doc, analysis, doc.offsetAt(params.position)))));
  connection.onReferences((params) =>
    withAnalysis(params.textDocument.uri, [], propertiesOnly([], (doc, analysis) =>
      features.references(doc, analysis, doc.offsetAt(params.position), params.context.includeDeclaration))));
  connection.onPrepareRename((params) =>
    withAnalysis(params.textDocument.uri, null, propertiesOnly(null, (doc, analysis) => {
      const found = features.aliasAt(analysis, doc.offsetAt(params.position));
      if (!found) return null;
      return { range: { start: doc.positionAt(found.range.start), end: doc.positionAt(found.range.end) }, placeholder: found.alias };
    })));
  connection.onRenameRequest((params) =>
    withAnalysis(params.textDocument.uri, null, (doc, analysis) => {
      const found = features.aliasAt(analysis, doc.offsetAt(params.position));
      if (!found) throw new ResponseError(ErrorCodes.InvalidRequest, 'Only cluster aliases can be renamed.');
      if (!isValidAlias(params.newName)) {
        throw new ResponseError(ErrorCodes.InvalidParams, `\`${params.newName}\` is not a usable cluster alias: use letters, digits, \`_\` and \`-\` (no separators, spaces, commas or arrows).`);
      }
      return features.renameAlias(doc, analysis, found.alias, params.newName);
    }));

  connection.languages.inlayHint.on((params) =>
    withAnalysis(params.textDocument.uri, [], (doc, analysis) =>
      [
        ...previews.inlayHints(doc, analysis, { start: doc.offsetAt(params.range.start), end: doc.offsetAt(params.range.end) }),
        ...previews.declarationInlayHints(doc, analysis, { start: doc.offsetAt(params.range.start), end: doc.offsetAt(params.range.end) }),
      ]));

  connection.onRequest(PreviewRemoteTopicsRequest, (params) =>
    withAnalysis(params.uri, { clusters: [], previews: [] } as PreviewRemoteTopicsResult, (_doc, analysis) => ({
      clusters: [...new Set(analysis.config.clusters.map((c) => c.alias))],
      previews: params.cluster && params.topic ? previewRemoteTopics(analysis.topology, params.cluster, params.topic) : [],
    })));

  connection.onRequest(TopologyRequest, async (): Promise<TopologyResult> => {
    const located = <T extends { location?: OverviewLocation }>(value: T): Omit<T, 'location'> & { location?: TopologyLocation } => {
      const { location, ...rest } = value;
      const document = location && index.document(location.uri);
      return document ? { ...rest, location: { uri: location!.uri, range: { start: document.positionAt(location!.range.start), end: document.positionAt(location!.range.end) } } } : rest;
    };
    const deployments = topologyOverview(await index.analyses()).map((deployment) => ({
      ...deployment,
      clusters: deployment.clusters.map((cluster) => ({
        ...located(cluster),
        localTopics: cluster.localTopics.map(located),
        remoteTopics: cluster.remoteTopics.map(located),
        groups: cluster.groups.map(located),
      })),
      flows: deployment.flows.map(located),
    }));
    return { deployments };
  });

  documents.listen(connection);
  connection.listen();
}
