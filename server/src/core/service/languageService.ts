import { completeTerraformArgument } from '../formats/terraform/complete';
import type { CompletionCandidate } from '../base/editor';
import type { Finding, Fix, TextEdit } from '../base/finding';
import { overlaps, type OffsetRange } from '../base/range';
import { completeProperties } from '../formats/properties/complete';
import { completeStrimziConfigKey } from '../formats/yaml/complete';
import { completeDeclarationKey } from '../formats/yaml/schemaSupport';
import { automaticFix, fixAll, minimalEdit, type FixAllResult } from '../lint/fixAll';
import type { DeclaredWorkspace } from '../model/declared';
import type { Deployment } from '../model/deployments';
import { Analyzer, type AnalysisHost, type FileAnalysis, type SourceFile, type WorkspaceAnalysis } from './analysis';
import type { WorkspaceSettings } from './configuration';
import { hover, type HoverData } from './hover';
import { aliasAt, definition, references, renameAlias, type RenameResult } from './navigation';
import { topologyMermaid } from './diagram';
import { overviewParts, type OverviewDeployment } from './overview';
import { previewRemoteTopics, type RemotePreview } from './preview';
import { declarationInlayHints, flowInlayHints, type InlayHintData } from './previews';
import { documentSymbols, type SymbolData } from './symbols';

/** A quick fix for a finding, editor-neutral: edits carry the uri of the file they change when it is another one. */
export interface CodeActionData {
  fix: Fix;
  finding: Finding;
}

/**
 * The editor-neutral language service: every feature MirrorLint offers, over one analysis of the
 * workspace. The LSP handlers only convert positions and call it; the CLI calls the same methods,
 * so the editor, the tree, the diagram and the CLI always agree.
 */
export class LanguageService {
  private readonly analyzer: Analyzer;

  constructor(host: AnalysisHost) {
    this.analyzer = new Analyzer(host);
  }

  /** Analyses the workspace as the host has it now. */
  analyze(sources: SourceFile[], settings: WorkspaceSettings): WorkspaceSnapshot {
    this.analyzer.forget(new Set(sources.map((s) => s.uri)));
    return new WorkspaceSnapshot(this.analyzer.analyze(sources, settings), this.analyzer);
  }
}

export class WorkspaceSnapshot {
  private overviewCache: ReturnType<typeof overviewParts> | undefined;

  constructor(readonly analysis: WorkspaceAnalysis, private readonly analyzer: Analyzer) {}

  /** The files MirrorLint analysed, in the host's order. */
  get files(): FileAnalysis[] {
    return [...this.analysis.files.values()];
  }

  file(uri: string): FileAnalysis | undefined {
    return this.analysis.files.get(uri);
  }

  findings(uri: string): Finding[] {
    return this.analysis.files.get(uri)?.findings ?? [];
  }

  private deploymentOf(uri: string): Deployment | undefined {
    return this.analysis.model.deploymentOf(uri);
  }

  private declaredOf(uri: string): DeclaredWorkspace[] {
    return this.analysis.model.declaredOf(uri);
  }

  hover(uri: string, offset: number): HoverData | undefined {
    const analysis = this.file(uri);
    return analysis && hover(analysis, this.deploymentOf(uri), this.declaredOf(uri), offset);
  }

  completion(uri: string, offset: number): CompletionCandidate[] {
    const analysis = this.file(uri);
    if (!analysis) return [];
    const { file } = analysis;
    if (file.declarations) {
      const keys = completeDeclarationKey(file.declarations, offset);
      if (keys.length) return keys;
    }
    if (file.mm2?.mode === 'strimzi') return completeStrimziConfigKey(file.text, offset);
    if (file.syntax === 'hcl') return completeTerraformArgument(file.text, offset);
    return file.syntax === 'properties' && file.mm2 ? completeProperties(file.text, file.mm2, offset) : [];
  }

