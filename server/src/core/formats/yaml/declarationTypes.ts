import type { Document, YAMLMap, YAMLSeq } from 'yaml';
import type { OffsetRange } from '../../base/range';
import type { HclBlock, HclExpr } from '../terraform/syntax';

/**
 * What a workspace declares about the Kafka clusters MM2 connects: topics, schema subjects,
 * consumer groups and producers, per cluster. Read from KafkaTopology files (MirrorLint's own
 * format, docs/topology-format.md) and from Strimzi KafkaTopic / KafkaUser resources.
 */
export interface Valued<T> {
  value: T;
  /** The value's text (inside quotes). */
  range: OffsetRange;
  /** The key that introduces it, when there is one. */
  keyRange?: OffsetRange;
}

export interface TopicDeclaration {
  name: string;
  nameRange: OffsetRange;
  partitions?: Valued<number>;
  replicas?: Valued<number>;
  /** Topic configs (`retention.ms` → value), values as strings whatever the YAML type. */
  config: Map<string, Valued<string>>;
  /** The map that holds the topic's settings (absent for `orders:` with no value), for edits. */
  settingsNode?: YAMLMap;
  /** Terraform: the `aiven_kafka_topic` resource, for edits. */
  terraform?: HclBlock;
}

export interface SchemaDeclaration {
  subject: string;
  subjectRange: OffsetRange;
  type?: string;
  /** The schema file, relative to the declaring file. */
  file?: Valued<string>;
  /** The schema itself, when the declaration holds it (the Aiven operator's KafkaSchema `spec.schema`). */
  content?: string;
  /** The topic the subject belongs to: explicit, or `<topic>-key|value` (TopicNameStrategy). */
  topic?: string;
}

export interface ConsumerDeclaration {
  group: string;
  groupRange: OffsetRange;
  /** A literal subscription list, or literal ACL topics of a KafkaUser. */
  topics?: Valued<string>[];
  topicsKeyRange?: OffsetRange;
  topicsNode?: YAMLSeq;
  /** A Java regex subscription (KafkaConsumer.subscribe(Pattern): the whole name must match). */
  pattern?: Valued<string>;
  /** KafkaUser prefix ACLs: the group may read every topic starting with one of these. */
  prefixes?: Valued<string>[];
  /** The group reads local data only: remote copies are not expected in its subscription. */
  localOnly: boolean;
  /** Clusters the group moves to on failover (besides clusters that declare the same group). */
  failover: Valued<string>[];
  /** A live snapshot: topics of `topics` where every committed offset is 0 (nothing read, nothing to translate). */
  unread?: string[];
  /** Where the declaration came from: a KafkaTopology file or a KafkaUser's ACLs. */
  origin: 'topology' | 'kafka-user';
  /** KafkaUser: the `acls` list, where a fix adds an ACL. */
  aclsNode?: YAMLSeq;
}

export interface SeenHeartbeats {
  /** Where the snapshot lists them (`heartbeats:`), for findings about a flow that sent none. */
  keyRange: OffsetRange;
  /** The start of the time read (ms since the epoch). */
  since?: number;
  /** `source->target` → the newest heartbeat's time (ms). */
  newest: Map<string, number>;
  /** Copies of other clusters' heartbeats topics (`K1.heartbeats`) → the newest heartbeat in each (ms). */
  copies: Map<string, number>;
}

export interface SeenCheckpoints {
  keyRange: OffsetRange;
  /** Checkpoints topic → group → topics (names in the cluster) with a checkpoint. */
  topics: Map<string, Map<string, Set<string>>>;
}

export interface ProducerDeclaration {
  name: string;
  nameRange: OffsetRange;
  topics: Valued<string>[];
}

/** The declarations of one cluster in one place of one file. */
export interface ClusterSection {
  /** The cluster alias as written (`cluster: K1` or a key of `clusters:`). */
  alias?: Valued<string>;
  /** Strimzi resources: the `strimzi.io/cluster` label (the Kafka CR's name), mapped to an alias later. */
  strimziCluster?: Valued<string>;
  /** Aiven operator resources: `spec.serviceName` (the Aiven Kafka service), mapped to an alias later. */
  aivenService?: Valued<string>;
  /** Where the section starts (for messages about the section itself). */
  anchor: OffsetRange;
  topics: TopicDeclaration[];
  /**
   * Remote topics a live snapshot saw in the cluster (the copies MM2 made). Present, perhaps empty,
   * only when the cluster's topics were observed: then a copy the flows should have made and that is
   * in neither list is missing.
   */
  remoteTopics?: TopicDeclaration[];
  /** A live snapshot: MM2's heartbeats the cluster's `heartbeats` topic held (present when it was read). */
  heartbeats?: SeenHeartbeats;
  /** A live snapshot: per checkpoints topic, each group and the topics it has checkpoints for. */
  checkpoints?: SeenCheckpoints;
  schemas: SchemaDeclaration[];
  consumers: ConsumerDeclaration[];
  producers: ProducerDeclaration[];
  /** The YAML document and the map holding `topics:`, `schemas:` & co., for edits that add entries. */
  document?: Document.Parsed;
  body?: YAMLMap;
  /** Terraform: a resource of the section, whose `project` and `service_name` a fix copies into a new resource. */
  terraform?: { block: HclBlock; project?: HclExpr; service: HclExpr };
  /** KafkaTopic resources: the apiVersion, so that an added resource uses the same one. */
  strimziApiVersion?: string;
}

export type DeclarationFormat = 'kafka-topology' | 'strimzi-resources' | 'julieops' | 'kafka-gitops' | 'terraform' | 'workspace-config';

export interface DeclarationFile {
  uri: string;
  text: string;
  format: DeclarationFormat;
  sections: ClusterSection[];
  /** KafkaTopology documents (or the .mirrorlint.yaml document), for schema validation. */
  topologyDocuments: Document.Parsed[];
  /**
   * A live snapshot (`observedAt:`): what the clusters held. Nothing in it is edited by a fix: the
   * clusters change, not the file, which the next snapshot replaces.
   */
  observed?: boolean;
  /** When the snapshot was taken (ms since the epoch), when `observedAt` is a readable time. */
  observedAt?: number;
  lineBreak: string;
}
