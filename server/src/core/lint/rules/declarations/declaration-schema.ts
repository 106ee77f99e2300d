import Ajv, { type ValidateFunction } from 'ajv';
import topologySchema from '../../../../../../schemas/kafka-topology.json';
import workspaceConfigSchema from '../../../../../../schemas/mirrorlint-config.json';
import { checkJavaRegex } from '../../../mm2/patterns/javaRegex';
import { schemaProblems } from '../schemaMessages';
import type { DeclarationRule } from '../../types';

let validators: { topology: ValidateFunction; config: ValidateFunction } | undefined;

function validatorsOnce(): { topology: ValidateFunction; config: ValidateFunction } {
  if (!validators) {
    // verbose: error.parentSchema lists the allowed fields, for "did you mean".
    const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
    validators = { topology: ajv.compile(topologySchema), config: ajv.compile(workspaceConfigSchema) };
  }
  return validators;
}

export const declarationSchema: DeclarationRule = {
  meta: {
    id: 'declaration-schema',
    description: 'A KafkaTopology file or `.mirrorlint.yaml` that does not fit its schema (unknown field, wrong type, missing subject or group, a consumer pattern that is not a Java regex).',
    defaultSeverity: 'error',
    fixable: false,
  },
  check({ file, report }) {
    const { topology, config } = validatorsOnce();
    const validate = file.format === 'workspace-config' ? config : topology;
    const what = file.format === 'workspace-config' ? '.mirrorlint.yaml' : 'KafkaTopology';
    for (const document of file.topologyDocuments) {
      if (document.errors.length > 0) continue; // document-syntax reports it
      if (validate(document.toJS())) continue;
      const fallback = { start: document.range[0], end: document.range[0] };
      for (const { message, range } of schemaProblems(document, validate.errors ?? [], fallback)) report({ message: `${message} (${what})`, range });
    }
    // A subscription pattern the Kafka client could not compile is a broken declaration too.
    for (const consumer of file.sections.flatMap((s) => s.consumers)) {
      const error = consumer.pattern && checkJavaRegex(consumer.pattern.value);
      if (error) report({ message: `The pattern of consumer group \`${consumer.group}\` is not a valid Java regular expression: ${error.message} near index ${error.index}.`, range: consumer.pattern!.range });
    }
  },
};
