import { MIRROR_PROPERTIES } from './mirrorProperties';
import type { PropertyInfo } from './types';

/** The JSON Schema type of a property's value in a Connect JSON config (strings are always accepted). */
function valueSchema(info: PropertyInfo): Record<string, unknown> {
  const description = info.doc;
  if (info.type === 'boolean') return { description, anyOf: [{ type: 'boolean' }, { type: 'string', enum: ['true', 'false'] }], default: info.defaultValue };
  if (['int', 'short', 'long', 'double'].includes(info.type)) return { description, anyOf: [{ type: 'number' }, { type: 'string', pattern: '^-?[0-9]+$' }], default: info.defaultValue };
  if (info.validValues) return { description, type: 'string', enum: [...info.validValues], default: info.defaultValue };
  return { description, type: 'string', ...(info.defaultValue !== undefined ? { default: info.defaultValue } : {}), ...(info.deprecated ? { deprecationMessage: `Deprecated: ${info.deprecated.replacement ? `use ${info.deprecated.replacement}` : info.deprecated.note}` } : {}) };
}

/**
 * JSON Schema for a Mirror connector's Kafka Connect config, generated from the property catalog
 * (schemas/mirror-connector.json is this output; a test keeps them in step).
 */
export function mirrorConnectorSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    'connector.class': {
      description: 'The Mirror connector class.',
      type: 'string',
      enum: ['org.apache.kafka.connect.mirror.MirrorSourceConnector', 'org.apache.kafka.connect.mirror.MirrorCheckpointConnector', 'org.apache.kafka.connect.mirror.MirrorHeartbeatConnector', 'MirrorSourceConnector', 'MirrorCheckpointConnector', 'MirrorHeartbeatConnector'],
    },
  };
  for (const info of MIRROR_PROPERTIES) if (info.owner === 'connector') properties[info.name] = valueSchema(info);
  const config = { type: 'object', properties, additionalProperties: { type: ['string', 'number', 'boolean'] } };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://mirrorlint.dev/schemas/mirror-connector.json',
    title: 'Kafka Connect config of a MirrorMaker 2 connector',
    description: 'The REST body {"name", "config"} or the bare config map of MirrorSourceConnector, MirrorCheckpointConnector or MirrorHeartbeatConnector. Generated from MirrorLint\'s property catalog.',
    anyOf: [{ type: 'object', properties: { name: { type: 'string' }, config }, required: ['config'] }, config],
  };
}
