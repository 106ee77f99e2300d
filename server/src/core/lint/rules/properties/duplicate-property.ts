import { deleteEntry } from './edits';
import type { PropertiesRule } from '../../types';

export const duplicateProperty: PropertiesRule = {
  meta: {
    id: 'duplicate-property',
    description: 'The same key is set more than once; MM2 keeps only the last value.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check({ config, report }) {
    for (const configEntry of config.entries) {
      const winner = configEntry.overriddenBy;
      if (!configEntry.overridden || !winner) continue;
      const same = winner.entry.value.trim() === configEntry.entry.value.trim();
      report({
        message: same
          ? `\`${configEntry.entry.key}\` is set again later with the same value; remove this duplicate.`
          : `\`${configEntry.entry.key}\` is set again later: MM2 uses the later value \`${winner.entry.value.trim()}\` and ignores this one (\`${configEntry.entry.value.trim()}\`). Remove one of them.`,
        range: configEntry.entry.keyRange,
        related: [{ range: winner.entry.keyRange, message: 'This later value wins' }],
        fixes: [{ title: `Remove this ignored \`${configEntry.entry.key}\``, edits: [deleteEntry(configEntry)], preferred: same }],
      });
    }
  },
};
