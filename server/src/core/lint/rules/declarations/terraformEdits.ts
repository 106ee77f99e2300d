import { parse } from 'yaml';
import type { TextEdit } from '../../../base/finding';
import { relativePath, resolveFrom } from '../../../base/paths';
import { nestedBlock } from '../../../formats/terraform/module';
import { appendBlock, hclString, resourceLabel, setAttribute } from '../../../formats/terraform/edits';
import { SCHEMA_RESOURCE, TOPIC_RESOURCE } from '../../../formats/terraform/declarations';
import type { ClusterSection, SchemaDeclaration, TopicDeclaration } from '../../../formats/yaml/declarationTypes';
import type { Declared } from '../../../model/declared';

/** A value as another declaration wrote it (YAML text, or a Terraform string) as plain text. */
function plain(written: string): string {
  try {
    const value: unknown = parse(written);
    return value === null || typeof value === 'object' ? written : String(value);
  } catch {
    return written;
  }
}

/** The arguments a new resource of the section's Kafka service starts with: `project` and `service_name` as its other resources write them. */
function serviceArguments(place: Declared<ClusterSection>): string[] {
  const { terraform } = place.section;
  if (!terraform) return [];
  const text = place.file.text;
  const written = (range: { start: number; end: number }): string => text.slice(range.start, range.end);
  const lines: string[] = [];
  if (terraform.project) lines.push(`  project      = ${written(terraform.project.range)}`);
  lines.push(`  service_name = ${written(terraform.service.range)}`);
  return lines;
}

/** An `aiven_kafka_topic` for `name` in the peer's Terraform file, with the partitions, replication and configs of `topic`. */
export function terraformTopic(place: Declared<ClusterSection>, topic: Declared<TopicDeclaration> | undefined, name: string): TextEdit | undefined {
  if (!place.section.terraform) return undefined;
  const { text, lineBreak } = place.file;
  const lines = [`resource "${TOPIC_RESOURCE}" "${resourceLabel(text, TOPIC_RESOURCE, name)}" {`, ...serviceArguments(place), `  topic_name   = ${hclString(name)}`];
  if (topic?.decl.partitions) lines.push(`  partitions   = ${topic.decl.partitions.value}`);
  if (topic?.decl.replicas) lines.push(`  replication  = ${topic.decl.replicas.value}`);
  if (topic?.decl.config.size) {
    lines.push('', '  config {');
    for (const [key, value] of topic.decl.config) lines.push(`    ${key.replace(/\./g, '_')} = ${hclString(value.value)}`);
    lines.push('  }');
  }
  lines.push('}');
  return { ...appendBlock(text, lines, lineBreak), uri: place.uri };
}

/** Sets `partitions`, `replicas` or a config of a Terraform topic to a value written elsewhere. */
export function terraformTopicSetting(target: Declared<TopicDeclaration>, path: string[], written: string): TextEdit | undefined {
  const block = target.decl.terraform;
  if (!block) return undefined;
  const { text, lineBreak } = target.file;
  const value = plain(written);
  if (path[0] === 'partitions' || path[0] === 'replicas') {
    if (!/^\d+$/.test(value)) return undefined;
    return { ...setAttribute(text, block, path[0] === 'replicas' ? 'replication' : 'partitions', value, lineBreak), uri: target.uri };
  }
  if (path[0] !== 'config' || path[1] === undefined) return undefined;
  const argument = path[1].replace(/\./g, '_');
  const config = nestedBlock(block, 'config');
  if (config) return { ...setAttribute(text, config, argument, hclString(value), lineBreak), uri: target.uri };
  // No `config` block yet: one, with the setting.
  const edit = setAttribute(text, block, 'config', '', lineBreak);
  const indent = /^[ \t]*/.exec(edit.newText)![0];
  return { range: edit.range, newText: edit.newText.replace(/config = \r?\n?$/, `config {${lineBreak}${indent}  ${argument} = ${hclString(value)}${lineBreak}${indent}}${lineBreak}`), uri: target.uri };
}

/** An `aiven_kafka_schema` for the subject in the peer's Terraform file: the same schema file, or the same schema inline. */
export function terraformSchema(place: Declared<ClusterSection>, schema: Declared<SchemaDeclaration>): TextEdit | undefined {
  if (!place.section.terraform) return undefined;
  const { decl } = schema;
  const { text, lineBreak } = place.file;
  let schemaArgument: string[];
  if (decl.file) schemaArgument = [`  schema       = file("\${path.module}/${relativePath(place.uri, resolveFrom(schema.uri, decl.file.value)).replace(/"/g, '\\"')}")`];
  else if (decl.content !== undefined && !/^\s*EOT\s*$/m.test(decl.content)) schemaArgument = ['  schema       = <<-EOT', ...decl.content.replace(/\r?\n$/, '').split(/\r?\n/).map((line) => (line ? `    ${line}` : '')), '  EOT'];
  else return undefined;
  const lines = [`resource "${SCHEMA_RESOURCE}" "${resourceLabel(text, SCHEMA_RESOURCE, decl.subject)}" {`, ...serviceArguments(place), `  subject_name = ${hclString(decl.subject)}`];
  if (decl.type && decl.type !== 'AVRO') lines.push(`  schema_type  = ${hclString(decl.type)}`);
  lines.push(...schemaArgument, '}');
  return { ...appendBlock(text, lines, lineBreak), uri: place.uri };
}
