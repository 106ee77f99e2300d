import type { OffsetRange } from '../base/range';
import { describeFamily, describeProperty } from '../mm2/catalog/describe';
import { describeKey } from '../formats/yaml/schemaSupport';
import type { DeclaredWorkspace } from '../model/declared';
import type { Deployment } from '../model/deployments';
import type { FileAnalysis } from './analysis';
import { describeEffectiveValues } from './describe';
import { locate } from './locate';
import { declaredTopicPreviewMarkdown, flowPreviewMarkdown, ownModels, topicValuePreviewMarkdown } from './previews';

export interface HoverData {
  markdown: string;
  range?: OffsetRange;
}

/** Hover on a declarations file: a topic's remote copies, else the schema's documentation of the key. */
function declarationHover(analysis: FileAnalysis, declared: DeclaredWorkspace[], offset: number): HoverData | undefined {
  const preview = declaredTopicPreviewMarkdown(declared, analysis.uri, offset);
  if (preview) return { markdown: preview };
  const described = analysis.file.declarations && describeKey(analysis.file.declarations, offset);
  return described ? { markdown: described.markdown, range: described.key.range } : undefined;
}

export function hover(analysis: FileAnalysis, deployment: Deployment | undefined, declared: DeclaredWorkspace[], offset: number): HoverData | undefined {
  const fromDeclarations = analysis.file.declarations && declarationHover(analysis, declared, offset);
  if (fromDeclarations) return fromDeclarations;
  const mm2 = analysis.file.mm2;
  const found = mm2 && locate(mm2, offset);
  if (!mm2 || !found) return undefined;
  if (found.kind === 'alias') {
    const flows = mm2.flows.filter((f) => f.source === found.alias || f.target === found.alias);
    const isDeclared = mm2.clusters.some((c) => c.alias === found.alias);
    const servers = mm2.bootstrapServers(found.alias);
    const markdown = [
      `**Cluster \`${found.alias}\`**${isDeclared ? '' : ' — not declared in `clusters`'}`,
      servers ? `\nbootstrap.servers: \`${servers}\`` : '',
      flows.length ? `\n${flows.map((f) => `- ${f.id}: ${f.enabled ? 'enabled' : 'disabled'} — ${f.enabledReason}`).join('\n')}` : '',
    ].join('\n');
    return { markdown, range: found.range };
  }
  if (found.kind === 'value') {
    const preview = topicValuePreviewMarkdown(deployment, analysis.uri, found.setting, offset);
    return preview ? { markdown: preview, range: found.range } : undefined;
  }
  const { shape } = found.setting;
  const lookup = found.lookup;
  const parts: string[] = [];
  if (lookup?.kind === 'property') parts.push(describeProperty(lookup.info));
  else if (lookup?.kind === 'family') parts.push(describeFamily(lookup.family, lookup.suffix));
  else if (lookup?.kind === 'passthrough') parts.push(`**${shape.property}**\n\nKafka client / Connect setting that MM2 passes through.`);
  else parts.push(`**${shape.property}**\n\nNot a setting MirrorMaker 2 reads here.`);
  if (shape.scope === 'flow') {
    const flow = mm2.flows.find((f) => f.source === shape.source && f.target === shape.target);
    if (flow) {
      const effective = mm2.effective(flow, shape.property);
      parts.push(`---\nFlow **${flow.id}** is ${flow.enabled ? 'enabled' : 'disabled'} (${flow.enabledReason}).\n\nEffective value on this flow: \`${effective.value ?? '(none)'}\`${found.setting.overridden ? ' (this line is overridden by a later one)' : ''}`);
      const model = ownModels(deployment, analysis.uri).find((m) => m.flow.id === flow.id);
      if (model && deployment) parts.push(`---\n${flowPreviewMarkdown(deployment, model)}`);
    }
  } else if (shape.scope === 'top' && lookup?.kind === 'property' && lookup.info.owner === 'connector') {
    const table = describeEffectiveValues(mm2, shape.property);
    if (table) parts.push(`---\nEffective value per enabled flow:\n\n${table}`);
  } else if (shape.scope === 'cluster') {
    parts.push(`---\nApplies to cluster **${shape.alias}**.`);
  }
  return { markdown: parts.join('\n\n'), range: found.range };
}
