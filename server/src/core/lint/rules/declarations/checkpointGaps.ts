import type { Fix, TextEdit } from '../../../base/finding';
import type { EffectiveValue } from '../../../formats/facts';
import { DEFAULT_GROUPS_EXCLUDE } from '../../../mm2/catalog';
import { configFalse } from '../../../mm2/lists';
import { effectiveFilter, type FlowModel, type PlacedConnector } from '../../../model/flows';
import { effectiveOrDeprecated } from '../../../model/values';
import { literalPattern } from '../replication/topologyEdits';

/** A reason MM2 does not do something for a consumer group, the setting behind it, and its repair. */
export interface Gap {
  reason: string;
  setting?: EffectiveValue['setting'];
  fix?: Fix;
}

/** A setting of the checkpoint connector, written where that connector reads it, in its file's syntax. */
function checkpointEdit(model: FlowModel, checkpoint: PlacedConnector, property: string, value: string): TextEdit | undefined {
  const edit = checkpoint.file.writer.setFlowValue(model.flow, property, value, 'checkpoint');
  return edit && { ...edit, uri: checkpoint.uri };
}

export function checkpointFix(model: FlowModel, checkpoint: PlacedConnector, title: string, property: string, value: string, preferred?: boolean): Fix | undefined {
  const edit = checkpointEdit(model, checkpoint, property, value);
  return edit && { title, edits: [edit], preferred };
}

/**
 * Why the checkpoint connector writes no checkpoints of `group` at all, whatever it reads
 * (MirrorCheckpointTask: offset syncs to translate through, checkpoints on, the group filter).
 */
export function checkpointEmissionGaps(model: FlowModel, checkpoint: PlacedConnector, group: string): { offsetSyncs?: Gap; checkpoints?: Gap; group?: Gap } {
  const value = (property: string) => checkpoint.view.value(property);
  const gaps: { offsetSyncs?: Gap; checkpoints?: Gap; group?: Gap } = {};
  // Offsets are translated through offset syncs: without them the checkpoint connector cannot run (conflicting-settings).
  const offsetSyncs = value('emit.offset-syncs.enabled');
  if (configFalse(offsetSyncs.value)) {
    gaps.offsetSyncs = { reason: `${model.flow.id} emits no offset syncs (\`emit.offset-syncs.enabled = false\`)`, setting: offsetSyncs.setting, fix: checkpointFix(model, checkpoint, `Emit offset syncs on ${model.flow.id}`, 'emit.offset-syncs.enabled', 'true') };
  }
  const emit = value('emit.checkpoints.enabled');
  if (configFalse(emit.value)) {
    gaps.checkpoints = { reason: `${model.flow.id} does not emit checkpoints (\`emit.checkpoints.enabled = false\`)`, setting: emit.setting, fix: checkpointFix(model, checkpoint, `Emit checkpoints on ${model.flow.id}`, 'emit.checkpoints.enabled', 'true') };
  }
  const groups = value('groups');
  const exclude = effectiveOrDeprecated(value, 'groups.exclude', 'groups.blacklist', model.kafka);
  // Group filters are topic-name automata: names with other characters are not judged.
  if (/^[a-zA-Z0-9._-]+$/.test(group) && !effectiveFilter(groups.value ?? '.*', exclude.value ?? DEFAULT_GROUPS_EXCLUDE, model.kafka).admits(group)) {
    const included = effectiveFilter(groups.value ?? '.*', '', model.kafka).admits(group);
    gaps.group = {
      reason: included ? `${model.flow.id}'s \`groups.exclude\` excludes it` : `${model.flow.id}'s \`groups\` filter does not include it`,
      setting: included ? exclude.setting : groups.setting,
      fix: included ? undefined : checkpointFix(model, checkpoint, `Add \`${group}\` to the groups of ${model.flow.id}`, 'groups', `${groups.value ?? ''}, ${literalPattern(group)}`.replace(/^, /, '')),
    };
  }
  return gaps;
}
