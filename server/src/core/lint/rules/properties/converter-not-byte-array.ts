import { isIndirect } from '../../../mm2/values';
import type { Mm2Rule } from '../../types';

const BYTE_ARRAY = 'org.apache.kafka.connect.converters.ByteArrayConverter';
const CONVERTERS = ['key.converter', 'value.converter'] as const;

export const converterNotByteArray: Mm2Rule = {
  kind: 'mm2',
  meta: {
    id: 'converter-not-byte-array',
    group: 'properties',
    description: 'A Mirror connector whose key or value converter is not ByteArrayConverter, which re-encodes every replicated record.',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      other: '`{{key}}` must be ByteArrayConverter: Mirror connectors pass records as raw bytes, and `{{converter}}` re-encodes them.',
      unset: '{{properties}} not set: the Connect worker\'s default applies, and Mirror connectors need ByteArrayConverter.',
    },
  },
  check({ mm2, file, report }) {
    for (const setting of mm2.settings) {
      const property = setting.shape.property;
      if (setting.overridden || !(CONVERTERS as readonly string[]).includes(property)) continue;
      const value = setting.value.trim();
      if (value === BYTE_ARRAY || value === '' || isIndirect(value)) continue;
      report({
        messageId: 'other',
        data: { key: setting.key, converter: value.split('.').pop() ?? value },
        range: setting.valueRange,
        fixes: [{ title: 'Use ByteArrayConverter', edits: [file.writer.setValue(setting, BYTE_ARRAY)], preferred: true }],
      });
    }
    // Dedicated MM2 and Strimzi configure ByteArrayConverter themselves; a connector posted to Connect gets the worker's.
    const connector = mm2.connector;
    if (mm2.mode !== 'connect' || !connector) return;
    const anchor = mm2.settings.find((s) => s.shape.property === 'connector.class');
    if (!anchor) return;
    const missing = CONVERTERS.filter((property) => !mm2.settings.some((s) => s.shape.property === property));
    if (missing.length === 0) return;
    const flow = mm2.flows[0];
    // One insertion at a time keeps the writer's edits apart; the second follows on the next fix.
    const edit = flow && file.writer.setFlowValue(flow, missing[0], BYTE_ARRAY, connector.role);
    report({
      messageId: 'unset',
      data: { properties: missing.length === 2 ? '`key.converter` and `value.converter` are' : `\`${missing[0]}\` is` },
      range: anchor.keyRange,
      undecided: true,
      fixes: edit ? [{ title: `Set \`${missing[0]}\` to ByteArrayConverter`, edits: [edit] }] : [],
    });
  },
};
