import type { OffsetRange } from '../base/range';
import type { Mm2Facts, Setting } from './facts';

/** The property-name part of a key (after its alias or flow prefix), in source offsets. */
export function propertyRange(setting: Setting): OffsetRange {
  const { shape } = setting;
  const start = shape.scope === 'top' ? setting.keyRange.start : setting.keyOffsets.at(shape.propertyStart);
  return { start, end: setting.keyRange.end };
}

/** The setting in effect for `property` in the same scope as `setting` (same flow, same cluster, or top level). */
export function siblingSetting(mm2: Mm2Facts, setting: Setting, property: string): Setting | undefined {
  const { shape } = setting;
  for (let i = mm2.settings.length - 1; i >= 0; i--) {
    const other = mm2.settings[i];
    if (other.shape.property !== property || other.shape.scope !== shape.scope) continue;
    if (shape.scope === 'cluster' && other.shape.scope === 'cluster' && other.shape.alias !== shape.alias) continue;
    if (shape.scope === 'flow' && other.shape.scope === 'flow' && (other.shape.source !== shape.source || other.shape.target !== shape.target)) continue;
    return other;
  }
  return undefined;
}
