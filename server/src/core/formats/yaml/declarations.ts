import { isMap, isScalar, isSeq, type Document, type Node as YamlNode, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { parseYamlDocuments } from './documents';
import { isJulieOpsDescriptor, readJulieOpsDocument } from './julieops';
import { isKafkaGitopsState, readKafkaGitopsDocument } from './kafkaGitops';
import { child, pairs, readEntry, scalarRange } from './nodes';
import type { OffsetRange } from '../../base/range';
import type { ClusterSection, ConsumerDeclaration, DeclarationFile, ProducerDeclaration, SchemaDeclaration, SeenCheckpoints, SeenHeartbeats, TopicDeclaration, Valued } from './declarationTypes';

const TOPOLOGY_KIND = /^kind:[ \t]*["']?KafkaTopology["']?[ \t]*(#.*)?$/m;
const STRIMZI_KIND = /^\s*kind:[ \t]*["']?Kafka(Topic|User)["']?[ \t]*$/m;
/** The Aiven Kubernetes operator's KafkaTopic and KafkaSchema (aiven.io/v1alpha1). */
const AIVEN_KIND = /^\s*kind:[ \t]*["']?Kafka(Topic|Schema)["']?[ \t]*$/m;
const AIVEN_API = /^\s*apiVersion:[ \t]*["']?aiven\.io\/v1alpha1["']?[ \t]*$/m;
/** Strimzi's API group, or IBM Event Streams', which carries the same resources. */
const STRIMZI_API = /^\s*apiVersion:[ \t]*["']?(?:kafka\.strimzi\.io|eventstreams\.ibm\.com)\/v1(beta[12]|alpha1)?["']?[ \t]*$/m;
const STRIMZI_GROUP = /^(kafka\.strimzi\.io|eventstreams\.ibm\.com)\//;

/** Whether a YAML text declares topology facts: a KafkaTopology, a Strimzi KafkaTopic / KafkaUser, an Aiven KafkaTopic / KafkaSchema. */
export function declaresTopology(text: string): boolean {
  // Classifying a file and reading it both ask, one after the other, for the same text.
  if (text !== lastAsked.text) lastAsked = { text, declares: scanForTopology(text) };
  return lastAsked.declares;
}

let lastAsked = { text: '', declares: false };

function scanForTopology(text: string): boolean {
  // Each kind's name is in the text wherever its pattern matches: looking for it first spares the
  // patterns' line-by-line scan of every Strimzi file, which is read again on each keystroke.
  const topic = text.includes('KafkaTopic');
  return (
    (text.includes('KafkaTopology') && TOPOLOGY_KIND.test(text)) ||
    ((topic || text.includes('KafkaUser')) && STRIMZI_KIND.test(text) && STRIMZI_API.test(text)) ||
    ((topic || text.includes('KafkaSchema')) && AIVEN_KIND.test(text) && AIVEN_API.test(text)) ||
    isJulieOpsDescriptor(text) ||
    isKafkaGitopsState(text)
  );
}

const valued = <T>(node: unknown, value: T, keyNode?: unknown): Valued<T> => ({
  value,
  range: scalarRange(node as YamlNode),
  keyRange: keyNode ? scalarRange(keyNode as YamlNode) : undefined,
});

/** A scalar's value as text (`12`, `delete`, `"604800000"`), or undefined for collections and null. */
function text(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return String(node.value);
}

function scalar(node: unknown, key: string): Valued<string> | undefined {
  const { pair } = child(node, key);
  const value = text(pair?.value);
  return value === undefined ? undefined : valued(pair!.value, value, pair!.key);
}

function wholeNumber(node: unknown, key: string): Valued<number> | undefined {
  const found = scalar(node, key);
  const value = found ? Number(found.value) : NaN;
  return found && Number.isInteger(value) ? { ...found, value } : undefined;
}

function scalarList(node: unknown): Valued<string>[] {
  if (isScalar(node)) {
    const value = text(node);
    return value === undefined ? [] : [valued(node, value)];
  }
  if (!isSeq(node)) return [];
  return node.items.flatMap((item) => {
    const value = text(item);
    return value === undefined ? [] : [valued(item, value)];
  });
}

function configOf(node: unknown): Map<string, Valued<string>> {
  const config = new Map<string, Valued<string>>();
  for (const pair of pairs(node)) {
    const value = text(pair.value);
    if (isScalar(pair.key) && value !== undefined) config.set(String(pair.key.value), valued(pair.value, value, pair.key));
  }
  return config;
}

/** TopicNameStrategy: `orders-value` and `orders-key` belong to topic `orders`. */
export function topicOfSubject(subject: string): string | undefined {
  return /^(.+)-(?:key|value)$/.exec(subject)?.[1];
}

function readTopic(pair: Pair): TopicDeclaration | undefined {
  const name = text(pair.key);
  if (name === undefined) return undefined;
  const settings = isMap(pair.value) ? (pair.value as YAMLMap) : undefined;
  return {
    name,
    nameRange: scalarRange(pair.key as YamlNode),
    partitions: wholeNumber(settings, 'partitions'),
    replicas: wholeNumber(settings, 'replicas'),
    config: configOf(child(settings, 'config').pair?.value),
    settingsNode: settings,
  };
}

function readSchema(node: unknown): SchemaDeclaration | undefined {
  const subject = scalar(node, 'subject');
  if (!subject) return undefined;
  return {
    subject: subject.value,
    subjectRange: subject.range,
    type: scalar(node, 'type')?.value,
    file: scalar(node, 'file'),
    topic: scalar(node, 'topic')?.value ?? topicOfSubject(subject.value),
  };
}

function readConsumer(node: unknown): ConsumerDeclaration | undefined {
  const group = scalar(node, 'group');
  if (!group) return undefined;
  const topicsPair = child(node, 'topics').pair;
  const unread = child(node, 'unread').pair;
  return {
    group: group.value,
    groupRange: group.range,
    topics: topicsPair ? scalarList(topicsPair.value) : undefined,
    topicsKeyRange: topicsPair ? scalarRange(topicsPair.key as YamlNode) : undefined,
    topicsNode: isSeq(topicsPair?.value) ? (topicsPair!.value as YAMLSeq) : undefined,
    pattern: scalar(node, 'pattern'),
    localOnly: scalar(node, 'localOnly')?.value === 'true',
    failover: scalarList(child(node, 'failover').pair?.value),
    ...(unread ? { unread: scalarList(unread.value).map((t) => t.value) } : {}),
    origin: 'topology',
  };
}

const time = (node: unknown): number | undefined => {
  const value = text(node);
  const ms = value === undefined ? NaN : Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
};

/** A map of names to times (`K1->K2: 2026-…`), the entries with a readable time. */
function times(node: unknown): Map<string, number> {
  const read = new Map<string, number>();
  for (const entry of pairs(node)) {
    const at = time(entry.value);
    if (at !== undefined) read.set(String(text(entry.key)), at);
  }
  return read;
}

function readHeartbeats(pair: Pair | undefined): SeenHeartbeats | undefined {
  if (!pair) return undefined;
  const field = (key: string) => child(pair.value, key).pair?.value;
  return { keyRange: scalarRange(pair.key as YamlNode), since: time(field('since')), newest: times(field('newest')), copies: times(field('copies')) };
}

function readCheckpoints(pair: Pair | undefined): SeenCheckpoints | undefined {
  if (!pair) return undefined;
  const topics = new Map<string, Map<string, Set<string>>>();
  for (const topic of pairs(pair.value)) {
    const groups = new Map<string, Set<string>>();
    for (const group of pairs(topic.value)) groups.set(String(text(group.key)), new Set(scalarList(group.value).map((t) => t.value)));
    topics.set(String(text(topic.key)), groups);
  }
  return { keyRange: scalarRange(pair.key as YamlNode), topics };
}

function readProducer(node: unknown): ProducerDeclaration | undefined {
  const name = scalar(node, 'name');
  if (!name) return undefined;
  return { name: name.value, nameRange: name.range, topics: scalarList(child(node, 'topics').pair?.value) };
}

const optional = <K extends string, T>(key: K, value: T | undefined): Partial<Record<K, T>> => (value === undefined ? {} : ({ [key]: value } as Record<K, T>));

const items = (node: unknown): unknown[] => (isSeq(node) ? node.items : []);

function readSection(document: Document.Parsed, body: unknown, alias: Valued<string> | undefined, anchor: OffsetRange): ClusterSection {
  const remote = child(body, 'remoteTopics').pair;
  return {
    alias,
    anchor,
    document,
    body: isMap(body) ? (body as YAMLMap) : undefined,
    topics: pairs(child(body, 'topics').pair?.value).map((pair) => readEntry(pair, readTopic)).filter((t): t is TopicDeclaration => t !== undefined),
    ...(remote ? { remoteTopics: pairs(remote.value).map((pair) => readEntry(pair, readTopic)).filter((t): t is TopicDeclaration => t !== undefined) } : {}),
    ...optional('heartbeats', readHeartbeats(child(body, 'heartbeats').pair)),
    ...optional('checkpoints', readCheckpoints(child(body, 'checkpoints').pair)),
    schemas: items(child(body, 'schemas').pair?.value).map((item) => readEntry(item, readSchema)).filter((s): s is SchemaDeclaration => s !== undefined),
    consumers: items(child(body, 'consumers').pair?.value).map((item) => readEntry(item, readConsumer)).filter((c): c is ConsumerDeclaration => c !== undefined),
    producers: items(child(body, 'producers').pair?.value).map((item) => readEntry(item, readProducer)).filter((p): p is ProducerDeclaration => p !== undefined),
  };
}

function readTopologyDocument(document: Document.Parsed, kindRange: OffsetRange): ClusterSection[] {
  const root = document.contents;
  const clustersPair = child(root, 'clusters').pair;
  if (clustersPair) {
    return pairs(clustersPair.value).flatMap((pair) => {
      const alias = text(pair.key);
      return alias === undefined ? [] : [readSection(document, pair.value, valued(pair.key, alias), scalarRange(pair.key as YamlNode))];
    });
  }
  const cluster = scalar(root, 'cluster');
  return [readSection(document, root, cluster, cluster?.range ?? kindRange)];
}

function strimziBase(document: Document.Parsed, root: unknown, kindRange: OffsetRange): ClusterSection {
  const labels = child(child(root, 'metadata').pair?.value, 'labels').pair?.value;
  return {
    anchor: kindRange,
    document,
    // Event Streams labels its resources `eventstreams.ibm.com/cluster`; Strimzi `strimzi.io/cluster`.
    strimziCluster: scalar(labels, 'strimzi.io/cluster') ?? scalar(labels, 'eventstreams.ibm.com/cluster'),
    strimziApiVersion: scalar(root, 'apiVersion')?.value,
    topics: [],
    schemas: [],
    consumers: [],
    producers: [],
  };
}

/** A KafkaTopic: `spec.topicName` (or `metadata.name`) with its partitions, replicas and config. */
function readKafkaTopic(document: Document.Parsed, root: unknown, kindRange: OffsetRange): ClusterSection {
  const section = strimziBase(document, root, kindRange);
  const spec = child(root, 'spec').pair?.value;
  const name = scalar(spec, 'topicName') ?? scalar(child(root, 'metadata').pair?.value, 'name');
  if (name) {
    const settings = isMap(spec) ? (spec as YAMLMap) : undefined;
    section.topics.push({
      name: name.value,
      nameRange: name.range,
      partitions: wholeNumber(spec, 'partitions'),
      replicas: wholeNumber(spec, 'replicas'),
      config: configOf(child(spec, 'config').pair?.value),
      settingsNode: settings,
    });
  }
  return section;
}

/**
 * A KafkaUser's simple-authorization ACLs as consumer declarations: `Read` on a group plus `Read`
 * on topics (literal names, or prefixes) means "may consume those topics with that group".
 */
function readKafkaUser(document: Document.Parsed, root: unknown, kindRange: OffsetRange): ClusterSection {
  const section = strimziBase(document, root, kindRange);
  const authorization = child(child(root, 'spec').pair?.value, 'authorization').pair?.value;
  const aclsNode = child(authorization, 'acls').pair?.value;
  const groups: Valued<string>[] = [];
  const topics: Valued<string>[] = [];
  const prefixes: Valued<string>[] = [];
  for (const acl of items(aclsNode)) {
    if (scalar(acl, 'type')?.value === 'deny') continue;
    const operations = scalarList(child(acl, 'operations').pair?.value).map((o) => o.value);
    const single = scalar(acl, 'operation')?.value;
    if (single) operations.push(single);
    if (!operations.includes('Read') && !operations.includes('All')) continue;
    const resource = child(acl, 'resource').pair?.value;
    const name = scalar(resource, 'name');
    if (!name) continue;
    const prefix = scalar(resource, 'patternType')?.value === 'prefix';
    const type = scalar(resource, 'type')?.value;
    if (type === 'group' && !prefix) groups.push(name);
    if (type === 'topic') (prefix ? prefixes : topics).push(name);
  }
  for (const group of groups) {
    section.consumers.push({
      group: group.value,
      groupRange: group.range,
      topics,
      prefixes,
      localOnly: false,
      failover: [],
      origin: 'kafka-user',
      aclsNode: isSeq(aclsNode) ? (aclsNode as YAMLSeq) : undefined,
    });
  }
  return section;
}

function aivenBase(document: Document.Parsed, root: unknown, kindRange: OffsetRange): ClusterSection {
  return { anchor: kindRange, document, aivenService: scalar(child(root, 'spec').pair?.value, 'serviceName'), topics: [], schemas: [], consumers: [], producers: [] };
}

/**
 * The Aiven operator's KafkaTopic: `spec.topicName` (or `metadata.name`), `partitions`, `replication`
 * and `config`, whose keys are Kafka's with underscores (`retention_ms`): every topic config name is
 * dotted words, so `_` → `.` gives Kafka's name back.
 */
function readAivenTopic(document: Document.Parsed, root: unknown, kindRange: OffsetRange): ClusterSection {
  const section = aivenBase(document, root, kindRange);
  const spec = child(root, 'spec').pair?.value;
  const name = scalar(spec, 'topicName') ?? scalar(child(root, 'metadata').pair?.value, 'name');
  if (name) {
    const config = new Map([...configOf(child(spec, 'config').pair?.value)].map(([key, value]) => [key.replace(/_/g, '.'), value]));
    section.topics.push({ name: name.value, nameRange: name.range, partitions: wholeNumber(spec, 'partitions'), replicas: wholeNumber(spec, 'replication'), config });
  }
  return section;
}

/** The Aiven operator's KafkaSchema: `spec.subjectName`, its `schemaType` (AVRO by default) and the schema text. */
function readAivenSchema(document: Document.Parsed, root: unknown, kindRange: OffsetRange): ClusterSection {
  const section = aivenBase(document, root, kindRange);
  const spec = child(root, 'spec').pair?.value;
  const subject = scalar(spec, 'subjectName');
  if (subject) {
    section.schemas.push({
      subject: subject.value,
      subjectRange: subject.range,
      type: scalar(spec, 'schemaType')?.value ?? 'AVRO',
      content: scalar(spec, 'schema')?.value,
      topic: topicOfSubject(subject.value),
    });
  }
  return section;
}

/** Reads the topology declarations of a YAML file. Never throws. */
export function parseDeclarations(uri: string, source: string, parsed = parseYamlDocuments(source)): DeclarationFile {
  const file: DeclarationFile = {
    uri,
    text: source,
    format: 'strimzi-resources',
    sections: [],
    topologyDocuments: [],
    lineBreak: /\r\n/.test(source) ? '\r\n' : '\n',
  };
  for (const document of parsed.documents) {
    const root = document.contents;
    const context = child(root, 'context').pair;
    if (context && child(root, 'projects').pair) {
      file.format = 'julieops';
      file.sections.push(readJulieOpsDocument(document, scalarRange(context.key as YamlNode)));
      continue;
    }
    const topicsKey = child(root, 'topics').pair;
    if (topicsKey && !child(root, 'kind').pair && isKafkaGitopsState(source)) {
      file.format = 'kafka-gitops';
      file.sections.push(readKafkaGitopsDocument(document, scalarRange(topicsKey.key as YamlNode)));
      continue;
    }
    const kind = scalar(root, 'kind');
    if (!kind) continue;
    if (kind.value === 'KafkaTopology') {
      file.format = 'kafka-topology';
      const observedAt = child(root, 'observedAt').pair;
      if (observedAt) {
        file.observed = true;
        file.observedAt = time(observedAt.value);
      }
      file.topologyDocuments.push(document);
      file.sections.push(...readTopologyDocument(document, kind.range));
      continue;
    }
    const apiVersion = scalar(root, 'apiVersion')?.value ?? '';
    if (apiVersion === 'aiven.io/v1alpha1') {
      if (kind.value === 'KafkaTopic') file.sections.push(readAivenTopic(document, root, kind.range));
      if (kind.value === 'KafkaSchema') file.sections.push(readAivenSchema(document, root, kind.range));
      continue;
    }
    if (!STRIMZI_GROUP.test(apiVersion)) continue;
    if (kind.value === 'KafkaTopic') file.sections.push(readKafkaTopic(document, root, kind.range));
    if (kind.value === 'KafkaUser') file.sections.push(readKafkaUser(document, root, kind.range));
  }
  return file;
}

