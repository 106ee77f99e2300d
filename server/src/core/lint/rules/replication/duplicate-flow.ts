import type { FlowModel } from '../../../model/flows';
import { clusterIdentity } from '../../../model/deployments';
import type { Mm2Rule } from '../../types';

export const duplicateFlow: Mm2Rule = {
  kind: 'mm2',
  meta: {
    id: 'duplicate-flow',
    group: 'replication',
    description: 'The same flow is run by two MM2 configs of one deployment, so every record is copied twice.',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      twice: 'Flow {{flow}} is also run by another MM2 config of this deployment: both copy every admitted topic from {{source}} into the same remote topics in {{target}}, so consumers get each record twice. Keep the flow in one config.',
      variant: 'Flow {{flow}} is defined differently in another config of its MM2 group or resource. Which one runs depends on the group\'s leader.',
    },
  },
  check({ uri, deployment, report }) {
    // The same pair of clusters, recognised by bootstrap servers when known (aliases may differ).
    const side = (model: FlowModel, alias: string): string => {
      const servers = model.mm2.bootstrapServers(alias);
      return servers && !servers.includes('${') ? clusterIdentity(servers) : `alias:${alias}`;
    };
    const byFlow = new Map<string, FlowModel[]>();
    for (const model of deployment.flows) {
      const key = `${side(model, model.flow.source)}->${side(model, model.flow.target)}`;
      const list = byFlow.get(key);
      if (list) list.push(model);
      else byFlow.set(key, [model]);
    }
    for (const models of byFlow.values()) {
      if (models.length < 2) continue;
      const [first, ...others] = models;
      for (const model of others) {
        if (model.uri !== uri || !model.anchor) continue;
        if (model.variantOf) {
          const original = model.variantOf;
          report({
            messageId: 'variant',
            data: { flow: model.flow.id },
            range: model.anchor.keyRange,
            related: original.anchor ? [{ uri: original.uri, range: original.anchor.keyRange, message: `${original.flow.id} as defined there` }] : [],
            harmless: true,
          });
          continue;
        }
        report({
          messageId: 'twice',
          data: { flow: model.flow.id, source: model.flow.source, target: model.flow.target },
          range: model.anchor.keyRange,
          related: first.anchor ? [{ uri: first.uri, range: first.anchor.keyRange, message: `${first.flow.id} is enabled here too` }] : [],
        });
      }
    }
  },
};
