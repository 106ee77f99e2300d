import { isMap, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import type { OffsetRange } from '../../base/range';
import { child, pairs, scalarRange } from './nodes';
import type { ClusterSection, ConsumerDeclaration, SchemaDeclaration, TopicDeclaration, Valued } from './declarationTypes';
import { appendAll } from '../../base/arrays';

/**
 * JulieOps (kafka-ops/julie) topology descriptors: `context`, optional naming attributes, and
 * `projects` with their topics, consumers and schemas. One descriptor describes one cluster; which
 * one comes from a folder mapping in `.mirrorlint.yaml`.
 *
 * Topic names are computed as JulieOps' default naming does (TopologyCustomDeserializer,
 * ProjectImpl, TopicImpl): the context, then every other top-level attribute's value in the order
 * written (all but `context`, `projects`, `platform`, `special_topics`), the project name, the topic
 * name and its `dataType` when set, joined by `.`. A deployment that changes JulieOps'
 * `topology.topic.prefix.separator` or prefix formats names its topics otherwise: MirrorLint cannot
 * see that setting (it lives in JulieOps' own properties, not the descriptor).
 */
const JULIE_CONTEXT = /^context:[ \t]*\S/m;
const JULIE_PROJECTS = /^projects:[ \t]*(#.*)?$/m;
const NOT_NAMING = new Set(['context', 'projects', 'platform', 'special_topics']);
const SEPARATOR = '.';

/** Whether a YAML text is a JulieOps descriptor. */
export function isJulieOpsDescriptor(text: string): boolean {
  return JULIE_CONTEXT.test(text) && JULIE_PROJECTS.test(text);
}

const scalarValue = (node: unknown): string | undefined => (isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : undefined);

function valued(node: unknown): Valued<string> | undefined {
  const value = scalarValue(node);
  return value === undefined ? undefined : { value, range: scalarRange(node as YamlNode) };
}

const items = (node: unknown): unknown[] => (isSeq(node) ? node.items : []);

/** `num.partitions` and `replication.factor` are JulieOps' own keys for what Kafka takes as topic settings. */
function readTopic(node: unknown, prefix: string): TopicDeclaration | undefined {
  const name = valued(child(node, 'name').pair?.value);
  if (!name) return undefined;
  const dataType = scalarValue(child(node, 'dataType').pair?.value);
  const config = new Map<string, Valued<string>>();
  let partitions: Valued<number> | undefined;
  let replicas: Valued<number> | undefined;
  for (const pair of pairs(child(node, 'config').pair?.value)) {
    const key = scalarValue(pair.key);
    const value = valued(pair.value);
    if (key === undefined || !value) continue;
    const number = Number(value.value);
    if (key === 'num.partitions') partitions = Number.isInteger(number) ? { ...value, value: number } : undefined;
    else if (key === 'replication.factor') replicas = Number.isInteger(number) ? { ...value, value: number } : undefined;
    else config.set(key, { ...value, keyRange: scalarRange(pair.key as YamlNode) });
  }
  return { name: [prefix, name.value, ...(dataType ? [dataType] : [])].join(SEPARATOR), nameRange: name.range, partitions, replicas, config };
}

/** `schemas: { value.schema.file, key.schema.file }` of a topic: the TopicNameStrategy subjects. */
function readSchemas(node: unknown, topic: TopicDeclaration): SchemaDeclaration[] {
  const schemas = child(node, 'schemas').pair?.value;
  return items(schemas).concat(isMap(schemas) ? [schemas] : []).flatMap((entry) =>
    (['value', 'key'] as const).flatMap((part) => {
      const file = valued(child(entry, `${part}.schema.file`).pair?.value);
      return file ? [{ subject: `${topic.name}-${part}`, subjectRange: topic.nameRange, file, topic: topic.name }] : [];
    }));
}

/**
 * JulieOps grants a project's consumers Read on every topic of the project (a prefixed ACL on the
 * project's prefix) and a topic's own consumers Read on that topic. A consumer without `group` gets
 * every group (`*`), which names no group: not declared.
 */
function readConsumers(node: unknown, topics: Valued<string>[], prefixes: Valued<string>[]): ConsumerDeclaration[] {
  return items(child(node, 'consumers').pair?.value).flatMap((consumer) => {
    const group = valued(child(consumer, 'group').pair?.value);
    if (!group || group.value === '*') return [];
    return [{ group: group.value, groupRange: group.range, topics, prefixes, localOnly: false, failover: [], origin: 'kafka-user' as const }];
  });
}

/** The sections of a JulieOps descriptor: one, for the cluster the file is mapped to. */
export function readJulieOpsDocument(document: Document.Parsed, anchor: OffsetRange): ClusterSection {
  const root = document.contents;
  const section: ClusterSection = { anchor, document, topics: [], schemas: [], consumers: [], producers: [] };
  const naming: string[] = [];
  for (const pair of pairs(root)) {
    const key = scalarValue(pair.key);
    if (key === 'context') naming.unshift(scalarValue(pair.value) ?? '');
    else if (key !== undefined && !NOT_NAMING.has(key)) naming.push(scalarValue(pair.value) ?? '');
  }
  for (const project of items(child(root, 'projects').pair?.value)) {
    const name = scalarValue(child(project, 'name').pair?.value);
    if (name === undefined) continue;
    const prefix = [...naming, name].join(SEPARATOR);
    const projectPrefix = { value: `${prefix}${SEPARATOR}`, range: scalarRange(child(project, 'name').pair!.value as YamlNode) };
    appendAll(section.consumers, readConsumers(project, [], [projectPrefix]));
    for (const node of items(child(project, 'topics').pair?.value)) {
      const topic = readTopic(node, prefix);
      if (!topic) continue;
      section.topics.push(topic);
      appendAll(section.schemas, readSchemas(node, topic));
      appendAll(section.consumers, readConsumers(node, [{ value: topic.name, range: topic.nameRange }], []));
    }
  }
  return section;
}
