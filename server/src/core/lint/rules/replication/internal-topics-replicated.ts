import type { Mm2Rule } from '../../types';
import { excludeOnFlow, literalPattern } from './topologyEdits';

/**
 * Topics that are internal to the platform but that MM2's default excludes (`*.internal`,
 * `*-internal`, `*.replica`, `__*`) do not cover: Schema Registry / Karapace storage, Confluent
 * platform topics and Kafka Connect storage topics named without a suffix.
 */
const WELL_KNOWN = ['_schemas', '_confluent-command', '_confluent-telemetry-metrics', '_confluent-license', 'connect-configs', 'connect-offsets', 'connect-status', 'mirrormaker2-cluster-configs', 'mirrormaker2-cluster-offsets', 'mirrormaker2-cluster-status'];

export const internalTopicsReplicated: Mm2Rule = {
  kind: 'mm2',
  meta: {
    id: 'internal-topics-replicated',
    group: 'replication',
    description: 'A flow\'s topic filter admits internal topics that MM2\'s default excludes miss (`_schemas`, `_confluent-*`, Connect storage topics).',
    defaultSeverity: 'warning',
    fixable: true,
    messages: { admitted: 'Flow {{flow}} replicates internal topics its excludes do not cover: {{names}}. Mirroring a Schema Registry, Confluent or Connect storage topic into another cluster corrupts that cluster\'s own copy. Add them to `topics.exclude` (keeping MM2\'s defaults).' },
  },
  check({ uri, deployment, report }) {
    // Storage topics a Strimzi resource declares live in its target cluster: flows out of it must not take them.
    const declared = new Map<string, string[]>();
    for (const { mm2 } of deployment.files) {
      for (const resource of mm2.strimzi?.resources ?? []) {
        const alias = resource.target?.alias?.value;
        if (alias) declared.set(alias, [...(declared.get(alias) ?? []), ...(resource.target?.storageTopics ?? []).map((f) => f.value)]);
      }
    }
    for (const model of deployment.flows) {
      if (model.uri !== uri || !model.filter || !model.anchor) continue;
      const candidates = [...new Set([...WELL_KNOWN, ...(declared.get(model.flow.source) ?? [])])];
      const admitted = candidates.filter((name) => model.admits(name) && !model.policy.isInternalTopic(name));
      if (admitted.length === 0) continue;
      const patterns = [...new Set(admitted.map((name) => (name.startsWith('_confluent-') ? '_confluent-.*' : literalPattern(name))))];
      const edit = excludeOnFlow(model, patterns);
      report({
        messageId: 'admitted',
        data: { flow: model.flow.id, names: `${admitted.slice(0, 4).map((n) => `\`${n}\``).join(', ')}${admitted.length > 4 ? ` (+${admitted.length - 4})` : ''}` },
        range: (model.topicsSetting ?? model.anchor).keyRange,
        fixes: edit ? [{ title: `Exclude ${patterns.map((p) => `\`${p}\``).join(', ')} on ${model.flow.id}`, edits: [edit] }] : [],
      });
    }
  },
};
