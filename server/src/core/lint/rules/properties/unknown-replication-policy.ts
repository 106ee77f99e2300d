import type { Setting } from '../../../formats/facts';
import type { Mm2Rule } from '../../types';

export const unknownReplicationPolicy: Mm2Rule = {
  kind: 'mm2',
  meta: {
    id: 'unknown-replication-policy',
    group: 'properties',
    description: 'A custom replication policy class: MirrorLint cannot know its naming, so its topology checks assume nothing about it.',
    defaultSeverity: 'info',
    fixable: false,
    messages: { unknown: '`{{policy}}` is not a replication policy MirrorLint knows. Remote topic names are previewed as DefaultReplicationPolicy would make them, and loops through flows using it are reported because MirrorLint cannot tell whether the class prevents them.' },
  },
  check({ uri, deployment, report }) {
    const seen = new Set<Setting>();
    for (const model of deployment.flows) {
      if (model.uri !== uri || model.policy.kind !== 'unknown' || !model.policySetting || seen.has(model.policySetting)) continue;
      seen.add(model.policySetting);
      report({ messageId: 'unknown', data: { policy: model.policy.className }, range: model.policySetting.valueRange });
    }
  },
};
