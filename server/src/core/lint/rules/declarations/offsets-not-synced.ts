import type { RelatedLocation } from '../../../base/finding';
import type { ConsumerDeclaration } from '../../../formats/yaml/declarationTypes';
import { configTrue } from '../../../mm2/lists';
import type { Declared, DeclaredWorkspace } from '../../../model/declared';
import type { FlowModel, PlacedConnector } from '../../../model/flows';
import { replicates } from '../../../model/replay';
import type { DeclarationRule } from '../../types';
import { checkpointEmissionGaps, checkpointFix, type Gap } from './checkpointGaps';
import { declaredInFile } from './facts';

/** Where the consumer group moves on failover: declared targets, and clusters that declare the same group. */
function failoverTargets(workspace: DeclaredWorkspace, consumer: Declared<ConsumerDeclaration>): { alias: string; explicit: boolean }[] {
  const targets = new Map<string, boolean>();
  for (const target of consumer.decl.failover) targets.set(target.value, true);
  for (const alias of workspace.clustersWithGroup(consumer.decl.group)) if (alias !== consumer.cluster && !targets.has(alias)) targets.set(alias, false);
  return [...targets].filter(([alias]) => alias !== consumer.cluster).map(([alias, explicit]) => ({ alias, explicit }));
}

/** Why the checkpoint connector does not sync a group's offsets into the target, each with its repair. */
function gapsOf(model: FlowModel, checkpoint: PlacedConnector, consumer: ConsumerDeclaration): Gap[] {
  const emission = checkpointEmissionGaps(model, checkpoint, consumer.group);
  const gaps: Gap[] = emission.offsetSyncs ? [emission.offsetSyncs] : [];
  // A group is checkpointed for the partitions the flow replicates only.
  const topics = consumer.topics?.map((t) => t.value) ?? [];
  if (topics.length > 0 && !topics.some((topic) => replicates(model, topic))) {
    gaps.push({ reason: `${model.flow.id} replicates none of the topics it reads (${topics.map((t) => `\`${t}\``).join(', ')}), so it has no checkpoints`, setting: model.topicsSetting });
  }
  if (emission.checkpoints) gaps.push(emission.checkpoints);
  if (emission.group) gaps.push(emission.group);
  const sync = checkpoint.view.value('sync.group.offsets.enabled');
  if (!configTrue(sync.value)) {
    gaps.push({
      reason: `${model.flow.id} does not sync group offsets (\`sync.group.offsets.enabled\` is ${sync.origin === 'default' ? 'off by default' : `\`${sync.value}\``})`,
      setting: sync.setting,
      fix: checkpointFix(model, checkpoint, `Turn on \`sync.group.offsets.enabled\` for ${model.flow.id}`, 'sync.group.offsets.enabled', 'true', true),
    });
  }
  return gaps;
}

export const offsetsNotSynced: DeclarationRule = {
  kind: 'declarations',
  meta: {
    id: 'offsets-not-synced',
    group: 'declarations',
    description: 'A consumer group that fails over to another cluster (or exists in both) whose offsets MM2 does not sync there, so it restarts from its reset policy.',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      noFlow: 'Consumer group `{{group}}` fails over to {{target}}, but no enabled flow replicates {{cluster}} → {{target}}: neither its data nor its offsets reach {{target}}.',
      notSynced: 'Consumer group `{{group}}` in {{cluster}} {{why}}, but MM2 does not sync its offsets there: {{gaps}}. After a failover it restarts from its `auto.offset.reset` position (re-reading or skipping records).',
    },
  },
  check({ uri, workspace, report }) {
    if (!workspace) return;
    for (const [cluster, consumer] of declaredInFile(workspace, uri, 'consumers')) {
      const group = consumer.decl.group;
      for (const target of failoverTargets(workspace, consumer)) {
        const model = workspace.flow(cluster.alias, target.alias);
        if (!model) {
          if (!target.explicit) continue;
          const failover = consumer.decl.failover.find((f) => f.value === target.alias)!;
          report({ messageId: 'noFlow', data: { group, target: target.alias, cluster: cluster.alias }, range: failover.range });
          continue;
        }
        const gaps: Gap[] = model.checkpoint ? gapsOf(model, model.checkpoint, consumer.decl) : [{ reason: `no checkpoint connector runs for ${model.flow.id}` }];
        if (gaps.length === 0) continue;
        const related: RelatedLocation[] = gaps.flatMap((gap) => (gap.setting ? [{ uri: model.checkpoint?.uri ?? model.uri, range: gap.setting.keyRange, message: gap.reason }] : []));
        report({
          messageId: 'notSynced',
          data: { group, cluster: cluster.alias, why: target.explicit ? `fails over to ${target.alias}` : `also exists in ${target.alias}`, gaps: gaps.map((g) => g.reason).join('; ') },
          range: consumer.decl.groupRange,
          related,
          fixes: gaps.flatMap((gap) => (gap.fix ? [gap.fix] : [])),
        });
      }
    }
  },
};
