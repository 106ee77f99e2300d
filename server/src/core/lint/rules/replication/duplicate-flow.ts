import type { FlowModel } from '../../../model/topology';
import { clusterIdentity } from '../../../model/deployments';
import type { PropertiesRule } from '../../types';

export const duplicateFlow: PropertiesRule = {
  meta: {
    id: 'duplicate-flow',
    description: 'The same flow is run by two MM2 configs of one deployment, so every record is copied twice.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  check({ uri, topology, report }) {
    // The same pair of clusters, recognised by bootstrap servers when known (aliases may differ).
    const side = (model: FlowModel, alias: string): string => {
      const servers = model.config.bootstrapServers(alias);
      return servers && !servers.includes('${') ? clusterIdentity(servers) : `alias:${alias}`;
    };
    const byFlow = new Map<string, FlowModel[]>();
    for (const model of topology.models) {
      const key = `${side(model, model.flow.source)}->${side(model, model.flow.target)}`;
      byFlow.set(key, [...(byFlow.get(key) ?? []), model]);
    }
    for (const models of byFlow.values()) {
      if (models.length < 2) continue;
      const [first, ...others] = models;
      for (const model of others) {
        const anchor = model.enabledEntry ?? model.topicsEntry;
        const firstAnchor = first.enabledEntry ?? first.topicsEntry;
        if (model.uri !== uri || !anchor) continue;
        report({
          message: `Flow ${model.flow.id} is also run by another MM2 config of this deployment: both copy every admitted topic from ${model.flow.source} into the same remote topics in ${model.flow.target}, so consumers get each record twice. Keep the flow in one config.`,
          range: anchor.entry.keyRange,
          related: firstAnchor ? [{ uri: first.uri, range: firstAnchor.entry.keyRange, message: `${first.flow.id} is enabled here too` }] : [],
        });
      }
    }
  },
};
