import { lookupProperty, propertyInfo } from '../mm2/catalog';
import type { ConfigEntry, EffectiveValue } from '../model/config';
import type { PropertyEntry } from './properties/parse';

/**
 * A key of a connector config (Connect JSON, Strimzi): a setting of the flow `source -> target`
 * written without any prefix, so its shape has no alias text.
 */
export function flowSetting(entry: PropertyEntry, source: string, target: string, property = entry.key): ConfigEntry {
  const shape = { scope: 'flow' as const, source, target, sourceSpan: { start: 0, end: 0 }, targetSpan: { start: 0, end: 0 }, property, propertyStart: 0 };
  return { entry, shape, lookup: lookupProperty(property, 'flow'), overridden: false };
}

/** A flow's value for `property`: its own setting, else Kafka's default. */
export function settingOrDefault(settings: ReadonlyMap<string, ConfigEntry> | undefined, property: string): EffectiveValue {
  const entry = settings?.get(property);
  if (entry) return { value: entry.entry.value, origin: 'flow', entry };
  return { value: propertyInfo(property)?.defaultValue, origin: 'default' };
}
