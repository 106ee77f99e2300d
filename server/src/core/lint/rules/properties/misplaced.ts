import type { Setting } from '../../../formats/facts';
import { propertyRange } from '../../../formats/settings';
import { lookupProperty } from '../../../mm2/catalog';
import { misplacement } from '../../../mm2/catalog/placement';
import type { Fix, Mm2RuleContext } from '../../types';

/**
 * Reports a known Kafka setting written where MM2 does not read it (see mm2/catalog/placement.ts),
 * with the key it should be: `A.max.poll.records` → `A.consumer.max.poll.records`,
 * `A->B.offset.flush.interval.ms` → `B.offset.flush.interval.ms`. Returns whether it reported.
 */
export function reportMisplaced({ mm2, file, report }: Mm2RuleContext, setting: Setting): boolean {
  const { shape } = setting;
  const found = misplacement(shape.property, shape.scope);
  if (!found) return false;
  const property = shape.property;
  const range = propertyRange(setting);
  const firstFlow = mm2.flows.find((f) => f.enabled) ?? mm2.flows[0];
  const target = shape.scope === 'flow' ? shape.target : (firstFlow?.target ?? 'B');
  const dedicated = mm2.mode === 'dedicated';
  switch (found.kind) {
    case 'clientUnderCluster': {
      if (shape.scope !== 'cluster') return false;
      const keys = found.clients.map((client) => `${client}.${property}`);
      const fixes: Fix[] = keys.map((renamed) => ({ title: `Rename to \`${shape.alias}.${renamed}\``, edits: [file.writer.renameProperty(setting, renamed)], preferred: keys.length === 1 }));
      report({ messageId: 'clientUnderCluster', data: { key: setting.key, prefix: `${shape.alias}.`, suggestion: `${shape.alias}.${keys[0]}` }, range, fixes });
      return true;
    }
    case 'workerInConnector': {
      if (!dedicated) {
        report({ messageId: 'workerInConnector', data: { property }, range });
        return true;
      }
      const suggestion = `${target}.${property}`;
      report({ messageId: 'workerInFlow', data: { key: setting.key, suggestion }, range, fixes: [{ title: `Rename to \`${suggestion}\``, edits: [file.writer.replaceName(setting.keyRange, suggestion)], preferred: true }] });
      return true;
    }
    case 'workerAtTop':
      report({ messageId: 'workerAtTop', data: { property, suggestion: `${target}.${property}` }, range });
      return true;
    case 'sourceConnectorAtTop':
      report({ messageId: 'sourceConnectorAtTop', data: { property, suggestion: `${firstFlow?.id ?? 'A->B'}.${property}` }, range });
      return true;
    case 'clientAtTop':
      report({ messageId: 'clientAtTop', data: { property, suggestion: `${mm2.clusters[0]?.alias ?? 'A'}.${found.key}` }, range });
      return true;
    case 'consumerOverride':
      report({ messageId: 'consumerOverride', data: { property }, range });
      return true;
    case 'topicCreation':
      report({ messageId: 'topicCreation', data: { property }, range, harmless: true });
      return true;
  }
}

/**
 * A Strimzi KafkaMirrorMaker2's cluster `config` (`spec.clusters[].config`, `spec.target.config`):
 * Strimzi hands it to the connectors' clients (and, for the Connect cluster, to its workers), so the
 * same names count as under a dedicated-mode `<alias>.` prefix.
 */
export function reportStrimziClusterConfig({ mm2, file, report }: Mm2RuleContext, suggest: (name: string) => string | undefined): void {
  for (const resource of mm2.strimzi?.resources ?? []) {
    const configs = [
      ...[...resource.clusters, ...resource.mirrorSources].map((c) => ({ alias: c.alias.value, config: c.config })),
      ...(resource.target?.alias ? [{ alias: resource.target.alias.value, config: resource.target.config }] : []),
    ];
    for (const { alias, config } of configs) {
      for (const [name, fact] of config) {
        if (lookupProperty(name, 'cluster')) continue;
        const found = misplacement(name, 'cluster');
        if (found?.kind === 'clientUnderCluster') {
          report({ messageId: 'strimziClientInCluster', data: { property: name, alias }, range: fact.keyRange });
          continue;
        }
        const suggestion = suggest(name);
        report({
          messageId: 'strimziUnknownInCluster',
          data: { property: name, alias, suggestion: suggestion ? ` Did you mean \`${suggestion}\`?` : '' },
          range: fact.keyRange,
          fixes: suggestion ? [{ title: `Rename to \`${suggestion}\``, edits: [file.writer.replaceName(fact.keyRange, suggestion)], preferred: true }] : [],
        });
      }
    }
  }
}
