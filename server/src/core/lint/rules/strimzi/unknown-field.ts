import type { PropertiesRule } from '../../types';

const V1BETA2_NAMES: Record<string, string> = {
  connectCluster: 'spec.target (alias, bootstrapServers, groupId, storage topics)',
  clusters: 'spec.target and mirrors[].source',
  sourceCluster: 'mirrors[].source (alias, bootstrapServers)',
  targetCluster: 'spec.target',
  heartbeatConnector: 'a separate KafkaConnector for MirrorHeartbeatConnector',
  topicsBlacklistPattern: 'topicsExcludePattern',
  groupsBlacklistPattern: 'groupsExcludePattern',
};

export const unknownField: PropertiesRule = {
  meta: {
    id: 'unknown-field',
    description: 'A KafkaMirrorMaker2 field that the resource\'s API version does not define.',
    defaultSeverity: 'error',
    fixable: false,
    formats: ['strimzi-yaml'],
  },
  check({ config, report }) {
    for (const resource of config.strimzi?.resources ?? []) {
      for (const field of resource.fields) {
        const replacement = V1BETA2_NAMES[field.name];
        report({
          message: replacement
            ? `\`${field.name}\` is a kafka.strimzi.io/v1beta2 field; kafka.strimzi.io/v1 does not have it, and the API server drops it (or rejects it under strict field validation). Use ${replacement}.`
            : `\`${field.name}\` is not a field of a kafka.strimzi.io/${resource.version} KafkaMirrorMaker2; the API server drops it.`,
          range: field.keyRange,
        });
      }
    }
  },
};