  inlayHints(uri: string, range: OffsetRange): InlayHintData[] {
    const analysis = this.file(uri);
    if (!analysis) return [];
    return [...flowInlayHints(analysis, this.deploymentOf(uri), range), ...declarationInlayHints(this.declaredOf(uri), uri, analysis.file.text, range)];
  }

  symbols(uri: string): SymbolData[] {
    const mm2 = this.file(uri)?.file.mm2;
    return mm2 ? documentSymbols(mm2) : [];
  }

  definition(uri: string, offset: number): OffsetRange[] {
    const analysis = this.file(uri);
    return analysis ? definition(analysis.file, offset) : [];
  }

  references(uri: string, offset: number, includeDeclaration: boolean): OffsetRange[] {
    const analysis = this.file(uri);
    return analysis ? references(analysis.file, offset, includeDeclaration) : [];
  }

  prepareRename(uri: string, offset: number): { alias: string; range: OffsetRange } | undefined {
    const analysis = this.file(uri);
    return analysis && aliasAt(analysis.file, offset);
  }

  rename(uri: string, offset: number, newName: string): RenameResult {
    const analysis = this.file(uri);
    return analysis ? renameAlias(analysis.file, offset, newName) : { error: 'not-an-alias', message: 'Only cluster aliases can be renamed.' };
  }

  /** The fixes of the findings that overlap a range. */
  codeActions(uri: string, range: OffsetRange): CodeActionData[] {
    return this.findings(uri).filter((f) => f.fixes.length > 0 && overlaps(f.range, range)).flatMap((finding) => finding.fixes.map((fix) => ({ fix, finding })));
  }

  automaticFixCount(uri: string): number {
    return this.findings(uri).filter((f) => automaticFix(f)).length;
  }

  /**
   * Fix-all for one file: its automatic fixes applied and re-checked against the rest of the
   * workspace until nothing changes. Other files are not edited.
   */
  fixAll(uri: string): FixAllResult | undefined {
    const source = this.analysis.sources.find((s) => s.uri === uri);
    if (!source || !this.file(uri)) return undefined;
    const others = this.analysis.sources.filter((s) => s.uri !== uri);
    const analyse = (text: string): Finding[] => this.analyzer.analyze([...others, { ...source, text }], this.analysis.settings, { tentative: true }).files.get(uri)?.findings ?? [];
    return fixAll(source.text, analyse);
  }

  /** Fix-all as one minimal edit of the file's text (the editor keeps its cursor and folding), with the titles of the fixes applied. */
  fixAllEdit(uri: string): { edit: TextEdit; applied: string[] } | undefined {
    const result = this.fixAll(uri);
    const source = this.analysis.sources.find((s) => s.uri === uri);
    const edit = result && source && minimalEdit(source.text, result.text);
    return edit && result ? { edit, applied: result.applied } : undefined;
  }

  /** The deployments, clusters, flows and remote topics of the workspace: the tree, the diagram and the CLI's `topology`. */
  topology(): OverviewDeployment[] {
    return this.parts().map(({ overview }) => overview);
  }

  /** The diagram of every deployment, in one Mermaid chart. */
  mermaid(): string {
    return topologyMermaid(this.parts().map(({ part }) => part));
  }

  private parts(): ReturnType<typeof overviewParts> {
    this.overviewCache ??= overviewParts(this.analysis);
    return this.overviewCache;
  }

  /** The clusters a file can preview topics of. */
  previewClusters(uri: string): string[] {
    const deployment = this.deploymentOf(uri) ?? this.declaredOf(uri)[0]?.deployment;
    const own = this.file(uri)?.file.mm2?.clusters.map((c) => c.alias) ?? [];
    return [...new Set([...own, ...(deployment?.replay.clusters ?? [])])];
  }

  /** Where a topic of a cluster ends up (the Preview Remote Topic Names command). */
  preview(uri: string, cluster: string, topic: string): { previews: RemotePreview[]; truncated: boolean } {
    const deployment = this.deploymentOf(uri) ?? this.declaredOf(uri)[0]?.deployment;
    return deployment ? previewRemoteTopics(deployment, cluster, topic) : { previews: [], truncated: false };
  }
}
