/**
 * What changes in MM2's behaviour between Kafka releases, each fact checked against the released
 * jars by the Kafka-oracle layer (test/kafka, docs/fidelity.md). Rules and the model ask these
 * questions instead of comparing version numbers themselves.
 */
export interface KafkaVersion {
  major: number;
  minor: number;
  /** As written (`3.9`, `4.1.0`), or the newest known release when nothing was configured. */
  text: string;
}

export interface KafkaSemantics {
  version: KafkaVersion;
  /** Whether the version was configured (setting, `.mirrorlint.yaml`, `--kafka-version`, Strimzi `spec.version`). */
  configured: boolean;
  /** MirrorSourceConfig's default `topics.exclude`. */
  defaultTopicsExclude: string;
  /** MirrorSourceConfig's default `config.properties.exclude`. */
  defaultConfigPropertiesExclude: string;
  /**
   * ReplicationPolicy.isInternalTopic before 4.0 also treats every `*.internal` and `*-internal`
   * topic as internal; from 4.0 only MM2's own (`mm2*<sep>internal`, checkpoints), `__*` and `.*`.
   */
  legacyInternalTopics: boolean;
  /** `topics.blacklist`, `groups.blacklist`, `config.properties.blacklist` are read (removed in 4.0). */
  readsBlacklistNames: boolean;
  /**
   * 4.2+: a LIST setting with an empty item (`a,,b`, a trailing comma) is a ConfigException, and
   * a connector's validation rejects duplicate items where its ConfigDef asks for unique ones.
   */
  validatesListItems: boolean;
}

/** The newest release whose behaviour MirrorLint was checked against; what it assumes when none is configured. */
export const NEWEST_KAFKA = '4.3';

const LEGACY_TOPICS_EXCLUDE = '.*[\\-\\.]internal, .*\\.replica, __.*';
const TOPICS_EXCLUDE = 'mm2.*\\.internal, .*\\.replica, __.*';
const LEGACY_CONFIG_PROPERTIES_EXCLUDE =
  'follower\\.replication\\.throttled\\.replicas, leader\\.replication\\.throttled\\.replicas, message\\.timestamp\\.difference\\.max\\.ms, message\\.timestamp\\.type, unclean\\.leader\\.election\\.enable, min\\.insync\\.replicas';
const CONFIG_PROPERTIES_EXCLUDE =
  'follower.replication.throttled.replicas, leader.replication.throttled.replicas, message.timestamp.difference.max.ms, log.message.timestamp.before.max.ms, log.message.timestamp.after.max.ms, message.timestamp.type, unclean.leader.election.enable, min.insync.replicas';

/** `3.9`, `3.9.2`, `4`, `4.1.0-rc1`; undefined for anything else. */
export function parseKafkaVersion(text: string): KafkaVersion | undefined {
  const match = /^\s*(\d{1,3})(?:\.(\d{1,3}))?(?:\.\d{1,4})?(?:[-.][0-9A-Za-z.-]*)?\s*$/.exec(text);
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2] ?? 0), text: text.trim() };
}

export function atLeast(version: KafkaVersion, major: number, minor: number): boolean {
  return version.major > major || (version.major === major && version.minor >= minor);
}

const SEMANTICS = new Map<string, KafkaSemantics>();

/** MM2's behaviour in `version`; the newest known release's when it is undefined or unreadable. */
export function kafkaSemantics(version?: string): KafkaSemantics {
  const key = version?.trim() ?? '';
  let semantics = SEMANTICS.get(key);
  if (!semantics) {
    const parsed = key ? parseKafkaVersion(key) : undefined;
    const v = parsed ?? parseKafkaVersion(NEWEST_KAFKA)!;
    const four = atLeast(v, 4, 0);
    semantics = {
      version: v,
      configured: parsed !== undefined,
      defaultTopicsExclude: four ? TOPICS_EXCLUDE : LEGACY_TOPICS_EXCLUDE,
      defaultConfigPropertiesExclude: atLeast(v, 4, 3) ? CONFIG_PROPERTIES_EXCLUDE : LEGACY_CONFIG_PROPERTIES_EXCLUDE,
      legacyInternalTopics: !four,
      readsBlacklistNames: !four,
      validatesListItems: atLeast(v, 4, 2),
    };
    SEMANTICS.set(key, semantics);
  }
  return semantics;
}

/** Whether `release` (`4.0`) is out by the version: the version is that release or a later one. */
export function releasedBy(semantics: KafkaSemantics, release: string): boolean {
  const parsed = parseKafkaVersion(release);
  return parsed !== undefined && atLeast(semantics.version, parsed.major, parsed.minor);
}
