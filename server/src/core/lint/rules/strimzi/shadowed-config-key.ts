import { PATTERN_SETTINGS } from '../../../formats/yaml/strimzi';
import type { Mm2Rule } from '../../types';

export const shadowedConfigKey: Mm2Rule = {
  kind: 'mm2',
  modes: ['strimzi'],
  meta: {
    id: 'shadowed-config-key',
    group: 'strimzi',
    description: 'A connector `config` key that Strimzi overwrites with the mirror\'s pattern field.',
    defaultSeverity: 'warning',
    fixable: false,
    messages: { shadowed: '`{{setting}}` in {{role}}.config is overwritten: Strimzi writes the mirror\'s `{{field}}` (`{{pattern}}`) over it, so `{{value}}` is never used. Move the value into `{{field}}` and remove this key.' },
  },
  check({ mm2, report }) {
    for (const resource of mm2.strimzi?.resources ?? []) {
      for (const mirror of resource.mirrors) {
        for (const [fieldName, pattern] of mirror.patterns) {
          const setting = PATTERN_SETTINGS.get(fieldName)!;
          for (const role of ['sourceConnector', 'checkpointConnector'] as const) {
            const shadowed = mirror.connectors[role]?.config.get(setting);
            if (!shadowed) continue;
            report({
              messageId: 'shadowed',
              data: { setting, role, field: fieldName, pattern: pattern.value, value: shadowed.value },
              range: shadowed.keyRange,
              related: [{ range: pattern.valueRange, message: `\`${fieldName}\` wins` }],
            });
          }
        }
      }
    }
  },
};
