import type { EffectiveValue } from '../formats/facts';
import type { KafkaSemantics } from '../mm2/versions';

/**
 * A setting as MM2 reads it when it has a deprecated name (`topics.blacklist` for `topics.exclude`):
 * before Kafka 4.0 the old name counts when the new one is not set
 * (ConfigUtils.translateDeprecatedConfigs); 4.0 removed the old names, which are then ignored.
 */
export function effectiveOrDeprecated(value: (property: string) => EffectiveValue, property: string, deprecated: string, kafka: KafkaSemantics): EffectiveValue {
  const current = value(property);
  if (current.origin !== 'default' || !kafka.readsBlacklistNames) return current;
  const legacy = value(deprecated);
  return legacy.origin !== 'default' ? legacy : current;
}
