import { DEFAULT_GROUPS_EXCLUDE } from '../../../mm2/catalog';
import type { ConsumerDeclaration } from '../../../formats/yaml/declarationTypes';
import type { Declared, DeclaredWorkspace } from '../../../model/declared';
import { effectiveOrDeprecated, type EffectiveValue } from '../../../model/config';
import { effectiveFilter, type FlowModel } from '../../../model/flows';
import { declaredInFile } from './facts';
import { literalPattern, setFlowValue } from '../replication/topologyEdits';
import type { DeclarationRule, Fix, RelatedLocation, TextEdit } from '../../types';

/** Where the consumer group moves on failover: declared targets, and clusters that declare the same group. */
function failoverTargets(workspace: DeclaredWorkspace, consumer: Declared<ConsumerDeclaration>): { alias: string; explicit: boolean }[] {
  const targets = new Map<string, boolean>();
  for (const target of consumer.decl.failover) targets.set(target.value, true);
  for (const [alias, cluster] of workspace.clusters) {
    if (alias !== consumer.cluster && !targets.has(alias) && cluster.consumers.some((c) => c.decl.group === consumer.decl.group)) targets.set(alias, false);
  }
  return [...targets].filter(([alias]) => alias !== consumer.cluster).map(([alias, explicit]) => ({ alias, explicit }));
}

/** An edit of a flow setting in the MM2 file: any line in properties files; elsewhere only an existing value. */
function flowSettingEdit(model: FlowModel, property: string, value: string, current: EffectiveValue): TextEdit | undefined {
  if (model.config.format === 'properties') return { ...setFlowValue(model.config, model, property, value), uri: model.uri };
  if (current.entry) return { uri: model.uri, range: current.entry.entry.valueRange, newText: value };
  return undefined;
}

interface Gap {
  reason: string;
  entry?: EffectiveValue['entry'];
  fix?: Fix;
}

/**
 * The checkpoint connector's view of a flow setting: in properties files the flow's value; in
 * Strimzi the mirror's `checkpointConnector.config` (the patterns are the mirror's); in Connect
 * mode the MirrorCheckpointConnector config of the same pair, if the workspace has one.
 */
function checkpointSettings(workspace: DeclaredWorkspace, model: FlowModel): ((property: string) => EffectiveValue) | undefined {
  const config = model.config;
  if (config.format === 'connect-json') {
    const checkpoint = workspace.topology.configs.find(({ config: c }) => c.connector === 'MirrorCheckpointConnector' && c.flows.some((f) => f.source === model.flow.source && f.target === model.flow.target));
    return checkpoint ? (property) => checkpoint.config.effective(model.flow, property) : undefined;
  }
  const mirror = config.strimzi?.resources.flatMap((r) => r.mirrors).find((m) => m.flow === model.flow);
  if (mirror && !mirror.connectors.checkpointConnector) return undefined;
  const own = mirror?.connectors.checkpointConnector?.config;
  return (property) => {
    const entry = own?.get(property);
    return entry && !property.startsWith('groups') ? { value: entry.entry.value, origin: 'flow', entry } : config.effective(model.flow, property);
  };
}

function gapsOf(model: FlowModel, group: string, value: (property: string) => EffectiveValue): Gap[] {
  const isFalse = (v: EffectiveValue) => v.value?.trim().toLowerCase() === 'false';
  const gaps: Gap[] = [];
  const emit = value('emit.checkpoints.enabled');
  if (isFalse(emit)) {
    const edit = flowSettingEdit(model, 'emit.checkpoints.enabled', 'true', emit);
    gaps.push({ reason: `${model.flow.id} does not emit checkpoints (\`emit.checkpoints.enabled = false\`)`, entry: emit.entry, fix: edit && { title: `Emit checkpoints on ${model.flow.id}`, edits: [edit] } });
  }
  const groups = value('groups');
  const exclude = effectiveOrDeprecated(value, 'groups.exclude', 'groups.blacklist');
  // Group filters are topic-name automata: names with other characters are not judged.
  if (/^[a-zA-Z0-9._-]+$/.test(group) && !effectiveFilter(groups.value ?? '.*', exclude.value ?? DEFAULT_GROUPS_EXCLUDE).admits(group)) {
    const included = effectiveFilter(groups.value ?? '.*', '').admits(group);
    const edit = included ? undefined : flowSettingEdit(model, 'groups', `${groups.value ?? ''}, ${literalPattern(group)}`.replace(/^, /, ''), groups);
    gaps.push({
      reason: included ? `${model.flow.id}'s \`groups.exclude\` excludes it` : `${model.flow.id}'s \`groups\` filter does not include it`,
      entry: included ? exclude.entry : groups.entry,
      fix: edit && { title: `Add \`${group}\` to the groups of ${model.flow.id}`, edits: [edit] },
    });
  }
  const sync = value('sync.group.offsets.enabled');
  if (sync.value?.trim().toLowerCase() !== 'true') {
    const edit = flowSettingEdit(model, 'sync.group.offsets.enabled', 'true', sync);
    gaps.push({ reason: `${model.flow.id} does not sync group offsets (\`sync.group.offsets.enabled\` is ${sync.origin === 'default' ? 'off by default' : `\`${sync.value}\``})`, entry: sync.entry, fix: edit && { title: `Turn on \`sync.group.offsets.enabled\` for ${model.flow.id}`, edits: [edit], preferred: true } });
  }
  return gaps;
}

export const offsetsNotSynced: DeclarationRule = {
  meta: {
    id: 'offsets-not-synced',
    description: 'A consumer group that fails over to another cluster (or exists in both) whose offsets MM2 does not sync there, so it restarts from its reset policy.',
    defaultSeverity: 'warning',
    fixable: true,
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
          report({
            message: `Consumer group \`${group}\` fails over to ${target.alias}, but no enabled flow replicates ${cluster.alias} → ${target.alias}: neither its data nor its offsets reach ${target.alias}.`,
            range: failover.range,
          });
          continue;
        }
        const settings = checkpointSettings(workspace, model);
        const gaps: Gap[] = settings ? gapsOf(model, group, settings) : [{ reason: `no checkpoint connector runs for ${model.flow.id}` }];
        if (gaps.length === 0) continue;
        const related: RelatedLocation[] = gaps.flatMap((gap) => (gap.entry ? [{ uri: model.uri, range: gap.entry.entry.keyRange, message: gap.reason }] : []));
        const why = target.explicit ? `fails over to ${target.alias}` : `also exists in ${target.alias}`;
        report({
          message: `Consumer group \`${group}\` in ${cluster.alias} ${why}, but MM2 does not sync its offsets there: ${gaps.map((g) => g.reason).join('; ')}. After a failover it restarts from its \`auto.offset.reset\` position (re-reading or skipping records).`,
          range: consumer.decl.groupRange,
          related,
          fixes: gaps.flatMap((gap) => (gap.fix ? [gap.fix] : [])),
        });
      }
    }
  },
};
