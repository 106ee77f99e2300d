import { closestMatch } from '../../../base/closest';
import type { ValidateFunction } from 'ajv';
import { compileOwnSchema } from '../../../base/schemas';
import topologySchema from '../../../../../../schemas/kafka-topology.json';
import workspaceConfigSchema from '../../../../../../schemas/mirrorlint-config.json';
import { checkJavaRegex } from '../../../mm2/patterns/javaRegex';
import { documentValue } from '../../../formats/yaml/plainValue';
import { schemaProblems } from '../schemaMessages';
import type { DeclarationRule } from '../../types';

let validators: { topology: ValidateFunction; config: ValidateFunction } | undefined;

function validatorsOnce(): { topology: ValidateFunction; config: ValidateFunction } {
  if (!validators) {
    // verbose: error.parentSchema lists the allowed fields, for "did you mean".
    validators = { topology: compileOwnSchema(topologySchema, { verbose: true }), config: compileOwnSchema(workspaceConfigSchema, { verbose: true }) };
  }
  return validators;
}

export const declarationSchema: DeclarationRule = {
  kind: 'declarations',
  meta: {
    id: 'declaration-schema',
    group: 'declarations',
    description: 'A KafkaTopology file or `.mirrorlint.yaml` that does not fit its schema (unknown field, wrong type, missing subject or group, a consumer pattern that is not a Java regex).',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      schema: '{{problem}} ({{what}})',
      pattern: 'The pattern of consumer group `{{group}}` is not a valid Java regular expression: {{error}} near index {{index}}.',
      unknownRule: '`{{rule}}` is not a MirrorLint rule, so this severity applies to nothing.{{suggestion}}',
    },
  },
  check({ file, declarations, ruleIds, report }) {
    const { topology, config } = validatorsOnce();
    const validate = declarations.format === 'workspace-config' ? config : topology;
    const what = declarations.format === 'workspace-config' ? '.mirrorlint.yaml' : 'KafkaTopology';
    for (const document of declarations.topologyDocuments) {
      if (document.errors.length > 0) continue; // document-syntax reports it
      const { value, problem } = documentValue(document);
      if (problem || validate(value)) continue; // document-syntax reports the problem
      const fallback = { start: document.range[0], end: document.range[0] };
      // Misspelt rule ids are reported below, with a suggestion and a fix.
      const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'propertyNames' && e.propertyName === undefined);
      for (const { message, range } of schemaProblems(document, errors, fallback)) report({ messageId: 'schema', data: { problem: message, what }, range });
    }
    // A subscription pattern the Kafka client could not compile is a broken declaration too.
    for (const consumer of declarations.sections.flatMap((s) => s.consumers)) {
      const error = consumer.pattern && checkJavaRegex(consumer.pattern.value);
      if (error) report({ messageId: 'pattern', data: { group: consumer.group, error: error.message, index: error.index }, range: consumer.pattern!.range });
    }
    // Severities for rules that do not exist are mistakes the CLI rejects too: say so where they are written.
    for (const { id, range } of file.mirrorlintConfig?.ruleKeys ?? []) {
      if (ruleIds.has(id)) continue;
      const guess = closestMatch(id, ruleIds);
      report({
        messageId: 'unknownRule',
        data: { rule: id, suggestion: guess ? ` Did you mean \`${guess}\`?` : '' },
        range,
        fixes: guess ? [{ title: `Rename to \`${guess}\``, edits: [file.writer.replaceName(range, guess)], preferred: true }] : [],
      });
    }
  },
};
