import { propertyRange } from '../../../model/config';
import { deleteEntry, renameProperty } from './edits';
import { IDENTITY_REPLICATION_POLICY } from '../../../mm2/catalog';
import type { PropertiesRule, PropertiesRuleContext } from '../../types';

export const deprecatedProperty: PropertiesRule = {
  meta: {
    id: 'deprecated-property',
    description: 'A property that Kafka deprecated or removed, with its replacement.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check({ config, report }) {
    reportStrimziDeprecations(config, report);
    for (const configEntry of config.entries) {
      const { shape, lookup, entry } = configEntry;
      if (lookup?.kind !== 'property' || !lookup.info.deprecated) continue;
      const { info } = lookup;
      const deprecation = info.deprecated!;
      const prefix = config.keyPrefix(shape);
      const range = propertyRange(configEntry);
      const removed = info.removedIn ? ` and removed in Kafka ${info.removedIn}` : '';
      if (!deprecation.replacement) {
        report({ message: `\`${info.name}\` is deprecated since Kafka ${deprecation.since}${removed}. ${deprecation.note}`, range });
        continue;
      }
      const newKey = `${prefix}${deprecation.replacement}`;
      const existing = config.byKey.get(newKey);
      if (existing) {
        report({
          message: `\`${entry.key}\` is deprecated since Kafka ${deprecation.since}${removed}, and MM2 ignores it here because \`${newKey}\` is also set. Remove it.`,
          range,
          related: [{ range: existing.entry.keyRange, message: `\`${newKey}\` takes precedence` }],
          fixes: [{ title: `Remove \`${entry.key}\` (ignored because \`${newKey}\` is set)`, edits: [deleteEntry(configEntry)], preferred: true }],
        });
        continue;
      }
      report({
        message: `\`${entry.key}\` is deprecated since Kafka ${deprecation.since}${removed}: use \`${newKey}\`. ${deprecation.note}`,
        range,
        fixes: [{ title: `Rename to \`${newKey}\``, edits: [renameProperty(configEntry, deprecation.replacement)], preferred: true }],
      });
    }
  },
};

const OLD_IDENTITY = 'io.strimzi.kafka.connect.mirror.IdentityReplicationPolicy';

/** Strimzi's deprecated pattern fields and its old identity policy class. */
function reportStrimziDeprecations(config: PropertiesRuleContext['config'], report: PropertiesRuleContext['report']): void {
  for (const resource of config.strimzi?.resources ?? []) {
    for (const mirror of resource.mirrors) {
      for (const [name, fact] of mirror.patterns) {
        if (!name.includes('Blacklist')) continue;
        const replacement = name.replace('Blacklist', 'Exclude');
        const both = mirror.patterns.get(replacement);
        report({
          message: both
            ? `\`${name}\` is deprecated since Strimzi 0.24 and ignored here because \`${replacement}\` is also set. Remove it.`
            : `\`${name}\` is deprecated since Strimzi 0.24 and gone from kafka.strimzi.io/v1: use \`${replacement}\`.`,
          range: fact.keyRange,
          fixes: both ? [] : [{ title: `Rename to \`${replacement}\``, edits: [{ range: fact.keyRange, newText: replacement }], preferred: true }],
        });
      }
      for (const connector of Object.values(mirror.connectors)) {
        const policy = connector?.config.get('replication.policy.class');
        if (policy?.entry.value.trim() !== OLD_IDENTITY) continue;
        report({
          message: `\`${OLD_IDENTITY}\` was deprecated in Strimzi 0.28 and its plugin is gone from images after 0.45: the connector fails to start. Use Kafka's \`${IDENTITY_REPLICATION_POLICY}\`.`,
          range: policy.entry.valueRange,
          fixes: [{ title: 'Use Kafka\'s IdentityReplicationPolicy', edits: [{ range: policy.entry.valueRange, newText: IDENTITY_REPLICATION_POLICY }], preferred: true }],
        });
      }
    }
  }
}
