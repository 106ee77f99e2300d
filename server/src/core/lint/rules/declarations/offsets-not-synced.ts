import type { Fix, RelatedLocation, TextEdit } from '../../../base/finding';
import type { EffectiveValue } from '../../../formats/facts';
import type { ConsumerDeclaration } from '../../../formats/yaml/declarationTypes';
import { DEFAULT_GROUPS_EXCLUDE } from '../../../mm2/catalog';
import { configFalse, configTrue } from '../../../mm2/lists';
import type { Declared, DeclaredWorkspace } from '../../../model/declared';
import { effectiveFilter, type FlowModel, type PlacedConnector } from '../../../model/flows';
import { replicates } from '../../../model/replay';
import { effectiveOrDeprecated } from '../../../model/values';
import type { DeclarationRule } from '../../types';
import { literalPattern } from '../replication/topologyEdits';
import { declaredInFile } from './facts';

/** Where the consumer group moves on failover: declared targets, and clusters that declare the same group. */
function failoverTargets(workspace: DeclaredWorkspace, consumer: Declared<ConsumerDeclaration>): { alias: string; explicit: boolean }[] {
  const targets = new Map<string, boolean>();
  for (const target of consumer.decl.failover) targets.set(target.value, true);
  for (const [alias, cluster] of workspace.clusters) {
    if (alias !== consumer.cluster && !targets.has(alias) && cluster.consumers.some((c) => c.decl.group === consumer.decl.group)) targets.set(alias, false);
  }
  return [...targets].filter(([alias]) => alias !== consumer.cluster).map(([alias, explicit]) => ({ alias, explicit }));
}

interface Gap {
  reason: string;
  setting?: EffectiveValue['setting'];
  fix?: Fix;
}

/** A setting of the checkpoint connector, written where that connector reads it, in its file's syntax. */
function checkpointEdit(model: FlowModel, checkpoint: PlacedConnector, property: string, value: string): TextEdit | undefined {
  const edit = checkpoint.file.writer.setFlowValue(model.flow, property, value, 'checkpoint');
  return edit && { ...edit, uri: checkpoint.uri };
}

/** Why the checkpoint connector does not sync a group's offsets into the target, each with its repair. */
function gapsOf(model: FlowModel, checkpoint: PlacedConnector, consumer: ConsumerDeclaration): Gap[] {
  const group = consumer.group;
  const value = (property: string) => checkpoint.view.value(property);
  const gaps: Gap[] = [];
  const fixOf = (title: string, property: string, newValue: string, preferred?: boolean): Fix | undefined => {
    const edit = checkpointEdit(model, checkpoint, property, newValue);
    return edit && { title, edits: [edit], preferred };
  };
  // Offsets are translated through offset syncs: without them the checkpoint connector cannot run (conflicting-settings).
  const offsetSyncs = value('emit.offset-syncs.enabled');
  if (configFalse(offsetSyncs.value)) {
    gaps.push({ reason: `${model.flow.id} emits no offset syncs (\`emit.offset-syncs.enabled = false\`)`, setting: offsetSyncs.setting, fix: fixOf(`Emit offset syncs on ${model.flow.id}`, 'emit.offset-syncs.enabled', 'true') });
  }
  // A group is checkpointed for the partitions the flow replicates only.
  const topics = consumer.topics?.map((t) => t.value) ?? [];
  if (topics.length > 0 && !topics.some((topic) => replicates(model, topic))) {
    gaps.push({ reason: `${model.flow.id} replicates none of the topics it reads (${topics.map((t) => `\`${t}\``).join(', ')}), so it has no checkpoints`, setting: model.topicsSetting });
  }
  const emit = value('emit.checkpoints.enabled');
  if (configFalse(emit.value)) {
    gaps.push({ reason: `${model.flow.id} does not emit checkpoints (\`emit.checkpoints.enabled = false\`)`, setting: emit.setting, fix: fixOf(`Emit checkpoints on ${model.flow.id}`, 'emit.checkpoints.enabled', 'true') });
  }
  const groups = value('groups');
  const exclude = effectiveOrDeprecated(value, 'groups.exclude', 'groups.blacklist', model.kafka);
  // Group filters are topic-name automata: names with other characters are not judged.
  if (/^[a-zA-Z0-9._-]+$/.test(group) && !effectiveFilter(groups.value ?? '.*', exclude.value ?? DEFAULT_GROUPS_EXCLUDE, model.kafka).admits(group)) {
    const included = effectiveFilter(groups.value ?? '.*', '', model.kafka).admits(group);
    gaps.push({
      reason: included ? `${model.flow.id}'s \`groups.exclude\` excludes it` : `${model.flow.id}'s \`groups\` filter does not include it`,
      setting: included ? exclude.setting : groups.setting,
      fix: included ? undefined : fixOf(`Add \`${group}\` to the groups of ${model.flow.id}`, 'groups', `${groups.value ?? ''}, ${literalPattern(group)}`.replace(/^, /, '')),
    });
  }
  const sync = value('sync.group.offsets.enabled');
  if (!configTrue(sync.value)) {
    gaps.push({
      reason: `${model.flow.id} does not sync group offsets (\`sync.group.offsets.enabled\` is ${sync.origin === 'default' ? 'off by default' : `\`${sync.value}\``})`,
      setting: sync.setting,
      fix: fixOf(`Turn on \`sync.group.offsets.enabled\` for ${model.flow.id}`, 'sync.group.offsets.enabled', 'true', true),
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
