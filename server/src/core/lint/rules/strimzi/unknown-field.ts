import type { Mm2Rule } from '../../types';

const V1BETA2_NAMES: Record<string, string> = {
  connectCluster: 'spec.target (alias, bootstrapServers, groupId, storage topics)',
  clusters: 'spec.target and mirrors[].source',
  sourceCluster: 'mirrors[].source (alias, bootstrapServers)',
  targetCluster: 'spec.target',
  heartbeatConnector: 'a separate KafkaConnector for MirrorHeartbeatConnector',
  topicsBlacklistPattern: 'topicsExcludePattern',
  groupsBlacklistPattern: 'groupsExcludePattern',
};

export const unknownField: Mm2Rule = {
  kind: 'mm2',
  modes: ['strimzi'],
  meta: {
    id: 'unknown-field',
    group: 'strimzi',
    description: 'A KafkaMirrorMaker2 field that the resource\'s API version does not define.',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      v1beta2: '`{{field}}` is not a kafka.strimzi.io/v1 field. It exists only in v1beta2; the API server drops it (or rejects it under strict field validation). Use {{replacement}}.',
      unknown: '`{{field}}` is not a field of a kafka.strimzi.io/{{version}} KafkaMirrorMaker2; the API server drops it.',
    },
  },
  check({ mm2, report }) {
    for (const resource of mm2.strimzi?.resources ?? []) {
      for (const field of resource.fields) {
        const replacement = V1BETA2_NAMES[field.name];
        report({ messageId: replacement ? 'v1beta2' : 'unknown', data: { field: field.name, replacement: replacement ?? '', version: resource.version }, range: field.keyRange });
      }
    }
  },
};
