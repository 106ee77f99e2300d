import type { EffectiveValue } from '../formats/facts';

/**
 * A setting as MM2 reads it when it has a deprecated name (`topics.blacklist` for `topics.exclude`):
 * the old name counts when the new one is not set (ConfigUtils.translateDeprecatedConfigs).
 */
export function effectiveOrDeprecated(value: (property: string) => EffectiveValue, property: string, deprecated: string): EffectiveValue {
  const current = value(property);
  if (current.origin !== 'default') return current;
  const legacy = value(deprecated);
  return legacy.origin !== 'default' ? legacy : current;
}
