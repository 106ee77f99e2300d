import { DEFAULT_REPLICATION_POLICY, IDENTITY_REPLICATION_POLICY } from './catalog';

/**
 * MM2's ReplicationPolicy, reproduced from apache/kafka connect/mirror-client
 * (DefaultReplicationPolicy, IdentityReplicationPolicy, ReplicationPolicy) so that every name
 * MirrorLint shows or reasons about is the one MM2 would produce. The one source of remote-topic
 * naming for rules, hovers, inlay hints and the CLI.
 */
export interface ReplicationPolicy {
  readonly kind: 'default' | 'identity' | 'unknown';
  /** The configured class name. */
  readonly className: string;
  readonly separator: string;
  formatRemoteTopic(sourceAlias: string, topic: string): string;
  /** Source alias of a remote topic, or undefined for a local topic. */
  topicSource(topic: string): string | undefined;
  upstreamTopic(topic: string): string | undefined;
  originalTopic(topic: string): string;
  heartbeatsTopic(): string;
  checkpointsTopic(alias: string): string;
  offsetSyncsTopic(alias: string): string;
  isHeartbeatsTopic(topic: string): boolean;
  isInternalTopic(topic: string): boolean;
}

export interface PolicySettings {
  className?: string;
  separator?: string;
  internalTopicSeparatorEnabled?: boolean;
  /** `source.cluster.alias` as IdentityReplicationPolicy is configured with it (the flow's source). */
  sourceAlias?: string;
  heartbeatsTopicName?: string;
  /** Kafka < 4.0: every `*.internal` and `*-internal` topic counts as internal too. */
  legacyInternalTopics?: boolean;
}

export const HEARTBEATS_TOPIC = 'heartbeats';
const LEGACY_STRIMZI_IDENTITY = 'io.strimzi.kafka.connect.mirror.IdentityReplicationPolicy';

/**
 * The first part of Java's `topic.split(Pattern.quote(separator))` when it has at least two parts
 * (Java drops trailing empty strings, so `A.` and `A..` have one part), else undefined.
 */
function firstOfSplit(topic: string, separator: string): string | undefined {
  if (separator === '') return topic.length >= 2 ? topic[0] : undefined;
  const index = topic.indexOf(separator);
  if (index < 0) return undefined;
  for (let at = index; at < topic.length; at += separator.length) {
    if (!topic.startsWith(separator, at)) return topic.slice(0, index);
  }
  return undefined;
}

class DefaultPolicy implements ReplicationPolicy {
  readonly kind: ReplicationPolicy['kind'] = 'default';
  readonly separator: string;
  private readonly internalSeparator: string;
  private readonly heartbeats: string;
  private readonly legacyInternalTopics: boolean;

  constructor(readonly className: string, settings: PolicySettings) {
    // DefaultReplicationPolicy reads the internal-topic flag only when a separator is configured.
    this.separator = settings.separator ?? '.';
    this.internalSeparator = settings.separator !== undefined && settings.internalTopicSeparatorEnabled === false ? '.' : this.separator;
    this.heartbeats = settings.heartbeatsTopicName ?? HEARTBEATS_TOPIC;
    this.legacyInternalTopics = settings.legacyInternalTopics === true;
  }

  formatRemoteTopic(sourceAlias: string, topic: string): string {
    return `${sourceAlias}${this.separator}${topic}`;
  }

  topicSource(topic: string): string | undefined {
    return firstOfSplit(topic, this.separator);
  }

  upstreamTopic(topic: string): string | undefined {
    const source = this.topicSource(topic);
    return source === undefined ? undefined : topic.slice(source.length + this.separator.length);
  }

  originalTopic(topic: string): string {
    let current = topic;
    for (let hops = 0; hops < 1000; hops++) {
      const upstream = this.upstreamTopic(current);
      if (upstream === undefined || upstream === current) return current;
      current = upstream;
    }
    return current;
  }

  heartbeatsTopic(): string {
    return this.heartbeats;
  }

  checkpointsTopic(alias: string): string {
    return `${alias}${this.internalSeparator}checkpoints${this.internalSeparator}internal`;
  }

  offsetSyncsTopic(alias: string): string {
    return `mm2-offset-syncs${this.internalSeparator}${alias}${this.internalSeparator}internal`;
  }

