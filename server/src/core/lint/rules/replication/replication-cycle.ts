import type { Fix, RelatedLocation, TextEdit } from '../../../base/finding';
import type { Setting, Writer } from '../../../formats/facts';
import { DEFAULT_REPLICATION_POLICY } from '../../../mm2/catalog';
import type { Cycle } from '../../../model/replay';
import type { Mm2Rule } from '../../types';
import { pathOf, setOnFlow } from './topologyEdits';

interface PlacedSetting {
  uri: string;
  writer: Writer;
}

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
  const blank = cycle.models.find((m) => m.policy.separator === '' && m.sourceAlias === '');
  if (blank) {
    return `${blank.flow.id} names remote topics with an empty \`source.cluster.alias\` and separator, so they keep their names and MM2 cannot tell where they came from. Make the filters of the loop disjoint.`;
  }
  const dotted = cycle.models.find((m) => m.policy.separator !== '' && (m.flow.source.includes(m.policy.separator) || m.flow.target.includes(m.policy.separator)));
  if (dotted) {
    return `An alias contains the separator \`${dotted.policy.separator}\`, so MM2 misreads the source cluster of remote topic names. Rename the alias (see alias-contains-separator).`;
  }
  return 'MM2\'s source check does not recognise the topic\'s origin. Make the filters of the loop disjoint.';
}

export const replicationCycle: Mm2Rule = {
  kind: 'mm2',
  meta: {
    id: 'replication-cycle',
    group: 'replication',
    description: 'Enabled flows form a loop that MM2 does not stop, so topics are replicated back into their own cluster forever (or, an echo, once).',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      loop: 'Replication loop {{path}}: {{subject}} of {{origin}} {{comes}} back to {{origin}} as `{{returnsAs}}`, again and again{{grows}}. {{why}}',
      echo: 'Replication echo {{path}}: {{subject}} of {{origin}} {{comes}} back to {{origin}} once, as `{{returnsAs}}`. {{why}}',
      dormant: 'Replication loop {{path}} once {{flow}} runs: its source connector is {{state}} now, and then {{subject}} of {{origin}} would come back to {{origin}} as `{{returnsAs}}`, again and again. {{why}}',
    },
  },
  check({ uri, deployment, report }) {
    for (const cycle of deployment.replay.loops()) {
      // Report each loop once, in the file of the loop flow that the anchor belongs to.
      const first = cycle.models.find((m) => m.anchor);
      if (!first?.anchor || first.uri !== uri) continue;
      const last = cycle.models[cycle.models.length - 1];
      const related: RelatedLocation[] = [];
      for (const model of cycle.models) {
        const at = model.uri;
        if (model.enabledSetting && model !== first) related.push({ uri: at, range: model.enabledSetting.keyRange, message: `${model.flow.id} is enabled here` });
        if (model.topicsSetting) related.push({ uri: at, range: model.topicsSetting.valueRange, message: `${model.flow.id} admits \`${cycle.witness}\`` });
        if (model.policySetting) related.push({ uri: at, range: model.policySetting.valueRange, message: `${model.flow.id} uses ${model.policy.className.split('.').pop()}` });
      }
      const fixes: Fix[] = [];
      // The checkpoint connector must name remote topics the same way, or it translates nothing.
      const policies = new Map<Setting, PlacedSetting>();
      for (const model of cycle.models) {
        if (model.policy.kind === 'default') continue;
        if (model.policySetting) policies.set(model.policySetting, { uri: model.uri, writer: model.file.writer });
        const checkpoint = model.checkpoint && model.checkpoint.view.value('replication.policy.class').setting;
        if (checkpoint && model.checkpoint) policies.set(checkpoint, { uri: model.checkpoint.uri, writer: model.checkpoint.file.writer });
      }
      if (policies.size) {
        fixes.push({
          title: 'Use DefaultReplicationPolicy (prefixed remote topics)',
          edits: [...policies].map(([setting, place]): TextEdit => ({ ...place.writer.setValue(setting, DEFAULT_REPLICATION_POLICY), uri: place.uri })),
        });
      }
      const disable = setOnFlow(last, 'enabled', 'false');
      if (disable) fixes.push({ title: `Disable flow ${last.flow.id}`, edits: [disable] });
      const endless = cycle.endless !== false;
      // A leg whose connector is paused or stopped does not loop now: what happens once it runs.
      const dormant = cycle.models.find((m) => m.flow.dormant);
      report({
        messageId: dormant && endless ? 'dormant' : endless ? 'loop' : 'echo',
        data: {
          path: pathOf(cycle.models),
          // A name nobody wrote is an example of what the filters admit, not a topic that exists.
          subject: cycle.named ? `topic \`${cycle.witness}\`` : `a topic such as \`${cycle.witness}\``,
          comes: 'comes',
          origin: first.flow.source,
          returnsAs: cycle.returnsAs,
          grows: cycle.returnsAs !== cycle.witness ? ' under a longer name each round' : '',
          why: explain(cycle),
          flow: dormant?.flow.id ?? '',
          state: dormant?.flow.dormant ?? '',
        },
        range: first.anchor.keyRange,
        related,
        fixes,
        // The copy comes back once and MM2 stops it then: duplicated data, not an endless loop.
        atMost: endless && !dormant ? undefined : 'warning',
      });
    }
  },
};
