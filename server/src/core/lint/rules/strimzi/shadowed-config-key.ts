import { PATTERN_SETTINGS } from '../../../formats/yaml/strimzi';
import type { PropertiesRule } from '../../types';

export const shadowedConfigKey: PropertiesRule = {
  meta: {
    id: 'shadowed-config-key',
    description: 'A connector `config` key that Strimzi overwrites with the mirror\'s pattern field.',
    defaultSeverity: 'warning',
    fixable: false,
    formats: ['strimzi-yaml'],
  },
  check({ config, report }) {
    for (const resource of config.strimzi?.resources ?? []) {
      for (const mirror of resource.mirrors) {
        for (const [fieldName, pattern] of mirror.patterns) {
          const setting = PATTERN_SETTINGS[fieldName];
          for (const role of ['sourceConnector', 'checkpointConnector'] as const) {
            const shadowed = mirror.connectors[role]?.config.get(setting);
            if (!shadowed) continue;
            report({
              message: `\`${setting}\` in ${role}.config is overwritten: Strimzi writes the mirror's \`${fieldName}\` (\`${pattern.value}\`) over it, so \`${shadowed.entry.value}\` is never used. Move the value into \`${fieldName}\` and remove this key.`,
              range: shadowed.entry.keyRange,
              related: [{ range: pattern.valueRange, message: `\`${fieldName}\` wins` }],
            });
          }
        }
      }
    }
  },
};
