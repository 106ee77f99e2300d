import type { SchemaDeclaration, TopicDeclaration, Valued } from '../../../formats/yaml/declarationTypes';
import { relativePath, resolveFrom } from '../../../base/paths';
import type { Declared, DeclaredCluster } from '../../../model/declared';
import { addToSection, flowMap, rawValue, setIn, yamlScalar } from '../../../formats/yaml/edits';
import { sectionToEdit } from './facts';
import { terraformSchema, terraformTopic, terraformTopicSetting } from './terraformEdits';
import type { TextEdit } from '../../types';

/** A declared value as YAML text: as written in YAML files; a Terraform value (maybe from a variable) as its value. */
export function writtenValue(file: { format: string; text: string }, valued: Valued<unknown>): string {
  if (file.format !== 'terraform') return rawValue(file.text, valued);
  return typeof valued.value === 'number' ? String(valued.value) : JSON.stringify(String(valued.value));
}

/** `{partitions: 12, config: {retention.ms: "604800000"}}`, values copied as written. */
function topicSettings(topic: Declared<TopicDeclaration>): string {
  const entries: [string, string][] = [];
  if (topic.decl.partitions) entries.push(['partitions', writtenValue(topic.file, topic.decl.partitions)]);
  if (topic.decl.replicas) entries.push(['replicas', writtenValue(topic.file, topic.decl.replicas)]);
  if (topic.decl.config.size) entries.push(['config', flowMap([...topic.decl.config].map(([key, value]) => [key, writtenValue(topic.file, value)]))]);
  return flowMap(entries);
}

/** A Kubernetes object name for a topic (lower case, `.` and `-`), like Strimzi's own conversion. */
function resourceName(topic: string): string {
  return topic.toLowerCase().replace(/[^a-z0-9.-]/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '') || 'topic';
}

/** A KafkaTopic resource, appended as a new document to a file of Strimzi resources. */
function kafkaTopicDocument(topic: Declared<TopicDeclaration>, apiVersion: string, label: string, eol: string): string {
  const name = resourceName(topic.decl.name);
  const lines = ['---', `apiVersion: ${apiVersion}`, 'kind: KafkaTopic', 'metadata:', `  name: ${name}`, '  labels:', `    ${apiVersion.startsWith('eventstreams.ibm.com/') ? 'eventstreams.ibm.com' : 'strimzi.io'}/cluster: ${yamlScalar(label)}`, 'spec:'];
  if (name !== topic.decl.name) lines.push(`  topicName: ${yamlScalar(topic.decl.name)}`);
  if (topic.decl.partitions) lines.push(`  partitions: ${writtenValue(topic.file, topic.decl.partitions)}`);
  if (topic.decl.replicas) lines.push(`  replicas: ${writtenValue(topic.file, topic.decl.replicas)}`);
  if (topic.decl.config.size) lines.push('  config:', ...[...topic.decl.config].map(([key, value]) => `    ${yamlScalar(key)}: ${writtenValue(topic.file, value)}`));
  if (lines[lines.length - 1] === 'spec:') lines.push('  partitions: 1');
  return lines.join(eol);
}

/** Declares `topic` (with its partitions and configs) in the peer cluster's declarations. */
export function declareTopicIn(peer: DeclaredCluster, topic: Declared<TopicDeclaration> | undefined, name: string): TextEdit | undefined {
  const place = sectionToEdit(peer);
  if (!place) return undefined;
  const { file, section } = place;
  if (file.format === 'terraform') return terraformTopic(place, topic, name);
  if (file.format === 'kafka-topology' && section.body) {
    const value = topic ? topicSettings(topic) : '{}';
    return { ...addToSection(file.text, section.body, 'topics', { mapEntry: [name, value] }, file.lineBreak), uri: file.uri };
  }
  if (!section.strimziCluster || !section.strimziApiVersion) return undefined;
  const source: Declared<TopicDeclaration> = topic ?? { ...place, decl: { name, nameRange: { start: 0, end: 0 }, config: new Map() } };
  const eol = file.lineBreak;
  const end = file.text.length;
  const lead = end === 0 || file.text.endsWith('\n') ? '' : eol;
  return { uri: file.uri, range: { start: end, end }, newText: `${lead}${kafkaTopicDocument(source, section.strimziApiVersion, section.strimziCluster.value, eol)}${eol}` };
}

/** Sets a topic setting (`partitions`, or `config` → `retention.ms`) in another declaration to a value written as in `from`. */
export function alignTopicSetting(target: Declared<TopicDeclaration>, path: string[], value: string): TextEdit | undefined {
  if (target.file.format === 'terraform') return terraformTopicSetting(target, path, value);
  const map = target.decl.settingsNode;
  if (!map) return undefined;
  return { ...setIn(target.file.text, map, path, value, target.file.lineBreak), uri: target.uri };
}

/** Declares a schema subject in the peer cluster, with the same schema file (re-pathed for the peer's file). */
export function declareSubjectIn(peer: DeclaredCluster, schema: Declared<SchemaDeclaration>): TextEdit | undefined {
  const place = sectionToEdit(peer);
  if (place?.file.format === 'terraform') return terraformSchema(place, schema);
  if (!place || place.file.format !== 'kafka-topology' || !place.section.body) return undefined;
  const { decl } = schema;
  // A schema held inline (an Aiven KafkaSchema) has no file a topology file could name.
  if (decl.content !== undefined && !decl.file) return undefined;
  const entries: [string, string][] = [['subject', yamlScalar(decl.subject)]];
  if (decl.type) entries.push(['type', yamlScalar(decl.type)]);
  if (decl.file) entries.push(['file', yamlScalar(relativePath(place.uri, resolveFrom(schema.uri, decl.file.value)))]);
  const explicitTopic = decl.topic && !decl.subject.startsWith(`${decl.topic}-`);
  if (explicitTopic) entries.push(['topic', yamlScalar(decl.topic!)]);
  return { ...addToSection(place.file.text, place.section.body, 'schemas', { item: flowMap(entries) }, place.file.lineBreak), uri: place.uri };
}
