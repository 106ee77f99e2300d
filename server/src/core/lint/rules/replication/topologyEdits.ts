import type { TextEdit } from '../../../base/finding';
import type { FlowModel } from '../../../model/flows';

/** Sets a setting of a flow in the file that configures it, in that file's syntax. */
export function setOnFlow(model: FlowModel, property: string, value: string): TextEdit | undefined {
  const edit = model.file.writer.setFlowValue(model.flow, property, value);
  return edit && { ...edit, uri: model.uri };
}

/**
 * Adds regexes to a flow's `topics.exclude`, keeping the excludes already in effect for it
 * (including MM2's defaults, which an explicit value would otherwise drop).
 */
export function excludeOnFlow(model: FlowModel, patterns: string[]): TextEdit | undefined {
  const kept = model.topicsExclude.filter((p) => !patterns.includes(p));
  return setOnFlow(model, 'topics.exclude', [...kept, ...patterns].join(', '));
}

/** A Java regex that matches exactly `name`. */
export function literalPattern(name: string): string {
  return name.replace(/[.\\+*?[^\]$(){}=!<>|:-]/g, (ch) => `\\${ch}`);
}

/** Arrow notation for a path of flows: `K1 → K2 → K1`. */
export function pathOf(models: FlowModel[]): string {
  return [models[0].flow.source, ...models.map((m) => m.flow.target)].join(' → ');
}
