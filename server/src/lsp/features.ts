import {
  CodeAction,
  CodeActionKind,
  CompletionItem,
  CompletionItemKind,
  CompletionItemTag,
  Diagnostic,
  DocumentSymbol,
  Hover,
  InsertTextFormat,
  Location,
  MarkupKind,
  SymbolKind,
  TextDocumentEdit,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PropertiesAnalysis } from '../core/lint/engine';
import { complete, type CompletionCandidate } from '../core/formats/properties/complete';
import { describeEffectiveValues, describeFamily, describeProperty } from '../core/service/describe';
import { aliasOccurrences, locate } from '../core/service/locate';
import type { Finding, TextEdit as CoreEdit } from '../core/lint/rules';
import { overlaps } from '../core/base/range';
import { DIAGNOSTIC_SOURCE, toRange, type DocumentResolver } from './convert';
import { declaredTopicPreviewMarkdown, flowPreviewMarkdown, ownModels, topicValuePreviewMarkdown } from './previews';
import { describeKey } from '../core/formats/yaml/schemaSupport';

export function hover(document: TextDocument, analysis: PropertiesAnalysis, offset: number): Hover | null {
  const declared = analysis.declarations && declarationHover(document, analysis, offset);
  if (declared) return declared;
  const { config } = analysis;
  const found = locate(config, offset);
  if (!found) return null;
  let value: string;
  if (found.kind === 'alias') {
    const flows = config.flows.filter((f) => f.source === found.alias || f.target === found.alias);
    const declared = config.clusters.some((c) => c.alias === found.alias);
    const servers = config.bootstrapServers(found.alias);
    value = [
      `**Cluster \`${found.alias}\`**${declared ? '' : ' — not declared in `clusters`'}`,
      servers ? `\nbootstrap.servers: \`${servers}\`` : '',
      flows.length ? `\n${flows.map((f) => `- ${f.id}: ${f.enabled ? 'enabled' : 'disabled'} — ${f.enabledReason}`).join('\n')}` : '',
    ].join('\n');
  } else if (found.kind === 'key') {
    const { shape } = found.entry;
    const lookup = found.lookup;
    const parts: string[] = [];
    if (lookup?.kind === 'property') parts.push(describeProperty(lookup.info));
    else if (lookup?.kind === 'family') parts.push(describeFamily(lookup.family, lookup.suffix));
    else if (lookup?.kind === 'passthrough') parts.push(`**${shape.property}**\n\nKafka client / Connect setting that MM2 passes through.`);
    else parts.push(`**${shape.property}**\n\nNot a setting MirrorMaker 2 reads here.`);
    if (shape.scope === 'flow') {
      const flow = config.flows.find((f) => f.source === shape.source && f.target === shape.target);
      if (flow) {
        const effective = config.effective(flow, shape.property);
        parts.push(`---\nFlow **${flow.id}** is ${flow.enabled ? 'enabled' : 'disabled'} (${flow.enabledReason}).\n\nEffective value on this flow: \`${effective.value ?? '(none)'}\`${found.entry.overridden ? ' (this line is overridden by a later one)' : ''}`);
        const model = ownModels(analysis).find((m) => m.flow.id === flow.id);
        if (model) parts.push(`---\n${flowPreviewMarkdown(analysis, model)}`);
      }
    } else if (shape.scope === 'top' && lookup?.kind === 'property' && lookup.info.owner === 'connector') {
      const table = describeEffectiveValues(config, shape.property);
      if (table) parts.push(`---\nEffective value per enabled flow:\n\n${table}`);
    } else if (shape.scope === 'cluster') {
      parts.push(`---\nApplies to cluster **${shape.alias}**.`);
    }
    value = parts.join('\n\n');
  } else {
    const preview = topicValuePreviewMarkdown(analysis, found.entry, offset);
    if (!preview) return null;
    value = preview;
  }
  return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(document, found.range) };
}

const COMPLETION_KIND: Record<CompletionCandidate['kind'], CompletionItemKind> = {
  property: CompletionItemKind.Property,
  cluster: CompletionItemKind.Module,
  flow: CompletionItemKind.Interface,
  value: CompletionItemKind.Value,
  class: CompletionItemKind.Class,
  prefix: CompletionItemKind.Folder,
};

export function completion(document: TextDocument, analysis: PropertiesAnalysis, offset: number): CompletionItem[] {
  return toCompletionItems(document, complete(analysis.config, offset));
}

export function toCompletionItems(document: TextDocument, candidates: CompletionCandidate[]): CompletionItem[] {
  return candidates.map((candidate) => ({
    label: candidate.label,
    kind: COMPLETION_KIND[candidate.kind],
    detail: candidate.detail,
    documentation: candidate.documentation ? { kind: MarkupKind.Markdown, value: candidate.documentation } : undefined,
    filterText: candidate.filterText,
    sortText: candidate.sortText,
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: { range: toRange(document, candidate.range), newText: candidate.newText },
    tags: undefined as CompletionItemTag[] | undefined,
    command: candidate.kind === 'flow' || candidate.kind === 'cluster' || candidate.kind === 'prefix' ? { title: 'Suggest', command: 'editor.action.triggerSuggest' } : undefined,
  }));
}

/** Declarations files: a topic's remote copies, else the schema's documentation of the key. */
function declarationHover(document: TextDocument, analysis: PropertiesAnalysis, offset: number): Hover | null {
  const preview = declaredTopicPreviewMarkdown(analysis, offset);
  if (preview) return { contents: { kind: MarkupKind.Markdown, value: preview } };
  const described = describeKey(analysis.declarations!, offset);
  return described ? { contents: { kind: MarkupKind.Markdown, value: described.markdown }, range: toRange(document, described.key.range) } : null;
}

