import type { Mm2Rule } from '../../types';

export const duplicateProperty: Mm2Rule = {
  kind: 'mm2',
  meta: {
    id: 'duplicate-property',
    group: 'properties',
    description: 'The same key is set more than once; MM2 keeps only the last value.',
    defaultSeverity: 'warning',
    fixable: true,
    tags: ['unnecessary'],
    messages: {
      same: '`{{key}}` is set again later with the same value; remove this duplicate.',
      different: '`{{key}}` is set again later: MM2 uses the later value `{{winner}}` and ignores this one (`{{value}}`). Remove one of them.',
    },
  },
  check({ mm2, file, report }) {
    for (const setting of mm2.settings) {
      const winner = setting.overriddenBy;
      if (!setting.overridden || !winner) continue;
      const same = winner.value.trim() === setting.value.trim();
      report({
        messageId: same ? 'same' : 'different',
        data: { key: setting.key, winner: winner.value.trim(), value: setting.value.trim() },
        range: setting.keyRange,
        related: [{ range: winner.keyRange, message: 'This later value wins' }],
        fixes: [{ title: `Remove ignored \`${setting.key}\``, edits: [file.writer.remove(setting)], preferred: same }],
      });
    }
  },
};
