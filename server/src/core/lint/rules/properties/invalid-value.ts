import { propertyInfo } from '../../../mm2/catalog';
import { validateListItems, validateValue } from '../../../mm2/values';
import type { Mm2Rule } from '../../types';

export const invalidValue: Mm2Rule = {
  kind: 'mm2',
  meta: {
    id: 'invalid-value',
    group: 'properties',
    description: 'A value that Kafka\'s config validation rejects (wrong type, out of range, not one of the allowed values).',
    defaultSeverity: 'error',
    fixable: true,
    messages: { invalid: '{{problem}}' },
  },
  check({ mm2, file, report, kafka }) {
    for (const setting of mm2.settings) {
      const { shape, lookup } = setting;
      const info = lookup?.kind === 'property' ? lookup.info : lookup?.kind === 'family' ? propertyInfo(lookup.suffix) : undefined;
      if (!info) continue;
      if (shape.scope === 'cluster' && info.owner === 'connector') continue;
      const listProblem = validateListItems(info, setting.value, kafka);
      // Regex syntax is invalid-topic-pattern's; what ConfigDef checks of every list is this rule's.
      const problem = listProblem ?? (info.regexList ? undefined : validateValue(info, setting.value));
      if (!problem) continue;
      report({
        messageId: 'invalid',
        data: { problem: problem.message },
        undecided: listProblem !== undefined && !kafka.configured,
        range: setting.valueRange.end > setting.valueRange.start ? setting.valueRange : setting.keyRange,
        fixes: problem.replacement ? [{ title: `Change to \`${problem.replacement}\``, edits: [file.writer.setValue(setting, problem.replacement)], preferred: true }] : [],
      });
    }
  },
};
