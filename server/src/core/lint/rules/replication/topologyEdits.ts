import { escapePropertyValue } from '../../../formats/properties/parse';
import type { Mm2Config } from '../../../model/config';
import type { FlowModel } from '../../../model/topology';
import { insertLine } from '../properties/edits';
import type { TextEdit } from '../../types';

/** Sets `<flow>.<property>` to `value`: replaces the flow's own entry, or adds one after its settings. */
export function setFlowValue(config: Mm2Config, model: FlowModel, property: string, value: string): TextEdit {
  const key = `${model.flow.id}.${property}`;
  const existing = config.byKey.get(key);
  if (existing) return { range: existing.entry.valueRange, newText: escapePropertyValue(value) };
  const lastOfFlow = [...config.entries].reverse().find((e) => e.shape.scope === 'flow' && e.shape.source === model.flow.source && e.shape.target === model.flow.target);
  return insertLine(config, lastOfFlow ?? config.entries[config.entries.length - 1], `${key} = ${escapePropertyValue(value)}`);
}

/**
 * Adds regexes to a flow's `topics.exclude`, keeping the excludes already in effect for it
 * (including MM2's defaults, which an explicit value would otherwise drop).
 */
export function excludeOnFlow(config: Mm2Config, model: FlowModel, patterns: string[]): TextEdit {
  const kept = model.topicsExclude.filter((p) => !patterns.includes(p));
  return setFlowValue(config, model, 'topics.exclude', [...kept, ...patterns].join(', '));
}

/** A Java regex that matches exactly `name`. */
export function literalPattern(name: string): string {
  return name.replace(/[.\\+*?[^\]$(){}=!<>|:-]/g, (ch) => `\\${ch}`);
}

/** Arrow notation for a path of flows: `K1 → K2 → K1`. */
export function pathOf(models: FlowModel[]): string {
  return [models[0].flow.source, ...models.map((m) => m.flow.target)].join(' → ');
}
