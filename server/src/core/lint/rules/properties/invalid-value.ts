import { propertyInfo } from '../../../mm2/catalog';
import { escapePropertyValue } from '../../../formats/properties/parse';
import { validateValue } from '../../../mm2/values';
import type { PropertiesRule } from '../../types';

export const invalidValue: PropertiesRule = {
  meta: {
    id: 'invalid-value',
    description: 'A value that Kafka\'s config validation rejects (wrong type, out of range, not one of the allowed values).',
    defaultSeverity: 'error',
    fixable: true,
  },
  check({ config, report }) {
    for (const { shape, lookup, entry } of config.entries) {
      const info = lookup?.kind === 'property' ? lookup.info : lookup?.kind === 'family' ? propertyInfo(lookup.suffix) : undefined;
      if (!info) continue;
      if (info.regexList) continue; // invalid-topic-pattern checks regex lists
      if (shape.scope === 'cluster' && info.owner === 'connector') continue;
      const problem = validateValue(info, entry.value);
      if (!problem) continue;
      report({
        message: problem.message,
        range: entry.valueRange.end > entry.valueRange.start ? entry.valueRange : entry.keyRange,
        fixes: problem.replacement
          ? [{ title: `Change to \`${problem.replacement}\``, edits: [{ range: entry.valueRange, newText: escapePropertyValue(problem.replacement) }], preferred: true }]
          : [],
      });
    }
  },
};
