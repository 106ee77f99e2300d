import { sawTopic } from '../../../model/declared';
import type { DeclarationRule } from '../../types';
import { clustersInFile } from './facts';

export const orphanRemoteTopic: DeclarationRule = {
  kind: 'declarations',
  meta: {
    id: 'orphan-remote-topic',
    group: 'declarations',
    description: 'A live snapshot shows a remote topic that no flow of the configuration writes any more: its source topic is gone, or the flow\'s filter no longer admits it.',
    defaultSeverity: 'info',
    fixable: false,
    messages: {
      orphan: 'Remote topic `{{name}}` in {{target}} is written by no flow. By its name it is {{source}}\'s `{{upstream}}` replicated by {{flow}}, but {{why}}, so MM2 no longer writes to it: it holds old records only. Delete it once nothing reads it.',
    },
  },
  check({ uri, workspace, report }) {
    if (!workspace) return;
    for (const target of clustersInFile(workspace, uri)) {
      for (const remote of target.observed?.remoteTopics.values() ?? []) {
        if (remote.uri !== uri) continue;
        const name = remote.decl.name;
        for (const model of workspace.deployment.flows) {
          if (model.flow.target !== target.alias || model.policy.topicSource(name) !== model.sourceAlias) continue;
          // MM2's heartbeats travel by their own rule (heartbeats.replication.enabled), not the filter.
          if (model.policy.isHeartbeatsTopic(name)) continue;
          const upstream = model.policy.upstreamTopic(name);
          if (upstream === undefined) continue;
          const sourceHas = sawTopic(workspace.clusters.get(model.flow.source), upstream);
          if (sourceHas === undefined) continue;
          const written = workspace.copiesOf(model.flow.source, upstream).some((copy) => copy.depth === 1 && copy.via === model && copy.name === name);
          if (sourceHas && written) continue;
          const why = sourceHas ? `its topic filter does not admit \`${upstream}\`` : `${model.flow.source} has no topic \`${upstream}\``;
          const setting = model.topicsSetting ?? model.enabledSetting;
          report({
            messageId: 'orphan',
            data: { name, target: target.alias, source: model.flow.source, upstream, flow: model.flow.id, why },
            range: remote.decl.nameRange,
            related: setting ? [{ uri: model.uri, range: setting.valueRange, message: `${model.flow.id}'s topic filter` }] : [],
          });
          break;
        }
      }
    }
  },
};
