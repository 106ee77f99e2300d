import { isMap, type Pair, type YAMLMap } from 'yaml';
import type { ConnectorRole, Setting, Writer } from '../facts';
import { encodeAt, insertPair, removePair, yamlScalar, yamlValue } from './edits';
import { CONNECTOR_FIELDS, PATTERN_SETTINGS, type StrimziFacts } from './strimzi';

/** The mirror field Strimzi turns into a setting (`topics.exclude` ← `topicsExcludePattern`). */
const PATTERN_FIELD = new Map([...PATTERN_SETTINGS].filter(([name]) => !name.includes('Blacklist')).map(([name, setting]) => [setting, name]));

/**
 * Edits of a YAML file in its own style. For a KafkaMirrorMaker2, a flow's setting goes where
 * Strimzi reads it: the mirror's pattern field for topic and group filters, else the `config` of
 * the connector that reads it (created when absent).
 */
export function yamlWriter(text: string, lineBreak: string, strimzi: StrimziFacts | undefined, pairsOf: Map<Setting, Pair>): Writer {
  const mapOf = (pair: Pair): YAMLMap | undefined => {
    for (const resource of strimzi?.resources ?? []) {
      for (const mirror of resource.mirrors) {
        if (mirror.node.items.includes(pair)) return mirror.node;
        for (const connector of Object.values(mirror.connectors)) if (connector?.configNode?.items.includes(pair)) return connector.configNode;
      }
    }
    return undefined;
  };
  return {
    setValue: (setting, value) => encodeAt(text, setting.valueRange, value),
    renameProperty: (setting, property) => encodeAt(text, setting.keyRange, property),
    remove(setting) {
      const pair = pairsOf.get(setting);
      const map = pair && mapOf(pair);
      return pair && map ? removePair(text, map, pair) : { range: setting.span, newText: '' };
    },
    replaceName: (range, name) => encodeAt(text, range, name),
    setFlowValue(flow, property, value, role: ConnectorRole = 'source') {
      const mirror = strimzi?.resources.flatMap((r) => r.mirrors).find((m) => m.flow?.id === flow.id);
      if (!mirror) return undefined;
      const fieldName = PATTERN_FIELD.get(property);
      const patternSetting = mirror.patternSettings.get(property);
      if (patternSetting) return encodeAt(text, patternSetting.valueRange, value);
      if (fieldName) return insertPair(text, mirror.node, fieldName, yamlValue(value), lineBreak);
      const connectorField = CONNECTOR_FIELDS[role];
      const connector = mirror.connectors[connectorField];
      const existing = connector?.config.get(property);
      if (existing) return encodeAt(text, existing.valueRange, value);
      const entry = `${yamlScalar(property)}: ${yamlValue(value)}`;
      if (connector?.configNode) return insertPair(text, connector.configNode, property, yamlValue(value), lineBreak);
      if (connector?.node && isMap(connector.node)) return insertPair(text, connector.node, 'config', (indent) => (indent ? `${lineBreak}${indent}${entry}` : `{${entry}}`), lineBreak);
      // No such connector in the mirror: adding one with this setting makes Strimzi run it.
      return insertPair(text, mirror.node, connectorField, (indent) => (indent ? `${lineBreak}${indent}config:${lineBreak}${indent}  ${entry}` : `{config: {${entry}}}`), lineBreak);
    },
    insert: () => undefined,
    addCluster: () => undefined,
  };
}
