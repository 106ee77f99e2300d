import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LiveConnection, ObservedCluster } from '../../core';
import { readMm2Records } from './mm2Topics';

// Node 20 lacks Promise.withResolvers (ES2024), which @platformatic/kafka calls; Node 22 has it.
const promiseStatics = Promise as unknown as { withResolvers?: () => unknown };
promiseStatics.withResolvers ??= () => {
  let resolve: unknown;
  let reject: unknown;
  const promise = new Promise((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
};

/** `${env:NAME}` and `${file:path}` (relative to the config's folder); anything else is taken as written. */
export function resolveSecret(reference: string, folder: string): string {
  const match = /^\$\{(env|file):([^}]+)\}$/.exec(reference);
  if (!match) return reference;
  if (match[1] === 'env') {
    const value = process.env[match[2]];
    if (value === undefined) throw new Error(`the environment variable ${match[2]} is not set`);
    return value;
  }
  return fs.readFileSync(path.resolve(folder, match[2]), 'utf8').trim();
}

/** Topic configs a topic sets itself (DescribeConfigs' DYNAMIC_TOPIC_CONFIG), not broker or default values. */
const TOPIC_LEVEL = 1;
/** Kafka's own topics: never part of a topology. */
const KAFKA_INTERNAL = /^__/;

export interface FetchOptions {
  /** Over this, the whole fetch of the cluster fails: nothing partial is reported. */
  timeoutMs: number;
  /** The config's folder, for `${file:…}` references and TLS files. */
  folder: string;
}

/**
 * Reads one cluster, read-only: topics with partitions, replicas and their own configs; consumer
 * groups with the topics they have committed offsets on. Throws with a readable reason when the
 * cluster cannot be read completely within the time limit.
 */
export async function fetchCluster(alias: string, connection: LiveConnection, options: FetchOptions): Promise<ObservedCluster> {
  try {
    return await fetchWith(connection, options);
  } catch (error) {
    throw new Error(`${alias} (${connection.bootstrapServers}): ${reason(error)}`);
  }
}

/** The client's message with what caused it (`Listing topics failed.` alone says little). */
function reason(error: unknown): string {
  const parts: string[] = [];
  for (let current = error as { message?: string; cause?: unknown; errors?: unknown[] } | undefined, depth = 0; current && depth < 4; depth++) {
    if (current.message && !parts.includes(current.message)) parts.push(current.message.replace(/\.$/, ''));
    current = (current.cause ?? current.errors?.[0]) as typeof current;
  }
  return parts.join(': ') || String(error);
}

async function fetchWith(connection: LiveConnection, options: FetchOptions): Promise<ObservedCluster> {
  const { Admin, Consumer } = await import('@platformatic/kafka');
  const tls = connection.tls
    ? {
        ca: connection.tls.ca ? fs.readFileSync(path.resolve(options.folder, connection.tls.ca)) : undefined,
        cert: connection.tls.cert ? fs.readFileSync(path.resolve(options.folder, connection.tls.cert)) : undefined,
        key: connection.tls.key ? fs.readFileSync(path.resolve(options.folder, connection.tls.key)) : undefined,
      }
    : undefined;
  const sasl = connection.sasl
    ? { mechanism: connection.sasl.mechanism as 'PLAIN', username: resolveSecret(connection.sasl.username, options.folder), password: resolveSecret(connection.sasl.password, options.folder) }
    : undefined;
  const requestTimeout = Math.max(1000, Math.floor(options.timeoutMs / 3));
  const client = {
    clientId: 'mirrorlint-live',
    bootstrapBrokers: connection.bootstrapServers.split(',').map((s) => s.trim()).filter(Boolean),
    connectTimeout: requestTimeout,
    requestTimeout,
    timeout: requestTimeout,
    retries: 0,
    ...(tls ? { tls } : {}),
    ...(sasl ? { sasl } : {}),
  };
  const admin = new Admin(client);
  // Only Fetch and ListOffsets are sent with it: the group id names no group that is joined or written.
  const consumer: ConsumerClient = new Consumer({ ...client, groupId: 'mirrorlint-live-read-only' });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no complete answer within ${options.timeoutMs} ms`)), options.timeoutMs);
  });
  try {
    const withRecords = async (cluster: ObservedCluster): Promise<ObservedCluster> => ({ ...cluster, ...(await readMm2Records(admin, consumer, cluster.topics.map((t) => t.name))) });
    return await Promise.race([read(admin).then(withRecords), deadline]);
  } finally {
    clearTimeout(timer);
    await Promise.all([admin.close().catch(() => undefined), consumer.close().catch(() => undefined)]);
  }
}

type AdminClient = InstanceType<typeof import('@platformatic/kafka').Admin>;
type ConsumerClient = import('@platformatic/kafka').Consumer;

/** Reads the cluster again when a topic it listed was deleted while it was being described (at most twice). */
async function read(admin: AdminClient): Promise<ObservedCluster> {
  for (let attempt = 1; ; attempt++) {
    const names = await topicNames(admin);
    try {
      return await readTopics(admin, names);
    } catch (error) {
      const now = new Set(await topicNames(admin).catch(() => names));
      if (attempt === 3 || names.every((name) => now.has(name))) throw error;
    }
  }
}

async function topicNames(admin: AdminClient): Promise<string[]> {
  return (await admin.listTopics({ includeInternals: false })).filter((name) => !KAFKA_INTERNAL.test(name));
}

async function readTopics(admin: AdminClient, names: string[]): Promise<ObservedCluster> {
  const metadata = names.length ? await admin.metadata({ topics: names }) : { topics: new Map() };
  const described = names.length ? await admin.describeConfigs({ resources: names.map((name) => ({ resourceType: 2, resourceName: name })) } as never) : [];
  const configs = new Map<string, Record<string, string>>();
  for (const result of described as { resourceName: string; configs: { name: string; value: string | null; configSource: number }[] }[]) {
    configs.set(result.resourceName, Object.fromEntries(result.configs.filter((c) => c.configSource === TOPIC_LEVEL && c.value !== null).map((c) => [c.name, c.value as string])));
  }
  const topics = [...metadata.topics].map(([name, topic]) => ({ name, partitions: topic.partitionsCount, replicas: topic.partitions[0]?.replicas.length ?? 0, config: configs.get(name) ?? {} }));
  const groupIds = [...(await admin.listGroups({})).keys()];
  const offsets = groupIds.length ? await admin.listConsumerGroupOffsets({ groups: groupIds }) : [];
  const groups = offsets
    .map((group) => {
      const read = group.topics.filter((t) => t.partitions.some((p) => p.committedOffset >= 0n));
      const unread = read.filter((t) => t.partitions.every((p) => p.committedOffset <= 0n)).map((t) => t.name);
      return { id: group.groupId, topics: read.map((t) => t.name), ...(unread.length ? { unread } : {}) };
    })
    .filter((g) => g.topics.length > 0);
  return { topics, groups };
}
