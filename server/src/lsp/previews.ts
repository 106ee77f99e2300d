import { InlayHintKind, type InlayHint } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PropertiesAnalysis } from '../core/lint/engine';
import { splitList, type ConfigEntry } from '../core/model/config';
import { arrivalPath, flowProducts, literalTopic, previewRemoteTopics, summarise, type RemotePreview } from '../core/service/preview';
import type { Arrival } from '../core/model/replay';
import type { FlowModel } from '../core/model/topology';

/** The flows this file configures (the topology may span the workspace). */
export function ownModels(analysis: PropertiesAnalysis): FlowModel[] {
  return analysis.topology.models.filter((m) => m.uri === analysis.uri);
}

/** `orders` → K2: `K1.orders` → K3: `K2.K1.orders` */
function chainLine(topic: string, origin: string, previews: RemotePreview[]): string {
  if (previews.length === 0) return `- \`${topic}\` of ${origin} is not replicated anywhere`;
  return `- \`${topic}\` of ${origin} → ${previews.map((p) => `${p.cluster}: \`${p.name}\`${p.path.length > 2 ? ` (via ${p.path.slice(1, -1).join(' → ')})` : ''}`).join('; ')}`;
}

/** Markdown for a flow key: what the flow produces in its target, and where literal topics end up. */
export function flowPreviewMarkdown(analysis: PropertiesAnalysis, model: FlowModel): string {
  if (model.filterProblem) return `Remote topics of ${model.flow.id}: unknown — ${model.filterProblem}.`;
  const products = flowProducts(model);
  const lines = [`Remote topics of **${model.flow.id}** (${model.policy.className.split('.').pop()}): ${products.length ? products.map((p) => `\`${p}\``).join(', ') : 'none'}`];
  const literals = model.topics.map(literalTopic).filter((t): t is string => t !== undefined).slice(0, 5);
  for (const topic of literals) lines.push(chainLine(topic, model.flow.source, previewRemoteTopics(analysis.topology, model.flow.source, topic)));
  return lines.join('\n');
}

/** The flows whose effective `topics`/`topics.exclude` value comes from `entry`. */
function flowsUsing(analysis: PropertiesAnalysis, entry: ConfigEntry): FlowModel[] {
  return ownModels(analysis).filter((m) => m.topicsEntry === entry || m.excludeEntry === entry);
}

/** Markdown for a topic filter value under the cursor: the remote names of that element. */
export function topicValuePreviewMarkdown(analysis: PropertiesAnalysis, entry: ConfigEntry, offset: number): string | undefined {
  const item = splitList(entry.entry.value, entry.entry.valueOffsets).find((i) => i.range && offset >= i.range.start && offset <= i.range.end);
  const models = flowsUsing(analysis, entry);
  if (!item || models.length === 0) return undefined;
  const topic = literalTopic(item.item);
  const origins = [...new Set(models.map((m) => m.flow.source))];
  if (topic === undefined) {
    const renamed = models.map((m) => `${m.flow.target}: \`${m.policy.kind === 'identity' ? item.item : `${m.policy.formatRemoteTopic(m.flow.source, '')}${item.item}`}\``);
    return `Topics matching \`${item.item}\` appear as ${renamed.join(', ')}`;
  }
  return [`Where \`${topic}\` ends up:`, ...origins.map((origin) => chainLine(topic, origin, previewRemoteTopics(analysis.topology, origin, topic)))].join('\n');
}

/** One hint per enabled flow, after its `A->B.enabled = true`: what it produces. */
export function inlayHints(document: TextDocument, analysis: PropertiesAnalysis, range: { start: number; end: number }): InlayHint[] {
  const hints: InlayHint[] = [];
  for (const model of ownModels(analysis)) {
    const entry = model.enabledEntry;
    if (!entry || entry.shape.scope !== 'flow') continue;
    // After `A->B.enabled = true` or a connector's class; a Strimzi mirror's `sourceConnector:` key has a map as value.
    const at = analysis.config.format === 'strimzi-yaml' ? entry.entry.keyRange.end + 1 : entry.entry.valueRange.end;
    if (at < range.start || at > range.end) continue;
    const label = model.filterProblem ? `${model.flow.source}→${model.flow.target}: ? (filter not analysable)` : `${model.flow.source}→${model.flow.target}: ${summarise(flowProducts(model))}`;
    const tooltip = model.filterProblem ? `MirrorLint cannot preview this flow: ${model.filterProblem}.` : 'Remote topics this flow creates in its target (MirrorLint preview)';
    hints.push({ position: document.positionAt(at), label: `  ⇒ ${label}`, kind: InlayHintKind.Type, paddingLeft: true, tooltip });
  }
  return hints;
}

/** The declared topics of a declarations file with their cluster and where MM2 copies them (from the declared replay). */
function declaredTopics(analysis: PropertiesAnalysis): { alias: string; name: string; nameRange: { start: number; end: number }; copies: Arrival[] }[] {
  return analysis.declared.flatMap((workspace) =>
    [...workspace.clusters.values()].flatMap((cluster) =>
      cluster.topics
        .filter((t) => t.uri === analysis.uri)
        .map((t) => ({
          alias: cluster.alias,
          name: t.decl.name,
          nameRange: t.decl.nameRange,
          copies: workspace.copiesOf(cluster.alias, t.decl.name),
        }))));
}

const copyText = (arrival: Arrival): string => `${arrival.cluster}: ${arrival.name}`;

/** Markdown for a declared topic under the cursor: its remote copies, cluster by cluster. */
export function declaredTopicPreviewMarkdown(analysis: PropertiesAnalysis, offset: number): string | undefined {
  const topic = declaredTopics(analysis).find((t) => offset >= t.nameRange.start && offset <= t.nameRange.end);
  if (!topic) return undefined;
  const lines = [`**\`${topic.name}\`** in ${topic.alias} — MM2's copies:`];
  if (topic.copies.length === 0) lines.push('- none: no enabled flow replicates it');
  for (const copy of topic.copies) lines.push(`- ${copy.cluster}: \`${copy.name}\` (${arrivalPath(copy).join(' → ')})`);
  return lines.join('\n');
}

/** After each declared topic name: the names of its remote copies. */
export function declarationInlayHints(document: TextDocument, analysis: PropertiesAnalysis, range: { start: number; end: number }): InlayHint[] {
  return declaredTopics(analysis)
    .filter((t) => t.copies.length > 0 && t.nameRange.end >= range.start && t.nameRange.end <= range.end)
    .map((t) => ({
      position: document.positionAt(t.nameRange.end),
      label: ` ⇒ ${summarise(t.copies.map(copyText))}`,
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip: 'Remote copies MM2 creates of this topic (MirrorLint preview)',
    }));
}
