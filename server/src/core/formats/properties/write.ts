import type { TextEdit } from '../../base/finding';
import { flowId, scopePrefix, type KeyScope } from '../../mm2/keys';
import type { Mm2Facts, Setting, Writer } from '../facts';
import { propertyRange } from '../settings';
import { escapePropertyKey, escapePropertyValue } from './parse';


/** Edits of a dedicated-mode properties file: one `key = value` per line, escaped as Properties.load reads it back. */
export function propertiesWriter(text: string, mm2: Mm2Facts, lineBreak: string): Writer {
  /** Inserts a line after `after` (or at the end of the file). */
  const insertLine = (after: Setting | undefined, line: string): TextEdit => {
    if (after) {
      const end = after.span.end;
      const endsWithBreak = end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r');
      return { range: { start: end, end }, newText: endsWithBreak ? `${line}${lineBreak}` : `${lineBreak}${line}` };
    }
    const needsBreak = text.length > 0 && !/[\r\n]$/.test(text);
    return { range: { start: text.length, end: text.length }, newText: `${needsBreak ? lineBreak : ''}${line}${lineBreak}` };
  };
  const lastWithPrefix = (prefix: string): Setting | undefined => [...mm2.settings].reverse().find((s) => s.key.startsWith(prefix));
  const insert = (scope: KeyScope, property: string, value: string, after?: Setting): TextEdit => {
    const prefix = scopePrefix(scope);
    const nearby = prefix ? lastWithPrefix(prefix) : undefined;
    const place = after ?? nearby ?? (scope.scope === 'cluster' ? lastWithPrefix('clusters') : undefined) ?? mm2.settings[mm2.settings.length - 1];
    return insertLine(place, `${escapePropertyKey(`${prefix}${property}`)} = ${escapePropertyValue(value)}`);
  };
  return {
    setValue: (setting, value) => ({ range: setting.valueRange, newText: escapePropertyValue(value) }),
    renameProperty: (setting, property) => ({ range: propertyRange(setting), newText: escapePropertyKey(property) }),
    remove: (setting) => ({ range: setting.span, newText: '' }),
    replaceName: (range, name) => ({ range, newText: escapePropertyKey(name) }),
    setFlowValue(flow, property, value) {
      const existing = mm2.byKey.get(`${flowId(flow.source, flow.target)}.${property}`);
      if (existing) return { range: existing.valueRange, newText: escapePropertyValue(value) };
      const lastOfFlow = [...mm2.settings].reverse().find((s) => s.shape.scope === 'flow' && s.shape.source === flow.source && s.shape.target === flow.target);
      return insert({ scope: 'flow', source: flow.source, target: flow.target }, property, value, lastOfFlow ?? mm2.settings[mm2.settings.length - 1]);
    },
    insert,
    addCluster(alias) {
      const clusters = mm2.clustersSetting;
      if (!clusters) return { range: { start: 0, end: 0 }, newText: `clusters = ${alias}${lineBreak}` };
      const end = clusters.valueRange.end;
      return { range: { start: end, end }, newText: clusters.value.trim() === '' ? alias : `, ${alias}` };
    },
  };
}
