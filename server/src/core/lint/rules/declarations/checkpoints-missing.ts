import type { DeclaredWorkspace } from '../../../model/declared';
import type { FlowModel } from '../../../model/flows';
import type { DeclarationRule } from '../../types';
import { checkpointEmissionGaps } from './checkpointGaps';
import { declaredInFile } from './facts';

/** The copies MM2 should checkpoint for a group of `cluster` reading `topics`: per flow, the topic names in its target. */
function expectedCheckpoints(workspace: DeclaredWorkspace, cluster: string, group: string, topics: string[]): Map<FlowModel, string[]> {
  const expected = new Map<FlowModel, string[]>();
  const told = new Map<FlowModel, boolean>();
  // A connector that is told not to checkpoint the group is offsets-not-synced's finding, not a live one.
  const checkpoints = (model: FlowModel): boolean => {
    let answer = told.get(model);
    if (answer === undefined) {
      const gaps = checkpointEmissionGaps(model, model.checkpoint!, group);
      told.set(model, (answer = !gaps.offsetSyncs && !gaps.checkpoints && !gaps.group));
    }
    return answer;
  };
  for (const topic of topics) {
    for (const copy of workspace.copiesOf(cluster, topic)) {
      const model = copy.via;
      if (copy.depth !== 1 || !model?.checkpoint || !checkpoints(model)) continue;
      const names = expected.get(model);
      if (names) names.push(copy.name);
      else expected.set(model, [copy.name]);
    }
  }
  return expected;
}

export const checkpointsMissing: DeclarationRule = {
  kind: 'declarations',
  meta: {
    id: 'checkpoints-missing',
    group: 'declarations',
    description: 'A live snapshot shows a consumer group that MM2 should checkpoint into another cluster, and that cluster holds no checkpoint of it: its offsets cannot be translated on failover.',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      missing: 'Group `{{group}}` has no checkpoint in {{target}} for {{topics}}. {{flow}} replicates what it reads and checkpoints it into `{{checkpointsTopic}}`, but the live snapshot of {{target}} shows none: MM2 is not running, has not seen the group yet (it looks every `refresh.groups.interval.seconds`), or the group\'s offsets are older than any offset sync. After a failover to {{target}} the group starts from its `auto.offset.reset` position.',
    },
  },
  check({ uri, workspace, report }) {
    if (!workspace) return;
    for (const [cluster, consumer] of declaredInFile(workspace, uri, 'consumers')) {
      // Only what a snapshot saw: a group that has committed offsets on topics with records.
      if (!consumer.file.observed || !consumer.decl.topics) continue;
      const unread = new Set(consumer.decl.unread ?? []);
      const topics = consumer.decl.topics.map((t) => t.value).filter((t) => !unread.has(t));
      for (const [model, copies] of expectedCheckpoints(workspace, cluster.alias, consumer.decl.group, topics)) {
        const seen = workspace.clusters.get(model.flow.target)?.checkpoints;
        if (!seen) continue;
        const checkpointsTopic = model.policy.checkpointsTopic(model.sourceAlias);
        const checkpointed = seen.decl.topics.get(checkpointsTopic)?.get(consumer.decl.group);
        const missing = copies.filter((name) => !checkpointed?.has(name));
        if (missing.length === 0) continue;
        const anchor = model.checkpoint?.view.anchor ?? model.anchor;
        report({
          messageId: 'missing',
          data: { group: consumer.decl.group, target: model.flow.target, topics: missing.map((t) => `\`${t}\``).join(', '), flow: model.flow.id, checkpointsTopic },
          range: consumer.decl.groupRange,
          related: [
            { uri: seen.uri, range: seen.decl.keyRange, message: `The checkpoints the snapshot read in ${model.flow.target}` },
            ...(anchor ? [{ uri: model.checkpoint?.uri ?? model.uri, range: anchor.keyRange, message: `${model.flow.id}'s checkpoint connector` }] : []),
          ],
        });
      }
    }
  },
};
