import { DEFAULT_REPLICATION_POLICY } from '../../../mm2/catalog';
import { escapePropertyValue } from '../../../formats/properties/parse';
import type { Cycle } from '../../../model/topology';
import { excludeOnFlow, literalPattern, pathOf, setFlowValue } from './topologyEdits';
import type { Fix, PropertiesRule, RelatedLocation, TextEdit } from '../../types';

/** Why MM2 does not stop this loop, and what to do about it. */
function explain(cycle: Cycle): string {
  const keeping = cycle.models.find((m) => m.policy.kind === 'identity');
  if (keeping) {
    return `${keeping.flow.id} uses IdentityReplicationPolicy, which keeps topic names, so MM2 cannot tell that the topic came from ${cycle.models[0].flow.source}. Use DefaultReplicationPolicy, or make the filters of the loop disjoint.`;
  }
  const unknown = cycle.models.find((m) => m.policy.kind === 'unknown');
  if (unknown) {
    return `${unknown.flow.id} uses \`${unknown.policy.className}\`, a policy MirrorLint does not know; only that class can stop the loop. Check that it does, or use DefaultReplicationPolicy.`;
  }
  const dotted = cycle.models.find((m) => m.flow.source.includes(m.policy.separator) || m.flow.target.includes(m.policy.separator));
  if (dotted) {
    return `An alias contains the separator \`${dotted.policy.separator}\`, so MM2 misreads the source cluster of remote topic names. Rename the alias (see alias-contains-separator).`;
  }
  return 'MM2\'s source check does not recognise the topic\'s origin. Make the filters of the loop disjoint.';
}

export const replicationCycle: PropertiesRule = {
  meta: {
    id: 'replication-cycle',
    description: 'Enabled flows form a loop that MM2 does not stop, so topics are replicated back into their own cluster forever.',
    defaultSeverity: 'error',
    fixable: true,
  },
  check({ uri, topology, report }) {
    for (const cycle of topology.simulation.cycles) {
      // Report each loop once, in the file of the loop flow that the anchor belongs to.
      const first = cycle.models.find((m) => m.uri === uri && (m.enabledEntry ?? m.topicsEntry));
      if (!first || first !== cycle.models.find((m) => m.enabledEntry ?? m.topicsEntry)) continue;
      const last = cycle.models[cycle.models.length - 1];
      const anchor = (first.enabledEntry ?? first.topicsEntry)!;
      const grows = cycle.returnsAs !== cycle.witness;
      const related: RelatedLocation[] = [];
      for (const model of cycle.models) {
        const at = model.uri;
        if (model.enabledEntry && model !== first) related.push({ uri: at, range: model.enabledEntry.entry.keyRange, message: `${model.flow.id} is enabled here` });
        if (model.topicsEntry) related.push({ uri: at, range: model.topicsEntry.entry.valueRange, message: `${model.flow.id} admits \`${cycle.witness}\`` });
        if (model.policyEntry) related.push({ uri: at, range: model.policyEntry.entry.valueRange, message: `${model.flow.id} uses ${model.policy.className.split('.').pop()}` });
      }
      const fixes: Fix[] = [];
      const policyEntries = new Map(cycle.models.filter((m) => m.policy.kind !== 'default' && m.policyEntry).map((m) => [m.policyEntry!, m.uri]));
      if (policyEntries.size) {
        fixes.push({
          title: 'Use DefaultReplicationPolicy (remote topics get a source prefix, which lets MM2 stop the loop)',
          edits: [...policyEntries].map(([entry, at]) => ({ uri: at, range: entry.entry.valueRange, newText: escapePropertyValue(DEFAULT_REPLICATION_POLICY) })),
        });
      }
      const onLast = (edit: TextEdit): TextEdit => ({ ...edit, uri: last.uri });
      const looping = cycle.witness === cycle.returnsAs ? cycle.witness : undefined;
      if (looping) fixes.push({ title: `Exclude \`${looping}\` from ${last.flow.id}`, edits: [onLast(excludeOnFlow(last.config, last, [literalPattern(looping)]))] });
      fixes.push({ title: `Disable flow ${last.flow.id}`, edits: [onLast(setFlowValue(last.config, last, 'enabled', 'false'))] });
      report({
        message: `Replication loop ${pathOf(cycle.models)}: topic \`${cycle.witness}\` of ${first.flow.source} comes back to ${first.flow.source} as \`${cycle.returnsAs}\` and is replicated again${grows ? ', under a longer name each round' : ''}, forever. ${explain(cycle)}`,
        range: anchor.entry.keyRange,
        related,
        fixes,
      });
    }
  },
};

