import { isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import type { OffsetRange } from '../../base/range';
import { child, pairs, scalarRange } from './nodes';
import type { ClusterSection, Valued } from './declarationTypes';

/**
 * kafka-gitops (devshawn/kafka-gitops) desired-state files: `topics` (partitions, replication,
 * configs), `services` and `schemas`, for one cluster — which one comes from a folder mapping in
 * `.mirrorlint.yaml`. Read as kafka-gitops builds its ACLs (ApplicationService): an `application`
 * service reads its `consumes` topics with the consumer group named after the service.
 */
const TOPICS = /^topics:[ \t]*(#.*)?$/m;
const GITOPS_ONLY = /^(?:customServiceAcls|customUserAcls):|[\s{,]type:[ \t]*["']?(?:application|kafka-streams|kafka-connect)["']?[ \t]*[,}\r\n#]/m;
const KIND = /^kind:/m;

/** Whether a YAML text is a kafka-gitops state file (its topics plus something only kafka-gitops writes). */
export function isKafkaGitopsState(text: string): boolean {
  return TOPICS.test(text) && GITOPS_ONLY.test(text) && !KIND.test(text);
}

const scalarValue = (node: unknown): string | undefined => (isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : undefined);

function valued(node: unknown): Valued<string> | undefined {
  const value = scalarValue(node);
  return value === undefined ? undefined : { value, range: scalarRange(node as YamlNode) };
}

function wholeNumber(node: unknown): Valued<number> | undefined {
  const found = valued(node);
  const value = found ? Number(found.value) : NaN;
  return found && Number.isInteger(value) ? { ...found, value } : undefined;
}

/** The declarations of a kafka-gitops state file: one section, for the cluster the file is mapped to. */
export function readKafkaGitopsDocument(document: Document.Parsed, anchor: OffsetRange): ClusterSection {
  const root = document.contents;
  const section: ClusterSection = { anchor, document, topics: [], schemas: [], consumers: [], producers: [] };
  for (const pair of pairs(child(root, 'topics').pair?.value)) {
    const name = valued(pair.key);
    if (!name) continue;
    const config = new Map<string, Valued<string>>();
    for (const entry of pairs(child(pair.value, 'configs').pair?.value)) {
      const key = scalarValue(entry.key);
      const value = valued(entry.value);
      if (key !== undefined && value) config.set(key, { ...value, keyRange: scalarRange(entry.key as YamlNode) });
    }
    section.topics.push({ name: name.value, nameRange: name.range, partitions: wholeNumber(child(pair.value, 'partitions').pair?.value), replicas: wholeNumber(child(pair.value, 'replication').pair?.value), config });
  }
  for (const pair of pairs(child(root, 'services').pair?.value)) {
    const service = valued(pair.key);
    if (!service || scalarValue(child(pair.value, 'type').pair?.value) !== 'application') continue;
    const consumes = child(pair.value, 'consumes').pair?.value;
    const topics = (isSeq(consumes) ? consumes.items : []).map(valued).filter((t): t is Valued<string> => t !== undefined);
    if (topics.length) section.consumers.push({ group: service.value, groupRange: service.range, topics, localOnly: false, failover: [], origin: 'kafka-user' });
  }
  // Subjects by name; their files sit under kafka-gitops' own schema directory setting, so contents are not compared.
  for (const pair of pairs(child(root, 'schemas').pair?.value)) {
    const subjects = child(pair.value, 'subjects').pair?.value;
    const type = scalarValue(child(pair.value, 'type').pair?.value)?.toUpperCase();
    for (const subject of (isSeq(subjects) ? subjects.items : []).map(valued)) {
      if (subject) section.schemas.push({ subject: subject.value, subjectRange: subject.range, type, topic: /^(.+)-(?:key|value)$/.exec(subject.value)?.[1] });
    }
  }
  return section;
}
