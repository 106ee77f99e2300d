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

/**
 * Connect worker settings (DistributedConfig, Kafka 3.9 and 4.x; `ssl.*` and `sasl.*` besides):
 * a dedicated-mode worker for pair A->B is configured from `B.` (MirrorMakerConfig.workerConfig).
 */
export const WORKER_SETTINGS: ReadonlySet<string> = new Set([
  'bootstrap.servers', 'client.dns.lookup', 'key.converter', 'key.converter.plugin.version', 'value.converter',
  'value.converter.plugin.version', 'header.converter', 'header.converter.plugin.version', 'task.shutdown.graceful.timeout.ms',
  'offset.flush.interval.ms', 'offset.flush.timeout.ms', 'plugin.path', 'plugin.discovery', 'metrics.sample.window.ms',
  'metrics.num.samples', 'metrics.recording.level', 'metric.reporters', 'auto.include.jmx.reporter', 'config.providers',
  'connector.client.config.override.policy', 'topic.creation.enable', 'topic.tracking.enable', 'topic.tracking.allow.reset',
  'listeners', 'rest.advertised.host.name', 'rest.advertised.port', 'rest.advertised.listener', 'access.control.allow.origin',
  'access.control.allow.methods', 'response.http.headers.config', 'rest.extension.classes', 'admin.listeners', 'group.id',
  'session.timeout.ms', 'rebalance.timeout.ms', 'heartbeat.interval.ms', 'exactly.once.source.support', 'metadata.max.age.ms',
  'client.id', 'send.buffer.bytes', 'receive.buffer.bytes', 'reconnect.backoff.ms', 'reconnect.backoff.max.ms',
  'socket.connection.setup.timeout.ms', 'socket.connection.setup.timeout.max.ms', 'retry.backoff.ms', 'retry.backoff.max.ms',
  'request.timeout.ms', 'connections.max.idle.ms', 'security.protocol', 'worker.sync.timeout.ms', 'worker.unsync.backoff.ms',
  'offset.storage.topic', 'offset.storage.partitions', 'offset.storage.replication.factor', 'config.storage.topic',
  'config.storage.replication.factor', 'status.storage.topic', 'status.storage.partitions', 'status.storage.replication.factor',
  'connect.protocol', 'scheduled.rebalance.max.delay.ms', 'inter.worker.key.ttl.ms', 'inter.worker.key.generation.algorithm',
  'inter.worker.key.size', 'inter.worker.signature.algorithm', 'inter.worker.verification.algorithms',
  'metadata.recovery.strategy', 'metadata.recovery.rebootstrap.trigger.ms', 'metrics.context.connect.kafka.cluster.id',
]);

/**
 * What MM2's clients take from a cluster prefix (MirrorClientConfig.CLIENT_CONFIG_DEF, `ssl.*` and
 * `sasl.*` besides): every other bare `<alias>.<client setting>` is dropped for them, which is why
 * tuning must be written `A.consumer.…`, `B.producer.…`, `A.admin.…`.
 */
export const CONNECTION_SETTINGS: ReadonlySet<string> = new Set(['bootstrap.servers', 'security.protocol']);
export const isConnectionSetting = (name: string): boolean => CONNECTION_SETTINGS.has(name) || /^(ssl|sasl)\../.test(name);

/** Every name a bare `<alias>.<name>` key may carry: connection settings for the clients, worker settings for the workers. */
export const CLUSTER_SETTINGS: ReadonlySet<string> = new Set([...CONNECTION_SETTINGS, ...WORKER_SETTINGS]);

/** Which clients a setting configures, for a `<alias>.<client>.` or `<client>.` prefix. */
export function clientsOf(name: string): ('consumer' | 'producer' | 'admin')[] {
  return (['consumer', 'producer', 'admin'] as const).filter((client) => ({ consumer: CONSUMER_SETTINGS, producer: PRODUCER_SETTINGS, admin: ADMIN_SETTINGS })[client].has(name));
}

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
