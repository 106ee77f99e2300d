import {
  DocumentDiagnosticReportKind,
  ResponseError,
  ErrorCodes,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeProperties, declaresClusters, type PropertiesAnalysis } from '../core/analyze';
import { isValidAlias } from '../core/query';
import { toDiagnostic } from './convert';
import { previewRemoteTopics } from '../core/preview';
import * as features from './features';
import * as previews from './previews';
import { PreviewRemoteTopicsRequest, type PreviewRemoteTopicsResult } from './protocol';
import { DEFAULT_SETTINGS, normalizeSettings, type MirrorLintSettings } from './settings';

export const MM2_LANGUAGE_ID = 'mm2-properties';
/** Push clients get diagnostics this long after typing stops (initializationOptions.pushDelayMs overrides it). */
const PUSH_DEBOUNCE_MS = 200;

/** Wires the analysis core to one LSP connection. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const settingsCache = new Map<string, Promise<MirrorLintSettings>>();
  const analysisCache = new Map<string, { version: number; settings: MirrorLintSettings; analysis: PropertiesAnalysis }>();
  const pushTimers = new Map<string, NodeJS.Timeout>();
  let canPullConfiguration = false;
  let usePullDiagnostics = false;
  let pushDelayMs = PUSH_DEBOUNCE_MS;

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    canPullConfiguration = !!capabilities.workspace?.configuration;
    usePullDiagnostics = !!capabilities.textDocument?.diagnostic;
    const requestedDelay = (params.initializationOptions as { pushDelayMs?: unknown } | undefined)?.pushDelayMs;
    if (typeof requestedDelay === 'number' && requestedDelay >= 0) pushDelayMs = requestedDelay;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['.', '>', '=', ' '] },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        documentSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        inlayHintProvider: true,
        diagnosticProvider: usePullDiagnostics ? { identifier: 'mirrorlint', interFileDependencies: false, workspaceDiagnostics: false } : undefined,
      },
      serverInfo: { name: 'mirrorlint', version: '0.1.0' },
    };
  });

  const isMm2Document = (document: TextDocument): boolean =>
    document.languageId === MM2_LANGUAGE_ID || (document.languageId !== 'plaintext' && declaresClusters(document.getText()));

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

  const analyze = async (document: TextDocument): Promise<PropertiesAnalysis> => {
    const settings = await settingsFor(document.uri);
    const cached = analysisCache.get(document.uri);
    if (cached && cached.version === document.version && cached.settings === settings) return cached.analysis;
    const analysis = analyzeProperties(document.getText(), { severities: settings.rules });
    analysisCache.set(document.uri, { version: document.version, settings, analysis });
    return analysis;
  };

  const diagnosticsFor = async (document: TextDocument) => {
    if (!isMm2Document(document)) return [];
    const analysis = await analyze(document);
    return analysis.findings.map((finding) => toDiagnostic(document, finding));
  };

  const publish = async (uri: string): Promise<void> => {
    const document = documents.get(uri);
    if (!document) return;
    const diagnostics = await diagnosticsFor(document);
    if (documents.get(uri)?.version !== document.version) return; // a newer edit will publish
    await connection.sendDiagnostics({ uri, version: document.version, diagnostics });
  };

  const schedulePush = (uri: string, delay: number): void => {
    if (usePullDiagnostics) return;
    clearTimeout(pushTimers.get(uri));
    pushTimers.set(uri, setTimeout(() => {
      pushTimers.delete(uri);
      publish(uri).catch((error) => connection.console.error(`mirrorlint: publishing diagnostics failed: ${String(error)}`));
    }, delay));
  };

  documents.onDidOpen((event) => schedulePush(event.document.uri, 0));
  documents.onDidChangeContent((event) => schedulePush(event.document.uri, pushDelayMs));
  documents.onDidClose((event) => {
    clearTimeout(pushTimers.get(event.document.uri));
    analysisCache.delete(event.document.uri);
    settingsCache.delete(event.document.uri);
    if (!usePullDiagnostics) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    if (usePullDiagnostics) void connection.languages.diagnostics.refresh();
    else for (const document of documents.all()) schedulePush(document.uri, 0);
  });

  connection.languages.diagnostics.on(async (params) => {
    const document = documents.get(params.textDocument.uri);
    const items = document ? await diagnosticsFor(document) : [];
    return { kind: DocumentDiagnosticReportKind.Full, items };
  });

  /** Runs a feature on an open MM2 document; other documents get `fallback`. */
  const withAnalysis = async <T>(uri: string, fallback: T, run: (document: TextDocument, analysis: PropertiesAnalysis) => T): Promise<T> => {
    const document = documents.get(uri);
    if (!document || !isMm2Document(document)) return fallback;
    return run(document, await analyze(document));
  };

  connection.onHover((params) =>
    withAnalysis(params.textDocument.uri, null, (doc, analysis) => features.hover(doc, analysis, doc.offsetAt(params.position))));
  connection.onCompletion((params) =>
    withAnalysis(params.textDocument.uri, [], (doc, analysis) => features.completion(doc, analysis, doc.offsetAt(params.position))));
  connection.onCodeAction((params) =>
    withAnalysis(params.textDocument.uri, [], (doc, analysis) => features.codeActions(doc, analysis.findings, params.range, params.context.diagnostics)));
  connection.onDocumentSymbol((params) =>
    withAnalysis(params.textDocument.uri, [], (doc, analysis) => features.documentSymbols(doc, analysis)));
  connection.onDefinition((params) =>
    withAnalysis(params.textDocument.uri, [], (doc, analysis) => features.definition(doc, analysis, doc.offsetAt(params.position))));
  connection.onReferences((params) =>
    withAnalysis(params.textDocument.uri, [], (doc, analysis) =>
      features.references(doc, analysis, doc.offsetAt(params.position), params.context.includeDeclaration)));
  connection.onPrepareRename((params) =>
    withAnalysis(params.textDocument.uri, null, (doc, analysis) => {
      const found = features.aliasAt(analysis, doc.offsetAt(params.position));
      if (!found) return null;
      return { range: { start: doc.positionAt(found.range.start), end: doc.positionAt(found.range.end) }, placeholder: found.alias };
    }));
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
      previews.inlayHints(doc, analysis, { start: doc.offsetAt(params.range.start), end: doc.offsetAt(params.range.end) })));

  connection.onRequest(PreviewRemoteTopicsRequest, (params) =>
    withAnalysis(params.uri, { clusters: [], previews: [] } as PreviewRemoteTopicsResult, (_doc, analysis) => ({
      clusters: [...new Set(analysis.config.clusters.map((c) => c.alias))],
      previews: params.cluster && params.topic ? previewRemoteTopics(analysis.topology, params.cluster, params.topic) : [],
    })));

  documents.listen(connection);
  connection.listen();
}
