import type { Mm2Rule } from '../../types';

export const noReplicationFlows: Mm2Rule = {
  kind: 'mm2',
  modes: ['dedicated'],
  meta: {
    id: 'no-replication-flows',
    group: 'properties',
    description: 'A dedicated-mode file in which no source->target pair is enabled or emits heartbeats, so MirrorMaker refuses to start.',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      none: 'MirrorMaker fails to start: no source->target pair is enabled or emits heartbeats.',
      noClusters: 'MirrorMaker fails to start: `clusters` is not set.',
    },
  },
  check({ mm2, file, report }) {
    // MirrorMaker's constructor: "No source->target replication flows." when clusterPairs() is empty.
    if (mm2.flows.some((flow) => flow.connectors.heartbeat)) return;
    const anchor = mm2.clustersSetting;
    // MirrorMakerConfig: `clusters` has no default, a ConfigException. unknown-cluster offers to declare the aliases used.
    if (!anchor) {
      report({ messageId: 'noClusters', range: { start: 0, end: 0 } });
      return;
    }
    const first = mm2.flows[0];
    const enable = first && file.writer.setFlowValue(first, 'enabled', 'true');
    report({
      messageId: 'none',
      range: anchor.keyRange,
      fixes: enable ? [{ title: `Enable flow ${first.id}`, edits: [enable] }] : [],
    });
  },
};