/** Edits grouped per file; files other than `document` are resolved (open or on disk) to place them. */
function workspaceEdit(document: TextDocument, edits: CoreEdit[], resolve: DocumentResolver = () => undefined): WorkspaceEdit {
  const byUri = new Map<string, CoreEdit[]>();
  for (const edit of edits) byUri.set(edit.uri ?? document.uri, [...(byUri.get(edit.uri ?? document.uri) ?? []), edit]);
  const documentChanges: TextDocumentEdit[] = [];
  for (const [uri, fileEdits] of byUri) {
    const target = uri === document.uri ? document : resolve(uri);
    if (!target) continue;
    // A file that is not open has no version to check against: null tells the client so.
    const version = uri === document.uri || target.version > 0 ? target.version : null;
    documentChanges.push(TextDocumentEdit.create({ uri, version }, fileEdits.map((edit) => ({ range: toRange(target, edit.range), newText: edit.newText }))));
  }
  return { documentChanges };
}

const sameRange = (a: Range, b: Range): boolean =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

export function codeActions(document: TextDocument, findings: Finding[], range: Range, contextDiagnostics: Diagnostic[], resolve?: DocumentResolver): CodeAction[] {
  const requested = { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
  const actions: CodeAction[] = [];
  for (const finding of findings) {
    if (finding.fixes.length === 0 || !overlaps(finding.range, requested)) continue;
    const findingRange = toRange(document, finding.range);
    const diagnostic = contextDiagnostics.find((d) => d.source === DIAGNOSTIC_SOURCE && d.code === finding.ruleId && sameRange(d.range, findingRange));
    for (const fix of finding.fixes) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: diagnostic ? [diagnostic] : undefined,
        isPreferred: fix.preferred,
        edit: workspaceEdit(document, fix.edits, resolve),
      });
    }
  }
  return actions;
}

export function documentSymbols(document: TextDocument, analysis: PropertiesAnalysis): DocumentSymbol[] {
  const { config } = analysis;
  const symbols: DocumentSymbol[] = [];
  const keySymbol = (configEntryIndex: number, name: string): DocumentSymbol => {
    const { entry } = config.entries[configEntryIndex];
    return {
      name,
      detail: entry.value.length > 60 ? `${entry.value.slice(0, 57)}…` : entry.value,
      kind: SymbolKind.Property,
      range: toRange(document, { start: entry.lineRange.start, end: Math.max(entry.keyRange.end, entry.valueRange.end) }),
      selectionRange: toRange(document, entry.keyRange),
    };
  };
  const seen = new Set<string>();
  for (const cluster of config.clusters) {
    if (seen.has(cluster.alias)) continue;
    seen.add(cluster.alias);
    const children = config.entries.flatMap((e, i) => (e.shape.scope === 'cluster' && e.shape.alias === cluster.alias ? [keySymbol(i, e.shape.property)] : []));
    const range = toRange(document, cluster.range);
    symbols.push({ name: cluster.alias, detail: 'cluster', kind: SymbolKind.Module, range, selectionRange: range, children });
  }
  for (const flow of config.flows) {
    const children = config.entries.flatMap((e, i) => (e.shape.scope === 'flow' && e.shape.source === flow.source && e.shape.target === flow.target ? [keySymbol(i, e.shape.property)] : []));
    if (children.length === 0 && !flow.enabled) continue;
    const first = children[0]?.selectionRange ?? toRange(document, config.clustersEntry?.entry.keyRange ?? { start: 0, end: 0 });
    const last = children[children.length - 1]?.range ?? first;
    symbols.push({
      name: `${flow.source} → ${flow.target}`,
      detail: flow.enabled ? 'flow (enabled)' : 'flow (disabled)',
      kind: SymbolKind.Interface,
      range: { start: first.start, end: last.end },
      selectionRange: first,
      children,
    });
  }
  config.entries.forEach((e, i) => {
    if (e.shape.scope === 'top') symbols.push(keySymbol(i, e.entry.key));
  });
  return symbols;
}

export function definition(document: TextDocument, analysis: PropertiesAnalysis, offset: number): Location[] {
  const found = locate(analysis.config, offset);
  if (found?.kind !== 'alias') return [];
  return analysis.config.clusters.filter((c) => c.alias === found.alias).map((c) => Location.create(document.uri, toRange(document, c.range)));
}

export function references(document: TextDocument, analysis: PropertiesAnalysis, offset: number, includeDeclaration: boolean): Location[] {
  const found = locate(analysis.config, offset);
  if (found?.kind !== 'alias') return [];
  return aliasOccurrences(analysis.config, found.alias)
    .filter((o) => includeDeclaration || !o.isDeclaration)
    .map((o) => Location.create(document.uri, toRange(document, o.range)));
}

export function aliasAt(analysis: PropertiesAnalysis, offset: number): { alias: string; range: { start: number; end: number } } | undefined {
  const found = locate(analysis.config, offset);
  return found?.kind === 'alias' ? { alias: found.alias, range: found.range } : undefined;
}

export function renameAlias(document: TextDocument, analysis: PropertiesAnalysis, alias: string, newName: string): WorkspaceEdit {
  return workspaceEdit(
    document,
    aliasOccurrences(analysis.config, alias).map((o) => ({ range: o.range, newText: newName })),
  );
}
