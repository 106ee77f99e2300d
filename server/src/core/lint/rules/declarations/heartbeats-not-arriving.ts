import type { SeenHeartbeats } from '../../../formats/yaml/declarationTypes';
import { configFalse } from '../../../mm2/lists';
import type { Declared, DeclaredWorkspace } from '../../../model/declared';
import type { Mm2File } from '../../../model/deployments';
import type { DeclarationRule, Report } from '../../types';
import { clustersInFile } from './facts';

/** A heartbeat is late when it is older than this many emit intervals (and never less than a minute). */
const LATE_INTERVALS = 10;
const LATE_MINIMUM_MS = 60_000;

/** A time span as a message says it: seconds under two minutes, else minutes. */
const duration = (ms: number): string => (ms < 120_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} minutes`);

export const heartbeatsNotArriving: DeclarationRule = {
  kind: 'declarations',
  meta: {
    id: 'heartbeats-not-arriving',
    group: 'declarations',
    description: 'A live snapshot shows no recent heartbeat of an enabled flow in its target cluster (MirrorMaker 2 is not running that flow), or the source\'s heartbeats not arriving in their copy (it is not replicating).',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      none: 'No heartbeat of {{flow}} arrived in {{target}} in the {{window}} before the snapshot. MM2\'s heartbeat connector of {{flow}} writes one into `heartbeats` every {{interval}} s while MM2 runs the flow: MM2 is not running, or not for this pair.',
      late: 'The newest heartbeat of {{flow}} in {{target}} is {{age}} older than the snapshot. MM2\'s heartbeat connector of {{flow}} writes one into `heartbeats` every {{interval}} s while MM2 runs the flow: it stopped, or lags.',
      notReplicated: '{{source}}\'s heartbeats do not arrive in `{{copy}}` in {{target}}. {{source}} received heartbeats in the time read, and {{flow}}\'s source connector copies {{source}}\'s `heartbeats` topic to `{{copy}}` as it copies any topic: it is stopped or failing, or has not found the topic yet (it looks every `refresh.topics.interval.seconds`).',
      replicationLags: '{{source}}\'s heartbeats arrive in `{{copy}}` in {{target}} {{age}} late. {{flow}}\'s source connector copies {{source}}\'s `heartbeats` topic to `{{copy}}` within seconds while it runs: it stopped, or falls behind.',
    },
  },
  check({ uri, workspace, report }) {
    if (!workspace) return;
    for (const cluster of clustersInFile(workspace, uri)) {
      const seen = cluster.heartbeats;
      if (!seen || seen.uri !== uri || seen.file.observedAt === undefined || seen.decl.since === undefined) continue;
      const takenAt = seen.file.observedAt;
      notReplicated(workspace, cluster.alias, seen, report);
      for (const { file, flow, connector } of heartbeatConnectorsInto(workspace.deployment.files, cluster.alias)) {
        const emits = connector.value('emit.heartbeats.enabled');
        const interval = Number(connector.value('emit.heartbeats.interval.seconds').value ?? '1');
        if (configFalse(emits.value) || !Number.isFinite(interval) || interval <= 0) continue;
        const lateAfter = Math.max(LATE_MINIMUM_MS, LATE_INTERVALS * interval * 1000);
        const newest = seen.decl.newest.get(`${flow.source}->${flow.target}`);
        const related = flow.enabledBy ? [{ uri: file.uri, range: flow.enabledBy.keyRange, message: `${flow.id} is enabled here` }] : [];
        const data = { flow: flow.id, target: cluster.alias, interval: String(interval) };
        if (newest === undefined) {
          // Heartbeats older than the time read were not looked at: too short a time says nothing.
          if (takenAt - seen.decl.since >= lateAfter) report({ messageId: 'none', data: { ...data, window: duration(takenAt - seen.decl.since) }, range: seen.decl.keyRange, related });
        } else if (takenAt - newest > lateAfter) {
          report({ messageId: 'late', data: { ...data, age: duration(takenAt - newest) }, range: seen.decl.keyRange, related });
        }
      }
    }
  },
};

/** The heartbeat connectors of enabled, running flows into `target`: those MM2 runs because the flow replicates. */
function* heartbeatConnectorsInto(files: Mm2File[], target: string) {
  const seen = new Set<string>();
  for (const file of files) {
    for (const flow of file.mm2.flows) {
      const connector = flow.connectors.heartbeat;
      // A pair MM2 runs for heartbeats alone may be left to an MM2 node that is not deployed (`--clusters`).
      if (flow.target !== target || flow.source === flow.target || !flow.enabled || flow.dormant || !connector || seen.has(flow.id)) continue;
      seen.add(flow.id);
      yield { file, flow, connector };
    }
  }
}

/**
 * The source connector of an enabled flow replicates the source's `heartbeats` topic like any other
 * (always before Kafka 4.0, else unless `heartbeats.replication.enabled = false`): heartbeats the
 * source received must arrive in the target's copy. Compared within one snapshot, so both times come
 * from the same read; only when the source's own heartbeats show it received some.
 */
function notReplicated(workspace: DeclaredWorkspace, target: string, seen: Declared<SeenHeartbeats>, report: (r: Report) => void): void {
  const checked = new Set<string>();
  for (const model of workspace.deployment.flows) {
    // Two files writing the same flow's connectors: one of them runs it; the flow is checked once.
    if (model.flow.target !== target || !model.replicatesHeartbeats || model.flow.dormant || checked.has(model.flow.id)) continue;
    checked.add(model.flow.id);
    const copy = model.remoteName('heartbeats');
    // Under IdentityReplicationPolicy the copy would be the target's own `heartbeats` topic.
    if (copy === 'heartbeats') continue;
    const source = workspace.clusters.get(model.flow.source)?.heartbeats;
    if (!source || source.uri !== seen.uri) continue;
    const received = Math.max(...source.decl.newest.values());
    if (!Number.isFinite(received)) continue;
    const arrived = seen.decl.copies.get(copy);
    if (arrived !== undefined && received - arrived <= LATE_MINIMUM_MS) continue;
    report({
      messageId: arrived === undefined ? 'notReplicated' : 'replicationLags',
      data: { flow: model.flow.id, source: model.flow.source, target, copy, age: arrived === undefined ? '' : duration(received - arrived) },
      range: seen.decl.keyRange,
      related: [
        { uri: source.uri, range: source.decl.keyRange, message: `The heartbeats ${model.flow.source} received` },
        ...(model.anchor ? [{ uri: model.uri, range: model.anchor.keyRange, message: `${model.flow.id} is enabled here` }] : []),
      ],
    });
  }
}
