import type { ConfigEntry } from '../../../model/config';
import type { PropertiesRule } from '../../types';

export const unknownReplicationPolicy: PropertiesRule = {
  meta: {
    id: 'unknown-replication-policy',
    description: 'A custom replication policy class: MirrorLint cannot know its naming, so its topology checks assume nothing about it.',
    defaultSeverity: 'info',
    fixable: false,
  },
  check({ uri, topology, report }) {
    const seen = new Set<ConfigEntry>();
    for (const model of topology.models) {
      if (model.uri !== uri || model.policy.kind !== 'unknown' || !model.policyEntry || seen.has(model.policyEntry)) continue;
      seen.add(model.policyEntry);
      report({
        message: `\`${model.policy.className}\` is not a replication policy MirrorLint knows. Remote topic names are previewed as DefaultReplicationPolicy would make them, and loops through flows using it are reported because MirrorLint cannot tell whether the class prevents them.`,
        range: model.policyEntry.entry.valueRange,
      });
    }
  },
};
