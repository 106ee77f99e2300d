import type { Setting, Writer } from '../facts';
import { FLOW_ARGUMENTS, LIST_ARGUMENTS, SERVICE_ARGUMENTS, SERVICE_CONFIG_PATH, type AivenMm2 } from './aiven';
import { hclLiteral, hclStringContent, removeAttribute, setAttribute } from './edits';
import { nestedBlock } from './module';

const NUMBERS = new Set(['replication_factor', 'offset_lag_max', 'partitions', 'replication']);
const KINDS = { lists: LIST_ARGUMENTS, numbers: NUMBERS };

const argumentOf = (arguments_: ReadonlyMap<string, string>, property: string): string | undefined => [...arguments_].find(([, p]) => p === property)?.[0];

/**
 * Edits of a Terraform file in place: a setting is the argument of the resource that writes it
 * (a flow's, or its MirrorMaker service's `kafka_mirrormaker` block), written as HCL — lists as
 * lists, booleans and numbers bare, strings quoted and escaped.
 */
export function terraformWriter(text: string, lineBreak: string, mm2: AivenMm2 | undefined): Writer {
  const literal = (name: string, value: string, setting?: Setting): string => hclLiteral(name, value, KINDS, text, setting && mm2?.attributes.get(setting)?.value, lineBreak);
  return {
    setValue(setting, value) {
      const attribute = mm2?.attributes.get(setting);
      if (!attribute) return { range: setting.valueRange, newText: hclStringContent(value) };
      return { range: attribute.value.range, newText: literal(attribute.name, value, setting) };
    },
    renameProperty(setting, property) {
      const name = argumentOf(setting.shape.scope === 'flow' ? FLOW_ARGUMENTS : SERVICE_ARGUMENTS, property) ?? property;
      return { range: setting.keyRange, newText: name };
    },
    remove(setting) {
      const attribute = mm2?.attributes.get(setting);
      return removeAttribute(text, attribute?.range ?? setting.span);
    },
    replaceName: (range, name) => ({ range, newText: hclStringContent(name) }),
    setFlowValue(flow, property, value) {
      const resource = mm2?.flows.find((f) => f.flow.id === flow.id);
      if (!resource) return undefined;
      const own = argumentOf(FLOW_ARGUMENTS, property);
      const existing = own ? resource.block.body.attributes.find((a) => a.name === own) : undefined;
      if (own) return setAttribute(text, resource.block, own, hclLiteral(own, value, KINDS, text, existing?.value, lineBreak), lineBreak);
      // Only the service can say it: its `kafka_mirrormaker` block, when this file writes one.
      const name = argumentOf(SERVICE_ARGUMENTS, property);
      const config = name && mm2 && [...mm2.services.values()].map((service) => nestedBlock(service, SERVICE_CONFIG_PATH)).find((b) => b !== undefined);
      if (!name || !config) return undefined;
      return setAttribute(text, config, name, hclLiteral(name, value, KINDS, text, config.body.attributes.find((a) => a.name === name)?.value, lineBreak), lineBreak);
    },
    insert: () => undefined,
    addCluster: () => undefined,
  };
}
