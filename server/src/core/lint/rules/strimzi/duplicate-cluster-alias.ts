import type { FieldFact } from '../../../formats/yaml/strimzi';
import type { Mm2Rule } from '../../types';

export const duplicateClusterAlias: Mm2Rule = {
  kind: 'mm2',
  modes: ['strimzi'],
  meta: {
    id: 'duplicate-cluster-alias',
    group: 'strimzi',
    description: 'Two clusters of one KafkaMirrorMaker2 share an alias.',
    defaultSeverity: 'error',
    fixable: false,
    messages: { twice: 'Alias `{{alias}}` is used for two clusters of this KafkaMirrorMaker2: MM2 cannot tell them apart (remote topic names, checkpoints and cycle detection all key on the alias). Give each cluster its own alias.' },
  },
  check({ mm2, report }) {
    for (const resource of mm2.strimzi?.resources ?? []) {
      // v1beta2 lists its clusters; v1 declares the target and each mirror's source inline, and
      // Strimzi (0.49–0.51) requires all of those to be distinct.
      const declared: FieldFact[] =
        resource.clusters.length > 0
          ? resource.clusters.map((c) => c.alias)
          : [resource.target?.alias, ...resource.mirrors.map((m) => m.source)].filter((a): a is FieldFact => a !== undefined);
      const seen = new Map<string, FieldFact>();
      for (const alias of declared) {
        const first = seen.get(alias.value);
        if (!first) {
          seen.set(alias.value, alias);
          continue;
        }
        report({
          messageId: 'twice',
          data: { alias: alias.value },
          range: alias.valueRange,
          related: [{ range: first.valueRange, message: 'first use' }],
        });
      }
    }
  },
};
