import type { ConnectorView, Flow, Mm2Facts, Setting } from '../../../formats/facts';
import { releasedBy } from '../../../mm2/versions';
import type { Mm2Rule, Mm2RuleContext } from '../../types';

/** The release whose validation these checks were compared with (test/kafka); older ones are not claimed. */
const CHECKED_FROM = '3.9';

interface Rejection {
  messageId: 'checkpointsOff' | 'offsetSyncsOff' | 'offsetSyncsConfigured' | 'exactlyOnce';
  /** The setting the connector rejects. */
  setting: Setting;
  /** The setting it clashes with, when there is one. */
  other?: Setting;
  flow: Flow;
}

/**
 * MirrorCheckpointConfig.validate and MirrorSourceConnector.validateEmitOffsetSyncConfigs compare
 * raw strings: only a value written exactly `false` counts, and an unset `enabled` is "true".
 */
const exactlyFalse = (view: ConnectorView, property: string): Setting | undefined => {
  const effective = view.value(property);
  return effective.value === 'false' ? effective.setting : undefined;
};

/** What a Mirror connector's own validation rejects, per flow of the file (every herder pair's connectors in dedicated mode). */
function rejections(mm2: Mm2Facts): Rejection[] {
  const found: Rejection[] = [];
  for (const flow of mm2.flows) {
    // Dedicated mode creates all three connectors for every herder pair (the heartbeat view marks one), with one base config.
    const herder = flow.connectors.heartbeat;
    const checkpoint = flow.connectors.checkpoint ?? (mm2.mode === 'dedicated' ? herder : undefined);
    const source = flow.connectors.source ?? (mm2.mode === 'dedicated' ? herder : undefined);
    if (checkpoint && checkpoint.value('enabled').value !== 'false') {
      const checkpointsOff = exactlyFalse(checkpoint, 'emit.checkpoints.enabled');
      if (checkpointsOff) found.push({ messageId: 'checkpointsOff', setting: checkpointsOff, flow });
      const offsetSyncsOff = exactlyFalse(checkpoint, 'emit.offset-syncs.enabled');
      if (offsetSyncsOff) found.push({ messageId: 'offsetSyncsOff', setting: offsetSyncsOff, flow });
    }
    if (source) {
      const offsetSyncsOff = exactlyFalse(source, 'emit.offset-syncs.enabled');
      const configured = offsetSyncsOff && offsetSyncSettings(mm2, flow)[0];
      if (offsetSyncsOff && configured) found.push({ messageId: 'offsetSyncsConfigured', setting: offsetSyncsOff, other: configured, flow });
      const exactlyOnce = source.value('exactly.once.support');
      if (exactlyOnce.value === 'required' && exactlyOnce.setting && isolationLevel(mm2, flow, source) !== 'read_committed') found.push({ messageId: 'exactlyOnce', setting: exactlyOnce.setting, flow });
    }
  }
  return found;
}

/**
 * The source consumer's `isolation.level` as MirrorConnectorConfig.sourceConsumerConfig builds it:
 * `consumer.*` keys, then `source.consumer.*` ones — which in dedicated mode also come from the
 * source cluster's `A.consumer.*` (a flow's own keys win).
 */
function isolationLevel(mm2: Mm2Facts, flow: Flow, source: ConnectorView): string | undefined {
  const own = (property: string): string | undefined => {
    const effective = source.value(property);
    return effective.origin === 'flow' ? effective.value : undefined;
  };
  const cluster = mm2.mode === 'dedicated' ? mm2.byKey.get(`${flow.source}.consumer.isolation.level`)?.value : undefined;
  return own('source.consumer.isolation.level') ?? cluster ?? own('consumer.isolation.level');
}

/**
 * The keys of a flow's source connector config that configure offset syncs (`offset-syncs.topic.*`,
 * `offset-syncs-<role>.*`). In dedicated mode the connector gets every `A->B.` key and the top-level
 * keys that are connector settings (connectorBaseConfig).
 */
function offsetSyncSettings(mm2: Mm2Facts, flow: Flow): Setting[] {
  const isOffsetSyncKey = (property: string): boolean => property.startsWith('offset-syncs.topic.') || property.startsWith('offset-syncs-');
  return mm2.settings.filter((s) => {
    if (s.overridden || !isOffsetSyncKey(s.shape.property)) return false;
    if (s.shape.scope === 'flow') return s.shape.source === flow.source && s.shape.target === flow.target;
    return s.shape.scope === 'top' && s.lookup?.kind === 'property';
  });
}

export const conflictingSettings: Mm2Rule = {
  kind: 'mm2',
  meta: {
    id: 'conflicting-settings',
    group: 'properties',
    description: 'Settings that a Mirror connector\'s own validation rejects together, so MM2 does not create or update that connector.',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      checkpointsOff: 'MirrorCheckpointConnector rejects `emit.checkpoints.enabled = false`: MM2 does not create or update it for {{flows}}.',
      offsetSyncsOff: 'MirrorCheckpointConnector rejects `emit.offset-syncs.enabled = false` while it is enabled: MM2 does not create or update it for {{flows}}.',
      offsetSyncsConfigured: 'MirrorSourceConnector rejects this `emit.offset-syncs.enabled = false`. With `{{other}}` set, MM2 does not create or update it for {{flows}}.',
      exactlyOnce: 'MirrorSourceConnector rejects `exactly.once.support = required` here. Its source consumer does not read `read_committed`, so MM2 does not create or update it for {{flows}}.',
    },
  },
  check(context) {
    const { mm2, file, report, kafka } = context;
    const byCause = new Map<string, Rejection[]>();
    for (const rejection of rejections(mm2)) {
      const key = `${rejection.messageId}\u0000${rejection.setting.keyRange.start}`;
      byCause.set(key, [...(byCause.get(key) ?? []), rejection]);
    }
    for (const group of byCause.values()) {
      const [{ messageId, setting, other }] = group;
      const flows = group.map((r) => r.flow.id).join(', ');
      reportRejection(report, {
        messageId,
        setting,
        other,
        flows,
        removal: messageId === 'offsetSyncsConfigured' && other ? other : setting,
        // Adding the isolation level is the repair there, not removing the requirement.
        noFix: messageId === 'exactlyOnce',
        writer: file.writer,
        undecided: !releasedBy(kafka, CHECKED_FROM),
      });
    }
  },
};

function reportRejection(
  report: Mm2RuleContext['report'],
  { messageId, setting, other, flows, removal, writer, undecided, noFix }: { messageId: Rejection['messageId']; setting: Setting; other?: Setting; flows: string; removal: Setting; writer: Mm2RuleContext['file']['writer']; undecided: boolean; noFix?: boolean },
): void {
  report({
    messageId,
    data: { flows, other: other?.key ?? '' },
    range: setting.valueRange.end > setting.valueRange.start ? setting.valueRange : setting.keyRange,
    related: other ? [{ range: other.keyRange, message: `\`${other.key}\` configures offset syncs` }] : [],
    fixes: noFix ? [] : [{ title: `Remove \`${removal.key}\``, edits: [writer.remove(removal)] }],
    undecided,
  });
}
