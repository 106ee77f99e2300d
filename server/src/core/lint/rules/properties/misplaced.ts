import type { Setting } from '../../../formats/facts';
import { propertyRange } from '../../../formats/settings';
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
