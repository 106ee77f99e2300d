import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import v1Schema from '../../../../schemas/kafkamirrormaker2.v1.json';
import v1beta2Schema from '../../../../schemas/kafkamirrormaker2.v1beta2.json';
import type { ResourceFact, StrimziVersion } from '../sources/strimziYaml';
import type { OffsetRange } from '../text/range';
import type { PropertiesRule } from './types';

let validators: Record<StrimziVersion, ValidateFunction> | undefined;

/** Compiled once: the schemas are large and every keystroke validates. */
function validatorFor(version: StrimziVersion): ValidateFunction {
  if (!validators) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    validators = { v1: ajv.compile(v1Schema), v1beta2: ajv.compile(v1beta2Schema) };
  }
  return validators[version];
}

const pathOf = (instancePath: string): (string | number)[] =>
  instancePath.split('/').slice(1).map((part) => (/^\d+$/.test(part) ? Number(part) : part.replace(/~1/g, '/').replace(/~0/g, '~')));

const display = (path: (string | number)[]): string =>
  path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part), '') || 'the resource';

function readable(error: ErrorObject, where: string, value: unknown): string {
  const shown = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value ?? null);
  switch (error.keyword) {
    case 'type':
      return `\`${where}\` must be ${error.params.type === 'integer' ? 'a whole number' : `of type ${String(error.params.type).replace(',', ' or ')}`}, not ${shown}.`;
    case 'required':
      return `\`${where}\` is missing the required field \`${error.params.missingProperty}\`.`;
    case 'pattern':
      return `\`${where}\` ${shown} is not a valid value: it must match ${error.params.pattern}${where.endsWith('alias') ? ' (letters, digits, `.`, `_`, `-`; at most 100)' : ''}.`;
    case 'enum':
      return `\`${where}\` must be one of ${(error.params.allowedValues as unknown[]).map((v) => `\`${v}\``).join(', ')}, not ${shown}.`;
    case 'minimum':
      return `\`${where}\` must be at least ${error.params.limit}, not ${shown}.`;
    default:
      return `\`${where}\` ${error.message ?? 'is not valid'}.`;
  }
}

/** Where a missing field belongs: the key of the object that lacks it (`target:`). */
function keyRangeOf(resource: ResourceFact, path: (string | number)[]): OffsetRange | undefined {
  if (path.length === 0) return undefined;
  const parent = resource.document.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]);
  const key = pair?.key as YamlNode | undefined;
  return key?.range ? { start: key.range[0], end: key.range[1] } : undefined;
}

function rangeOf(resource: ResourceFact, path: (string | number)[]): OffsetRange {
  // Walk up until a node exists (a required field's parent, for instance).
  for (let depth = path.length; depth >= 0; depth--) {
    const node = resource.document.getIn(path.slice(0, depth), true) as YamlNode | undefined;
    if (node?.range) {
      const [start, end] = node.range;
      return isScalar(node) ? { start, end } : { start, end: Math.min(end, start + 1) };
    }
  }
  return resource.kindRange;
}

export const strimziSchema: PropertiesRule = {
  meta: {
    id: 'strimzi-schema',
    description: 'A KafkaMirrorMaker2 resource that does not fit the schema of its API version (wrong type, missing field, bad alias).',
    defaultSeverity: 'error',
    fixable: false,
    formats: ['strimzi-yaml'],
  },
  check({ config, report }) {
    for (const resource of config.strimzi?.resources ?? []) {
      if (resource.document.errors.length > 0) continue; // document-syntax reports it
      const validate = validatorFor(resource.version);
      const data: unknown = resource.document.toJS();
      if (validate(data)) continue;
      const seen = new Set<string>();
      for (const error of validate.errors ?? []) {
        if (error.keyword === 'oneOf' || error.keyword === 'if') continue;
        const path = pathOf(error.instancePath);
        const where = display(path);
        const value = resource.document.getIn(path);
        const message = readable(error, where, value);
        if (seen.has(message)) continue;
        seen.add(message);
        const range = (error.keyword === 'required' && keyRangeOf(resource, path)) || rangeOf(resource, path);
        report({ message: `${message} (kafka.strimzi.io/${resource.version} KafkaMirrorMaker2)`, range });
      }
    }
  },
};
