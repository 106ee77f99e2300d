import { replicates } from '../../../model/replay';
import type { FlowModel } from '../../../model/flows';
import type { Mm2Rule } from '../../types';
import { excludeOnFlow, literalPattern } from './topologyEdits';

/**
 * Platform topics that MM2 does not treat as internal (ReplicationPolicy.isInternalTopic) and that
 * its default excludes miss: Schema Registry / Karapace storage, Confluent platform topics and
 * Kafka Connect storage topics named without a suffix.
 */
const WELL_KNOWN = ['_schemas', '_confluent-command', '_confluent-telemetry-metrics', '_confluent-license', 'connect-configs', 'connect-offsets', 'connect-status', 'mirrormaker2-cluster-configs', 'mirrormaker2-cluster-offsets', 'mirrormaker2-cluster-status'];

export const internalTopicsReplicated: Mm2Rule = {
  kind: 'mm2',
  meta: {
    id: 'internal-topics-replicated',
    group: 'replication',
    description: 'A name-keeping flow (Identity, the blank-alias idiom) copies platform topics such as `_schemas` or Connect storage topics into a cluster under the same name.',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      overwrites: 'Flow {{flow}} overwrites internal topics of {{target}}. It copies {{source}}\'s {{names}} into {{target}} under the same name, over {{target}}\'s own.',
      couldOverwrite: 'Flow {{flow}} would copy internal topics into {{target}} under their own names. It copies {{names}} if {{source}} has them.',
    },
  },
  check({ uri, model: workspace, deployment, report }) {
    const declared = workspace.declaredFor(deployment);
    // Storage topics a Strimzi resource declares live in its target cluster.
    const storage = new Map<string, Set<string>>();
    for (const { mm2 } of deployment.files) {
      for (const resource of mm2.strimzi?.resources ?? []) {
        const alias = resource.target?.alias?.value;
        if (alias) for (const topic of resource.target?.storageTopics ?? []) storage.set(alias, (storage.get(alias) ?? new Set()).add(topic.value));
      }
    }
    const inUse = (cluster: string, name: string): boolean => storage.get(cluster)?.has(name) === true || declared?.localTopics(cluster).has(name) === true;
    for (const model of deployment.flows) {
      if (model.uri !== uri || !model.topicFilter.filter || !model.anchor) continue;
      const { source, target } = model.flow;
      // What the source may hold: the well-known names, and the storage topics of Connect clusters there.
      const candidates = [...new Set([...WELL_KNOWN, ...(storage.get(source) ?? [])])];
      // Under a prefixing policy the copy is `A._schemas`, which overwrites nothing.
      const copiedAsIs = candidates.filter((name) => keepsName(model, name) && replicates(model, name));
      if (copiedAsIs.length === 0) continue;
      const clashing = copiedAsIs.filter((name) => inUse(target, name));
      const names = clashing.length ? clashing : copiedAsIs;
      const patterns = [...new Set(names.map((name) => (name.startsWith('_confluent-') ? '_confluent-.*' : literalPattern(name))))];
      const edit = excludeOnFlow(model, patterns);
      report({
        messageId: clashing.length ? 'overwrites' : 'couldOverwrite',
        data: { flow: model.flow.id, source, target, names: `${names.slice(0, 3).map((n) => `\`${n}\``).join(', ')}${names.length > 3 ? ` and ${names.length - 3} more` : ''}` },
        range: (model.topicsSetting ?? model.anchor).keyRange,
        fixes: edit ? [{ title: `Exclude internal topics on ${model.flow.id}`, edits: [edit] }] : [],
        // Nothing in the workspace shows the topics in either cluster: what could happen, at info.
        undecided: clashing.length === 0,
      });
    }
  },
};

/** The flow writes the topic under the name it has: Identity, the blank-alias idiom; an unknown policy may. */
function keepsName(model: FlowModel, name: string): boolean {
  return model.remoteName(name) === name || model.policy.kind === 'unknown';
}
