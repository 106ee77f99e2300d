import type { OffsetRange } from '../base/range';
import type { Setting } from '../formats/facts';
import { splitList } from '../mm2/lists';
import { literalTopic } from '../mm2/patterns/literal';
import type { DeclaredWorkspace } from '../model/declared';
import type { Deployment } from '../model/deployments';
import type { FlowModel } from '../model/flows';
import { arrivalPath, type Arrival } from '../model/replay';
import type { FileAnalysis } from './analysis';
import { flowProducts, previewRemoteTopics, summarise, type RemotePreview } from './preview';

/** An inlay hint, editor-neutral. */
export interface InlayHintData {
  offset: number;
  label: string;
  tooltip: string;
}

/** The flows a file configures (its deployment spans the workspace). */
export function ownModels(deployment: Deployment | undefined, uri: string): FlowModel[] {
  return deployment?.flows.filter((m) => m.uri === uri) ?? [];
}

/** `orders` → K2: `K1.orders` → K3: `K2.K1.orders` */
function chainLine(topic: string, origin: string, previews: RemotePreview[], truncated: boolean): string {
  if (previews.length === 0) return `- \`${topic}\` of ${origin} is not replicated anywhere`;
  return `- \`${topic}\` of ${origin} → ${previews.map((p) => `${p.cluster}: \`${p.name}\`${p.path.length > 2 ? ` (via ${p.path.slice(1, -1).join(' → ')})` : ''}`).join('; ')}${truncated ? '; … (more copies not listed)' : ''}`;
}

function chainOf(deployment: Deployment, origin: string, topic: string): string {
  const { previews, truncated } = previewRemoteTopics(deployment, origin, topic);
  return chainLine(topic, origin, previews, truncated);
}

/** Markdown for a flow key: what the flow produces in its target, and where literal topics end up. */
export function flowPreviewMarkdown(deployment: Deployment, model: FlowModel): string {
  if (model.topicFilter.problem) return `Remote topics of ${model.flow.id}: unknown — ${model.topicFilter.problem}.`;
  const products = flowProducts(model);
  const lines = [`Remote topics of **${model.flow.id}** (${model.policy.className.split('.').pop()}): ${products.length ? products.map((p) => `\`${p}\``).join(', ') : 'none'}`];
  const literals = model.topics.map(literalTopic).filter((t): t is string => t !== undefined).slice(0, 5);
  for (const topic of literals) lines.push(chainOf(deployment, model.flow.source, topic));
  return lines.join('\n');
}

/** Markdown for a topic filter value under the cursor: the remote names of that element. */
export function topicValuePreviewMarkdown(deployment: Deployment | undefined, uri: string, setting: Setting, offset: number): string | undefined {
  const item = splitList(setting.value, setting.valueOffsets).find((i) => i.range && offset >= i.range.start && offset <= i.range.end);
  const models = ownModels(deployment, uri).filter((m) => m.topicsSetting === setting || m.excludeSetting === setting);
  if (!item || models.length === 0 || !deployment) return undefined;
  const topic = literalTopic(item.item);
  const origins = [...new Set(models.map((m) => m.flow.source))];
  if (topic === undefined) {
    const renamed = models.map((m) => `${m.flow.target}: \`${m.policy.kind === 'identity' ? item.item : `${m.remoteName('')}${item.item}`}\``);
    return `Topics matching \`${item.item}\` appear as ${renamed.join(', ')}`;
  }
  return [`Where \`${topic}\` ends up:`, ...origins.map((origin) => chainOf(deployment, origin, topic))].join('\n');
}

/** One hint per enabled flow of the file, after the setting that enables it: what it produces. */
export function flowInlayHints(analysis: FileAnalysis, deployment: Deployment | undefined, range: OffsetRange): InlayHintData[] {
  const hints: InlayHintData[] = [];
  for (const model of ownModels(deployment, analysis.uri)) {
    const setting = model.enabledSetting;
    if (!setting || setting.shape.scope !== 'flow') continue;
    // After `A->B.enabled = true` or a connector's class; a Strimzi mirror's `sourceConnector:` key has a map as value.
    const at = analysis.file.syntax === 'yaml' ? endOfLine(analysis.file.text, setting.keyRange.end) : setting.valueRange.end;
    if (at < range.start || at > range.end) continue;
    const label = model.topicFilter.problem ? `${model.flow.source}→${model.flow.target}: ? (filter not analysable)` : `${model.flow.source}→${model.flow.target}: ${summarise(flowProducts(model))}`;
    const tooltip = model.topicFilter.problem ? `MirrorLint cannot preview this flow: ${model.topicFilter.problem}.` : 'Remote topics this flow creates in its target (MirrorLint preview)';
    hints.push({ offset: at, label: `  ⇒ ${label}`, tooltip });
  }
  return hints;
}

interface DeclaredTopicCopies {
  alias: string;
  name: string;
  nameRange: OffsetRange;
  copies: Arrival[];
}

/** The declared topics of a declarations file with their cluster and where MM2 copies them. */
function declaredTopics(declared: DeclaredWorkspace[], uri: string): DeclaredTopicCopies[] {
  return declared.flatMap((workspace) =>
    [...workspace.clusters.values()].flatMap((cluster) =>
      cluster.topics
        .filter((t) => t.uri === uri)
        .map((t) => ({ alias: cluster.alias, name: t.decl.name, nameRange: t.decl.nameRange, copies: workspace.copiesOf(cluster.alias, t.decl.name) }))));
}

/** Markdown for a declared topic under the cursor: its remote copies, cluster by cluster. */
export function declaredTopicPreviewMarkdown(declared: DeclaredWorkspace[], uri: string, offset: number): string | undefined {
  const topic = declaredTopics(declared, uri).find((t) => offset >= t.nameRange.start && offset <= t.nameRange.end);
  if (!topic) return undefined;
  const lines = [`**\`${topic.name}\`** in ${topic.alias} — MM2's copies:`];
  if (topic.copies.length === 0) lines.push('- none: no enabled flow replicates it');
  for (const copy of topic.copies) lines.push(`- ${copy.cluster}: \`${copy.name}\` (${arrivalPath(copy).join(' → ')})`);
  return lines.join('\n');
}

/**
 * Where a hint goes on a YAML line: at its end, after the value and any comment — a hint between a
 * key and its colon or value reads as broken YAML.
 */
function endOfLine(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  let end = newline < 0 ? text.length : newline;
  while (end > offset && /\s/.test(text[end - 1])) end--;
  return end;
}

/** At the end of each declared topic's line: the names of its remote copies. */
export function declarationInlayHints(declared: DeclaredWorkspace[], uri: string, text: string, range: OffsetRange): InlayHintData[] {
  return declaredTopics(declared, uri)
    .filter((t) => t.copies.length > 0 && t.nameRange.end >= range.start && t.nameRange.end <= range.end)
    .map((t) => ({ offset: endOfLine(text, t.nameRange.end), label: `  ⇒ ${summarise(t.copies.map((a) => `${a.cluster}: ${a.name}`))}`, tooltip: 'Remote copies MM2 creates of this topic (MirrorLint preview)' }));
}
