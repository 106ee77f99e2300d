import { clientsOf, isConnectionSetting, WORKER_SETTINGS } from './clientProperties';
import { CONNECTOR_BASE_SETTINGS, lookupProperty, SOURCE_CONNECTOR_SETTINGS } from './index';
import type { PropertyScope } from './types';

/**
 * A known Kafka setting written where MM2 does not read it, and where it would be read. From
 * MirrorMakerConfig: `<alias>.` keys reach MM2's clients only when they are connection settings
 * (clusterProps → MirrorClientConfig.CLIENT_CONFIG_DEF), and its workers (workerConfig of the pairs
 * targeting the alias); `A->B.` keys reach only the pair's connectors (connectorBaseConfig); the
 * top level gives connectors their Mirror settings and workers a few prefixes.
 */
export type Misplacement =
  /** `A.max.poll.records`: a client setting under a cluster prefix, dropped for every client. */
  | { kind: 'clientUnderCluster'; clients: ('consumer' | 'producer' | 'admin')[] }
  /** `A->B.offset.flush.interval.ms`, or a worker setting in a connector config. */
  | { kind: 'workerInConnector' }
  /** `offset.flush.interval.ms` at top level: workers take only some prefixes from there. */
  | { kind: 'workerAtTop' }
  /** `exactly.once.support` at top level: not a Mirror connector setting, so connectorBaseConfig drops it. */
  | { kind: 'sourceConnectorAtTop' }
  /** `max.poll.records` or `producer.acks` at top level: `key` is what follows the cluster prefix. */
  | { kind: 'clientAtTop'; key: string }
  /** `consumer.override.*` on a Mirror connector: overrides of the worker's consumers are for sink connectors. */
  | { kind: 'consumerOverride' }
  /** `topic.creation.*`: MirrorSourceConnector creates its remote topics itself, before Connect would. */
  | { kind: 'topicCreation' };

/** Why a key that MirrorLint does not find at its place is a known setting in the wrong place, if it is one. */
export function misplacement(name: string, scope: PropertyScope): Misplacement | undefined {
  if (scope === 'flow') {
    if (name.startsWith('consumer.override.')) return { kind: 'consumerOverride' };
    if (WORKER_SETTINGS.has(name) && !CONNECTOR_BASE_SETTINGS.has(name)) return { kind: 'workerInConnector' };
    if (name.startsWith('topic.creation.')) return { kind: 'topicCreation' };
    return undefined;
  }
  if (scope === 'cluster') {
    const clients = clientsOf(name);
    return clients.length && !isConnectionSetting(name) && !WORKER_SETTINGS.has(name) ? { kind: 'clientUnderCluster', clients } : undefined;
  }
  if (SOURCE_CONNECTOR_SETTINGS.has(name) || name.startsWith('topic.creation.')) return { kind: 'sourceConnectorAtTop' };
  if (WORKER_SETTINGS.has(name)) return { kind: 'workerAtTop' };
  if (/^(producer|consumer|admin)\./.test(name) && lookupProperty(name, 'cluster')) return { kind: 'clientAtTop', key: name };
  const clients = clientsOf(name);
  return clients.length ? { kind: 'clientAtTop', key: `${clients[0]}.${name}` } : undefined;
}
