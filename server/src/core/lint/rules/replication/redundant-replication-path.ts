import type { Arrival } from '../../../model/replay';
import type { Mm2Rule } from '../../types';
import { pathOf } from './topologyEdits';

const MAX_REPORTS = 50;

export const redundantReplicationPath: Mm2Rule = {
  kind: 'mm2',
  meta: {
    id: 'redundant-replication-path',
    group: 'replication',
    description: 'The same data reaches a cluster by two paths, under two names.',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      twice: '{{cluster}} receives topic `{{topic}}` of {{origin}} twice: as `{{first}}` ({{firstPath}}) and as `{{second}}` ({{secondPath}}). Consumers see the same records under two names and MM2 copies them twice. Exclude remote topics on {{flow}} or remove a path.',
      twiceExample: '{{cluster}} receives topics of {{origin}} twice: a topic such as `{{topic}}` arrives as `{{first}}` ({{firstPath}}) and as `{{second}}` ({{secondPath}}). Consumers see the same records under two names and MM2 copies them twice. Exclude remote topics on {{flow}} or remove a path.',
    },
  },
  check({ uri, deployment, report }) {
    const groups = new Map<string, Arrival[]>();
    for (const arrival of deployment.replay.sampleArrivals()) {
      const key = `${arrival.cluster}\u0000${arrival.origin}\u0000${arrival.originTopic}`;
      const list = groups.get(key);
      if (list) list.push(arrival);
      else groups.set(key, [arrival]);
    }
    const reported = new Set<string>();
    let count = 0;
    for (const arrivals of groups.values()) {
      const names = [...new Map(arrivals.map((a) => [a.name, a])).values()];
      if (names.length < 2 || count >= MAX_REPORTS) continue;
      const [direct, other] = [...names].sort((a, b) => a.depth - b.depth);
      const model = other.via!;
      // Two writings of one flow (variants) are not two paths: one of them runs.
      const variants = (a: Arrival, b: Arrival): boolean => a.depth === b.depth && a.hops.every((h, i) => h.model === b.hops[i].model || h.model.variantOf === b.hops[i].model || b.hops[i].model.variantOf === h.model);
      if (variants(direct, other)) continue;
      const key = `${model.flow.id}\u0000${direct.origin}`;
      if (model.uri !== uri || reported.has(key) || !model.anchor) continue;
      reported.add(key);
      count++;
      report({
        // Nobody named the topic: it is an example the filters admit, not a fact.
        messageId: deployment.replay.isNamed(direct.origin, direct.originTopic) ? 'twice' : 'twiceExample',
        data: { cluster: direct.cluster, topic: direct.originTopic, origin: direct.origin, first: direct.name, firstPath: pathOf(direct.hops.map((h) => h.model)), second: other.name, secondPath: pathOf(other.hops.map((h) => h.model)), flow: model.flow.id },
        range: model.anchor.keyRange,
      });
    }
  },
};
