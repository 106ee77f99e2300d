import type { ValidateFunction } from 'ajv';
import v1Schema from '../../../../../../schemas/kafkamirrormaker2.v1.json';
import v1beta2Schema from '../../../../../../schemas/kafkamirrormaker2.v1beta2.json';
import type { StrimziVersion } from '../../../formats/yaml/strimzi';
import { documentValue } from '../../../formats/yaml/plainValue';
import { schemaProblems } from '../schemaMessages';
import type { Mm2Rule } from '../../types';
import { compileOwnSchema } from '../../../base/schemas';

const SCHEMAS: Record<StrimziVersion, object> = { v1: v1Schema, v1beta2: v1beta2Schema };
const validators: Partial<Record<StrimziVersion, ValidateFunction>> = {};

/** Compiled once per API version, when a resource of it is first validated: the schemas are large (a cold start pays for one). */
function validatorFor(version: StrimziVersion): ValidateFunction {
  return (validators[version] ??= compileOwnSchema(SCHEMAS[version]));
}

export const strimziSchema: Mm2Rule = {
  kind: 'mm2',
  modes: ['strimzi'],
  meta: {
    id: 'strimzi-schema',
    group: 'strimzi',
    description: 'A KafkaMirrorMaker2 resource that does not fit the schema of its API version (wrong type, missing field, bad alias).',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      schema: '{{problem}} ({{group}}/{{version}} KafkaMirrorMaker2)',
      unsupported: '`{{apiVersion}}` KafkaMirrorMaker2 is not analysed: Strimzi removed that API version.',
    },
  },
  check({ mm2, report }) {
    for (const { apiVersion, range } of mm2.strimzi?.unsupported ?? []) report({ messageId: 'unsupported', data: { apiVersion }, range, atMost: 'warning' });
    for (const resource of mm2.strimzi?.resources ?? []) {
      if (resource.document.errors.length > 0) continue; // document-syntax reports it
      const validate = validatorFor(resource.version);
      const { value, problem } = documentValue(resource.document);
      if (problem) continue; // document-syntax reports it
      const data = value as Record<string, unknown> | null;
      // Event Streams' group carries Strimzi's schema: validate it as Strimzi's.
      if (data && typeof data === 'object' && resource.group !== 'kafka.strimzi.io') data.apiVersion = `kafka.strimzi.io/${resource.version}`;
      if (validate(data)) continue;
      for (const { message, range } of schemaProblems(resource.document, validate.errors ?? [], resource.kindRange)) {
        report({ messageId: 'schema', data: { problem: message, group: resource.group, version: resource.version }, range });
      }
    }
  },
};
