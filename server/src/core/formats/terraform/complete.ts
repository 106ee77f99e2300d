import type { CompletionCandidate } from '../../base/editor';
import { propertyInfo } from '../../mm2/catalog';
import { describeProperty } from '../../mm2/catalog/describe';
import { FLOW_ARGUMENTS, FLOW_RESOURCE, INTEGRATION_RESOURCE, MIRRORMAKER_RESOURCE, SERVICE_ARGUMENTS } from './aiven';
import { SCHEMA_RESOURCE, TOPIC_RESOURCE } from './declarations';

/** Arguments of the Aiven resources MirrorLint reads that are not MM2 settings, with what the provider's docs say of them. */
const OTHER_ARGUMENTS: Record<string, [string, string][]> = {
  [FLOW_RESOURCE]: [
    ['project', 'The Aiven project.'],
    ['service_name', 'The MirrorMaker 2 service that runs the flow.'],
    ['source_cluster', 'The alias of the cluster topics are copied from (a `cluster_alias` of a `kafka_mirrormaker` integration).'],
    ['target_cluster', 'The alias of the cluster topics are copied to.'],
    ['enable', 'Whether the flow runs.'],
    ['emit_backward_heartbeats_enabled', 'Emit heartbeats to the source cluster too (Aiven; default false).'],
    ['exactly_once_delivery_enabled', 'Exactly-once delivery of the replicated records (Aiven; default false).'],
  ],
  [TOPIC_RESOURCE]: [['project', 'The Aiven project.'], ['service_name', 'The Kafka service that holds the topic.'], ['topic_name', 'The topic name.'], ['partitions', 'Number of partitions.'], ['replication', 'Replication factor.']],
  [SCHEMA_RESOURCE]: [['project', 'The Aiven project.'], ['service_name', 'The Kafka service whose schema registry holds the subject.'], ['subject_name', 'The subject (`<topic>-value` under TopicNameStrategy).'], ['schema', 'The schema text (`file(...)` or a heredoc).'], ['schema_type', '`AVRO` (default), `JSON` or `PROTOBUF`.'], ['compatibility_level', 'The subject\'s compatibility level.']],
  [`${INTEGRATION_RESOURCE}/kafka_mirrormaker_user_config`]: [['cluster_alias', 'The alias MirrorMaker 2 uses for the integrated Kafka service.']],
};

/** The headers (`resource "x" "y"`, `config`) of the blocks open at `offset`, outermost first; strings and comments skipped. */
function openBlocks(text: string, offset: number): { header: string; open: number }[] {
  const stack: { header: string; open: number }[] = [];
  for (let i = 0; i < offset; i++) {
    const ch = text[i];
    if (ch === '"') {
      for (i++; i < offset && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
    } else if (ch === '#' || (ch === '/' && text[i + 1] === '/')) {
      while (i < offset && text[i] !== '\n') i++;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? offset : end + 1;
    } else if (ch === '{') {
      const lineStart = text.lastIndexOf('\n', i - 1) + 1;
      stack.push({ header: text.slice(lineStart, i).trim(), open: i });
    } else if (ch === '}') stack.pop();
  }
  return stack;
}

/** The names written as arguments directly in the block opened at `open`. */
function writtenIn(text: string, open: number): Set<string> {
  const names = new Set<string>();
  let depth = 0;
  let lineStart = open + 1;
  for (let i = open + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{') depth++;
    else if (ch === '}' && depth-- === 0) break;
    if (ch === '\n' || i === text.length - 1) {
      const match = depth === 0 ? /^\s*([A-Za-z_][A-Za-z0-9_-]*)\s*=/.exec(text.slice(lineStart, i + 1)) : null;
      if (match) names.add(match[1]);
      lineStart = i + 1;
    }
  }
  return names;
}

/**
 * Completion of argument names inside the Aiven resources MirrorLint reads: the flow's, the
 * MirrorMaker service's `kafka_mirrormaker` block, the integration's alias, topics and schemas;
 * the MM2 settings among them documented from Kafka's own ConfigDef.
 */
export function completeTerraformArgument(text: string, offset: number): CompletionCandidate[] {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const typed = /^\s*([A-Za-z_][A-Za-z0-9_]*)?$/.exec(text.slice(lineStart, offset));
  if (!typed) return [];
  const blocks = openBlocks(text, offset);
  const resource = blocks.map((b) => /^resource\s+"([^"]+)"/.exec(b.header)?.[1]).find((t) => t !== undefined);
  const inner = blocks[blocks.length - 1];
  if (!resource || !inner) return [];
  const nested = blocks.slice(blocks.findIndex((b) => b.header.startsWith('resource')) + 1).map((b) => b.header).join('.');
  let candidates: [string, string, string | undefined][] = [];
  if (resource === FLOW_RESOURCE && nested === '') candidates = [...OTHER_ARGUMENTS[FLOW_RESOURCE].map(([n, d]): [string, string, undefined] => [n, d, undefined]), ...[...FLOW_ARGUMENTS].map(([n, p]): [string, string, string] => [n, '', p])];
  else if (resource === MIRRORMAKER_RESOURCE && nested === 'kafka_mirrormaker_user_config.kafka_mirrormaker') candidates = [...SERVICE_ARGUMENTS].map(([n, p]) => [n, '', p]);
  else if (resource === INTEGRATION_RESOURCE && nested === 'kafka_mirrormaker_user_config') candidates = OTHER_ARGUMENTS[`${INTEGRATION_RESOURCE}/kafka_mirrormaker_user_config`].map(([n, d]) => [n, d, undefined]);
  else if ((resource === TOPIC_RESOURCE || resource === SCHEMA_RESOURCE) && nested === '') candidates = OTHER_ARGUMENTS[resource].map(([n, d]) => [n, d, undefined]);
  const written = writtenIn(text, inner.open);
  const start = offset - (typed[1]?.length ?? 0);
  return candidates
    .filter(([name]) => !written.has(name))
    .map(([name, doc, property]) => {
      const info = property ? propertyInfo(property) : undefined;
      return {
        label: name,
        kind: 'property' as const,
        detail: property ? `MM2 \`${property}\`` : undefined,
        documentation: info ? describeProperty(info) : doc,
        newText: `${name} = `,
        filterText: name,
        range: { start, end: offset },
      };
    });
}
