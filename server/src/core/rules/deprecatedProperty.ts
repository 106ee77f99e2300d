import { propertyRange } from '../model/config';
import { deleteEntry, renameProperty } from './edits';
import type { PropertiesRule } from './types';

export const deprecatedProperty: PropertiesRule = {
  meta: {
    id: 'deprecated-property',
    description: 'A property that Kafka deprecated or removed, with its replacement.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check({ config, report }) {
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
