import type { PropertyInfo } from './types';

// Kafka client and Connect worker settings that MM2 passes through under a cluster prefix
// (`A.security.protocol`, `A.producer.acks`, `B.offset.storage.replication.factor`). Names are
// from Kafka's CommonClientConfigs, ProducerConfig, ConsumerConfig, AdminClientConfig and
// DistributedConfig; only the security protocol and bootstrap servers get values checked.

const COMMON_CLIENT = [
  'bootstrap.servers', 'client.id', 'client.dns.lookup', 'client.rack', 'connections.max.idle.ms',
  'receive.buffer.bytes', 'send.buffer.bytes', 'request.timeout.ms', 'retry.backoff.ms', 'retry.backoff.max.ms',
  'reconnect.backoff.ms', 'reconnect.backoff.max.ms', 'metadata.max.age.ms', 'metric.reporters',
  'metrics.num.samples', 'metrics.recording.level', 'metrics.sample.window.ms', 'security.protocol',
  'security.providers', 'socket.connection.setup.timeout.ms', 'socket.connection.setup.timeout.max.ms',
  'auto.include.jmx.reporter', 'enable.metrics.push', 'metadata.recovery.strategy',
  'metadata.recovery.rebootstrap.trigger.ms', 'default.api.timeout.ms', 'retries',
] as const;

export const PRODUCER_SETTINGS: ReadonlySet<string> = new Set([
  ...COMMON_CLIENT, 'acks', 'batch.size', 'buffer.memory', 'compression.type', 'compression.gzip.level',
  'compression.lz4.level', 'compression.zstd.level', 'linger.ms', 'max.block.ms', 'max.request.size',
  'enable.idempotence', 'max.in.flight.requests.per.connection', 'delivery.timeout.ms', 'partitioner.class',
  'partitioner.ignore.keys', 'partitioner.adaptive.partitioning.enable', 'partitioner.availability.timeout.ms',
  'transactional.id', 'transaction.timeout.ms', 'key.serializer', 'value.serializer', 'interceptor.classes',
  'metadata.max.idle.ms', 'transaction.two.phase.commit.enable',
]);

export const CONSUMER_SETTINGS: ReadonlySet<string> = new Set([
  ...COMMON_CLIENT, 'group.id', 'group.instance.id', 'group.protocol', 'group.remote.assignor', 'auto.offset.reset',
  'enable.auto.commit', 'auto.commit.interval.ms', 'fetch.min.bytes', 'fetch.max.bytes', 'fetch.max.wait.ms',
  'max.partition.fetch.bytes', 'max.poll.records', 'max.poll.interval.ms', 'session.timeout.ms',
  'heartbeat.interval.ms', 'isolation.level', 'partition.assignment.strategy', 'check.crcs',
  'exclude.internal.topics', 'allow.auto.create.topics', 'key.deserializer', 'value.deserializer',
  'interceptor.classes', 'share.acknowledgement.mode',
]);

export const ADMIN_SETTINGS: ReadonlySet<string> = new Set([...COMMON_CLIENT]);

/** Connect worker settings that MM2 reads from the target cluster's prefix. */
export const WORKER_SETTINGS: ReadonlySet<string> = new Set([
  'group.id', 'config.storage.topic', 'offset.storage.topic', 'status.storage.topic',
  'config.storage.replication.factor', 'offset.storage.replication.factor', 'status.storage.replication.factor',
  'offset.storage.partitions', 'status.storage.partitions', 'key.converter', 'value.converter', 'header.converter',
  'offset.flush.interval.ms', 'offset.flush.timeout.ms', 'exactly.once.source.support', 'listeners',
  'rest.advertised.host.name', 'rest.advertised.port', 'rest.advertised.listener', 'plugin.path',
  'plugin.discovery', 'scheduled.rebalance.max.delay.ms', 'heartbeat.interval.ms', 'session.timeout.ms',
  'rebalance.timeout.ms', 'worker.sync.timeout.ms', 'worker.unsync.backoff.ms', 'connect.protocol',
  'task.shutdown.graceful.timeout.ms', 'topic.creation.enable', 'inter.worker.key.generation.algorithm',
  'inter.worker.key.size', 'inter.worker.key.ttl.ms', 'inter.worker.signature.algorithm',
  'inter.worker.verification.algorithms', 'transaction.boundary', 'metrics.context.connect.kafka.cluster.id',
]);

/** Every name a bare `<alias>.<name>` key may carry. */
export const CLUSTER_SETTINGS: ReadonlySet<string> = new Set([...PRODUCER_SETTINGS, ...CONSUMER_SETTINGS, ...WORKER_SETTINGS]);

const SECURITY_PROTOCOLS = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'];

/** Client settings with docs and value checks of their own. */
export const CLIENT_PROPERTIES: readonly PropertyInfo[] = [
  {
    name: 'bootstrap.servers',
    type: 'list',
    doc: 'Comma-separated `host:port` pairs used to make the first connection to the cluster. Every alias in `clusters` needs `<alias>.bootstrap.servers`.',
    owner: 'client',
    scopes: ['cluster', 'top'],
  },
  {
    name: 'security.protocol',
    type: 'string',
    defaultValue: 'PLAINTEXT',
    validValues: SECURITY_PROTOCOLS,
    caseInsensitive: true,
    doc: 'Protocol used to communicate with brokers: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL. At top level it applies to every cluster that does not set its own.',
    owner: 'client',
    scopes: ['cluster', 'top'],
  },
];