  isHeartbeatsTopic(topic: string): boolean {
    // The original topic is a suffix of the name, so most names are ruled out without splitting.
    return topic.endsWith(this.heartbeats) && this.originalTopic(topic) === this.heartbeats;
  }

  /**
   * ReplicationPolicy.isInternalTopic with DefaultReplicationPolicy's isMM2InternalTopic and
   * isCheckpointsTopic: Kafka's own (`__*`, `.*`), MM2's own (`mm2*<sep>internal`, checkpoints)
   * and, before 4.0, Connect's (`*.internal`, `*-internal`).
   */
  isInternalTopic(topic: string): boolean {
    const suffix = `${this.internalSeparator}internal`;
    const mm2Internal = (topic.startsWith('mm2') && topic.endsWith(suffix)) || topic.endsWith(`${this.internalSeparator}checkpoints${suffix}`);
    const kafkaInternal = topic.startsWith('__') || topic.startsWith('.');
    if (mm2Internal || kafkaInternal) return true;
    if (!this.legacyInternalTopics) return false;
    return topic.endsWith('.internal') || topic.endsWith('-internal') || topic.endsWith(suffix);
  }
}

class IdentityPolicy extends DefaultPolicy {
  override readonly kind = 'identity' as const;
  private readonly sourceAlias: string | undefined;

  constructor(className: string, settings: PolicySettings) {
    super(className, settings);
    this.sourceAlias = settings.sourceAlias;
  }

  private looksLikeHeartbeat(topic: string): boolean {
    return topic.endsWith(this.heartbeatsTopic());
  }

  override formatRemoteTopic(sourceAlias: string, topic: string): string {
    return this.looksLikeHeartbeat(topic) ? super.formatRemoteTopic(sourceAlias, topic) : topic;
  }

  override topicSource(topic: string): string | undefined {
    return this.looksLikeHeartbeat(topic) ? super.topicSource(topic) : this.sourceAlias;
  }

  override upstreamTopic(topic: string): string | undefined {
    return this.looksLikeHeartbeat(topic) ? super.upstreamTopic(topic) : topic;
  }
}

/**
 * A policy class MirrorLint does not know. Its names are assumed to be the default ones so that
 * previews show something, but every conclusion drawn from it is flagged as unverified.
 */
class UnknownPolicy extends DefaultPolicy {
  override readonly kind = 'unknown' as const;
}

export function createPolicy(settings: PolicySettings): ReplicationPolicy {
  const className = (settings.className ?? DEFAULT_REPLICATION_POLICY).trim();
  if (className === DEFAULT_REPLICATION_POLICY) return new DefaultPolicy(className, settings);
  if (className === IDENTITY_REPLICATION_POLICY || className === LEGACY_STRIMZI_IDENTITY) return new IdentityPolicy(className, settings);
  return new UnknownPolicy(className, settings);
}

/**
 * MirrorSourceConnector.isCycle: whether `topic`, seen by the flow into `targetAlias`, already
 * comes from the target. The `upstream === topic` guard is what makes Identity blind to cycles.
 */
export function isCycle(policy: ReplicationPolicy, topic: string, targetAlias: string): boolean {
  let current = topic;
  for (let hops = 0; hops < 1000; hops++) {
    const source = policy.topicSource(current);
    if (source === undefined) return false;
    if (source === targetAlias) return true;
    const upstream = policy.upstreamTopic(current);
    if (upstream === undefined || upstream === current) return false;
    current = upstream;
  }
  return false;
}

/** Kafka's topic name rules (org.apache.kafka.common.internals.Topic). */
export const MAX_TOPIC_NAME_LENGTH = 249;
const LEGAL_TOPIC = /^[a-zA-Z0-9._-]+$/;

export function topicNameProblem(name: string): string | undefined {
  if (name === '' ) return 'it is empty';
  if (name === '.' || name === '..') return `\`${name}\` is reserved`;
  if (name.length > MAX_TOPIC_NAME_LENGTH) return `it is ${name.length} characters long (Kafka allows ${MAX_TOPIC_NAME_LENGTH})`;
  if (!LEGAL_TOPIC.test(name)) {
    const bad = [...new Set([...name].filter((ch) => !/[a-zA-Z0-9._-]/.test(ch)))].map((ch) => JSON.stringify(ch)).join(', ');
    return `it contains ${bad}; Kafka topic names may only use ASCII letters, digits, '.', '_' and '-'`;
  }
  return undefined;
}
