import type { OffsetRange } from '../../base/range';
import type { ClusterSection, DeclarationFile, SchemaDeclaration, TopicDeclaration, Valued } from '../yaml/declarationTypes';
import { topicOfSubject } from '../yaml/declarations';
import type { AivenIntegrations } from './aiven';
import { rangeIn } from './aiven';
import { argumentExpr, configString, nestedBlock, type PlacedBlock, type TerraformModule } from './module';
import type { HclExpr } from './syntax';

/**
 * `aiven_kafka_topic` and `aiven_kafka_schema` as declarations of the Kafka service they name
 * (`service_name`), bound to the cluster alias the module's `kafka_mirrormaker` integrations give
 * that service — or, without one, to the alias `.mirrorlint.yaml` maps the service to.
 */
export const TOPIC_RESOURCE = 'aiven_kafka_topic';
export const SCHEMA_RESOURCE = 'aiven_kafka_schema';

interface Resolved<T> extends Valued<T> {
  expr: HclExpr;
}

function resolvedString(module: TerraformModule, placed: PlacedBlock, path: string): Resolved<string> | undefined {
  const expr = argumentExpr(placed.block, path);
  const value = expr && module.resolve(expr, placed.uri);
  if (!expr || !value || (value.kind !== 'string' && value.kind !== 'number' && value.kind !== 'bool')) return undefined;
  return { value: configString(value)!, range: rangeIn(value, placed.uri, expr).range, expr };
}

function wholeNumber(module: TerraformModule, placed: PlacedBlock, path: string): Valued<number> | undefined {
  const found = resolvedString(module, placed, path);
  return found && /^\d+$/.test(found.value) ? { value: Number(found.value), range: found.range } : undefined;
}

/** The section of one Kafka service in this file, created on first use. */
class Sections {
  private readonly byService = new Map<string, ClusterSection>();

  constructor(private readonly integrations: AivenIntegrations) {}

  of(service: Resolved<string>, anchor: OffsetRange): ClusterSection {
    let section = this.byService.get(service.value);
    if (!section) {
      const alias = this.integrations.aliasOf(service.value);
      section = {
        alias: alias !== undefined ? { value: alias, range: service.range } : undefined,
        aivenService: { value: service.value, range: service.range },
        anchor,
        topics: [],
        schemas: [],
        consumers: [],
        producers: [],
      };
      this.byService.set(service.value, section);
    }
    return section;
  }

  get all(): ClusterSection[] {
    return [...this.byService.values()];
  }
}

function readTopic(module: TerraformModule, placed: PlacedBlock): TopicDeclaration | undefined {
  const name = resolvedString(module, placed, 'topic_name');
  if (!name) return undefined;
  const config = new Map<string, Valued<string>>();
  for (const attribute of nestedBlock(placed.block, 'config')?.body.attributes ?? []) {
    const value = module.resolve(attribute.value, placed.uri);
    const text = configString(value);
    // Every topic config name is dotted words: `_` → `.` gives Kafka's name back.
    if (value && text !== undefined) config.set(attribute.name.replace(/_/g, '.'), { value: text, range: rangeIn(value, placed.uri, attribute.value).range, keyRange: attribute.nameRange });
  }
  return { name: name.value, nameRange: name.range, partitions: wholeNumber(module, placed, 'partitions'), replicas: wholeNumber(module, placed, 'replication'), config, terraform: placed.block };
}

function readSchema(module: TerraformModule, placed: PlacedBlock): SchemaDeclaration | undefined {
  const subject = resolvedString(module, placed, 'subject_name');
  if (!subject) return undefined;
  const schemaExpr = argumentExpr(placed.block, 'schema');
  const schema = schemaExpr && module.resolve(schemaExpr, placed.uri);
  // `schema = file("${path.module}/orders.avsc")`: the file, read through the host like a topology file's.
  const fileArgument = schemaExpr?.kind === 'call' && schemaExpr.name === 'file' && schemaExpr.args.length === 1 ? module.resolve(schemaExpr.args[0], placed.uri) : undefined;
  return {
    subject: subject.value,
    subjectRange: subject.range,
    type: resolvedString(module, placed, 'schema_type')?.value ?? 'AVRO',
    content: schema?.kind === 'string' ? schema.value : undefined,
    file: fileArgument?.kind === 'string' ? { value: fileArgument.value.replace(/^\.\//, ''), range: schemaExpr!.range } : undefined,
    topic: topicOfSubject(subject.value),
  };
}

/** The declarations written in one file of a module; undefined when it has none. */
export function readAivenDeclarations(uri: string, text: string, lineBreak: string, module: TerraformModule, integrations: AivenIntegrations): DeclarationFile | undefined {
  const sections = new Sections(integrations);
  let any = false;
  for (const [type, read] of [[TOPIC_RESOURCE, readTopic], [SCHEMA_RESOURCE, readSchema]] as const) {
    for (const placed of module.resources(type).filter((p) => p.uri === uri)) {
      any = true;
      const service = resolvedString(module, placed, 'service_name');
      const declaration = read(module, placed);
      if (!service || !declaration) continue;
      const section = sections.of(service, placed.block.labels[1]?.range ?? placed.block.typeRange);
      if (type === TOPIC_RESOURCE) section.topics.push(declaration as TopicDeclaration);
      else section.schemas.push(declaration as SchemaDeclaration);
      section.terraform ??= { block: placed.block, project: argumentExpr(placed.block, 'project'), service: argumentExpr(placed.block, 'service_name')! };
    }
  }
  if (!any) return undefined;
  return { uri, text, format: 'terraform', sections: sections.all, topologyDocuments: [], lineBreak };
}
