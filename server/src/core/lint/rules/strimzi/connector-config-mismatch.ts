import { propertyInfo } from '../../../mm2/catalog';
import type { PropertiesRule } from '../../types';

/** Settings the source and checkpoint connectors of one mirror must agree on (Strimzi docs, issue #4498). */
const SHARED = ['replication.policy.class', 'replication.policy.separator', 'offset-syncs.topic.location', 'topic.filter.class'];

export const connectorConfigMismatch: PropertiesRule = {
  meta: {
    id: 'connector-config-mismatch',
    description: 'The source and checkpoint connectors of one mirror disagree on naming or offset-sync settings.',
    defaultSeverity: 'error',
    fixable: true,
    formats: ['strimzi-yaml'],
  },
  check({ config, report }) {
    for (const resource of config.strimzi?.resources ?? []) {
      for (const mirror of resource.mirrors) {
        const source = mirror.connectors.sourceConnector;
        const checkpoint = mirror.connectors.checkpointConnector;
        if (!source || !checkpoint) continue;
        for (const key of SHARED) {
          const inSource = source.config.get(key);
          const inCheckpoint = checkpoint.config.get(key);
          const fallback = propertyInfo(key)?.defaultValue ?? '';
          const sourceValue = inSource?.entry.value.trim() ?? fallback;
          const checkpointValue = inCheckpoint?.entry.value.trim() ?? fallback;
          if (sourceValue === checkpointValue) continue;
          const at = inCheckpoint ?? inSource!;
          report({
            message: `\`${key}\` is \`${sourceValue}\` in sourceConnector but \`${checkpointValue}\` in checkpointConnector of mirror ${mirror.source?.value ?? '?'} → ${mirror.target?.value ?? '?'}. The checkpoint connector then looks for remote topics and offset syncs under other names, and offset translation silently does nothing. Set the same value in both.`,
            range: at.entry.keyRange,
            related: inSource && inCheckpoint ? [{ range: inSource.entry.valueRange, message: 'the source connector\'s value' }] : [],
            fixes: inSource && inCheckpoint ? [{ title: `Use \`${sourceValue}\` in checkpointConnector too`, edits: [{ range: inCheckpoint.entry.valueRange, newText: sourceValue }], preferred: true }] : [],
          });
        }
      }
    }
  },
};
