import { excludeOnFlow, literalPattern } from './topologyEdits';
import type { PropertiesRule } from '../../types';

/**
 * Topics that are internal to the platform but that MM2's default excludes (`*.internal`,
 * `*-internal`, `*.replica`, `__*`) do not cover: Schema Registry / Karapace storage, Confluent
 * platform topics and Kafka Connect storage topics named without a suffix.
 */
const WELL_KNOWN = ['_schemas', '_confluent-command', '_confluent-telemetry-metrics', '_confluent-license', 'connect-configs', 'connect-offsets', 'connect-status', 'mirrormaker2-cluster-configs', 'mirrormaker2-cluster-offsets', 'mirrormaker2-cluster-status'];

export const internalTopicsReplicated: PropertiesRule = {
  meta: {
    id: 'internal-topics-replicated',
    description: 'A flow\'s topic filter admits internal topics that MM2\'s default excludes miss (`_schemas`, `_confluent-*`, Connect storage topics).',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check({ uri, topology, report }) {
    // Storage topics a Strimzi resource declares live in its target cluster: flows out of it must not take them.
    const declared = new Map<string, string[]>();
    for (const { config } of topology.configs) {
      for (const resource of config.strimzi?.resources ?? []) {
        const alias = resource.target?.alias?.value;
        if (alias) declared.set(alias, [...(declared.get(alias) ?? []), ...(resource.target?.storageTopics ?? []).map((f) => f.value)]);
      }
    }
    for (const model of topology.models) {
      const anchor = model.enabledEntry ?? model.topicsEntry;
      if (model.uri !== uri || !model.filter || !anchor) continue;
      const candidates = [...new Set([...WELL_KNOWN, ...(declared.get(model.flow.source) ?? [])])];
      const admitted = candidates.filter((name) => model.admits(name) && !model.policy.isInternalTopic(name));
      if (admitted.length === 0) continue;
      const patterns = [...new Set(admitted.map((name) => (name.startsWith('_confluent-') ? '_confluent-.*' : literalPattern(name))))];
      // Properties files get the flow's own topics.exclude; elsewhere the exclude value can only grow in place.
      const exclude = model.excludeEntry;
      const edit = model.config.format === 'properties'
        ? excludeOnFlow(model.config, model, patterns)
        : exclude ? { range: exclude.entry.valueRange, newText: [exclude.entry.value, ...patterns].join(', ') } : undefined;
      report({
        message: `Flow ${model.flow.id} replicates internal topics its excludes do not cover: ${admitted.slice(0, 4).map((n) => `\`${n}\``).join(', ')}${admitted.length > 4 ? ` (+${admitted.length - 4})` : ''}. Mirroring a Schema Registry, Confluent or Connect storage topic into another cluster corrupts that cluster's own copy. Add them to \`topics.exclude\` (keeping MM2's defaults).`,
        range: (model.topicsEntry ?? anchor).entry.keyRange,
        fixes: edit ? [{ title: `Exclude ${patterns.map((p) => `\`${p}\``).join(', ')} on ${model.flow.id}`, edits: [edit] }] : [],
      });
    }
  },
};
