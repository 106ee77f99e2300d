import { OffsetMap } from '../../base/offsetMap';
import type { OffsetRange } from '../../base/range';
import { lookupProperty, propertyInfo } from '../../mm2/catalog';
import { flowId } from '../../mm2/keys';
import type { ClusterAlias, ConnectorView, EffectiveValue, Flow, Setting, UnresolvedArgument } from '../facts';
import { argumentExpr, configString, nestedBlock, type HclValue, type PlacedBlock, type TerraformModule } from './module';
import type { HclAttribute, HclBlock, HclExpr } from './syntax';

/**
 * The Aiven provider's MirrorMaker 2 resources, as MM2 facts. Sources: the provider's docs
 * (`mirrormaker_replication_flow.md`, `kafka_mirrormaker.md`, `service_integration.md`) and its
 * bidirectional example. Each `aiven_mirrormaker_replication_flow` is one flow of the MirrorMaker
 * service `service_name`; cluster aliases are the `cluster_alias` of that service's
 * `kafka_mirrormaker` integrations, which tie an alias to an Aiven Kafka service.
 */
export const FLOW_RESOURCE = 'aiven_mirrormaker_replication_flow';
export const MIRRORMAKER_RESOURCE = 'aiven_kafka_mirrormaker';
export const INTEGRATION_RESOURCE = 'aiven_service_integration';

/** Flow arguments and the MM2 setting each becomes. */
export const FLOW_ARGUMENTS: ReadonlyMap<string, string> = new Map([
  ['topics', 'topics'],
  ['topics_blacklist', 'topics.exclude'],
  ['replication_policy_class', 'replication.policy.class'],
  ['sync_group_offsets_enabled', 'sync.group.offsets.enabled'],
  ['sync_group_offsets_interval_seconds', 'sync.group.offsets.interval.seconds'],
  ['emit_heartbeats_enabled', 'emit.heartbeats.enabled'],
  ['offset_syncs_topic_location', 'offset-syncs.topic.location'],
  ['replication_factor', 'replication.factor'],
  ['config_properties_exclude', 'config.properties.exclude'],
  ['offset_lag_max', 'offset.lag.max'],
]);

/** `kafka_mirrormaker_user_config.kafka_mirrormaker` arguments: settings of every flow of the service. */
export const SERVICE_ARGUMENTS: ReadonlyMap<string, string> = new Map([
  ['groups', 'groups'],
  ['groups_exclude', 'groups.exclude'],
  ['emit_checkpoints_enabled', 'emit.checkpoints.enabled'],
  ['emit_checkpoints_interval_seconds', 'emit.checkpoints.interval.seconds'],
  ['sync_group_offsets_enabled', 'sync.group.offsets.enabled'],
  ['sync_group_offsets_interval_seconds', 'sync.group.offsets.interval.seconds'],
  ['sync_topic_configs_enabled', 'sync.topic.configs.enabled'],
  ['refresh_topics_enabled', 'refresh.topics.enabled'],
  ['refresh_topics_interval_seconds', 'refresh.topics.interval.seconds'],
  ['refresh_groups_enabled', 'refresh.groups.enabled'],
  ['refresh_groups_interval_seconds', 'refresh.groups.interval.seconds'],
  ['offset_lag_max', 'offset.lag.max'],
]);

export const SERVICE_CONFIG_PATH = 'kafka_mirrormaker_user_config.kafka_mirrormaker';

/** Where Aiven's defaults differ from MM2's (the provider documents `emit_heartbeats_enabled` as false by default). */
const AIVEN_DEFAULTS: ReadonlyMap<string, string> = new Map([['emit.heartbeats.enabled', 'false']]);

/** Arguments whose value is a list (written `["a", "b"]`; MM2 reads the items joined by commas). */
export const LIST_ARGUMENTS = new Set(['topics', 'topics_blacklist', 'config_properties_exclude', 'groups', 'groups_exclude']);

/** A flow's resource, kept for the writer. */
export interface FlowResource {
  flow: Flow;
  block: HclBlock;
}

export interface AivenMm2 {
  flows: FlowResource[];
  settings: Setting[];
  /** The HCL attribute each setting is written as. */
  attributes: Map<Setting, HclAttribute>;
  clusters: ClusterAlias[];
  aliasOccurrences: { alias: string; range: OffsetRange; isDeclaration: boolean }[];
  unresolved: UnresolvedArgument[];
  /** The MirrorMaker service blocks written in this file, by service name. */
  services: Map<string, HclBlock>;
  byKey: Map<string, Setting>;
  bootstrapServers(alias: string): string | undefined;
  effective(flow: Pick<Flow, 'source' | 'target'>, property: string): EffectiveValue;
}

/** The range of the literal a value comes from when it is written in `uri`; else the expression that refers to it. */
export function rangeIn(value: HclValue, uri: string, written: HclExpr): { range: OffsetRange; offsets?: OffsetMap } {
  const { origin } = value;
  if (origin.uri === uri && origin.expr.kind === 'string') return { range: origin.expr.inner, offsets: origin.expr.offsets };
  if (origin.uri === uri) return { range: origin.expr.range };
  return { range: written.range };
}

/** MM2's string for a list written as a tuple in this file, with each character's source offset (commas at the closing quotes). */
function listOffsets(value: HclValue, uri: string): OffsetMap | undefined {
  if (value.kind !== 'list' || value.origin.uri !== uri) return undefined;
  const offsets: number[] = [];
  for (const [i, item] of value.items.entries()) {
    if (item.origin.uri !== uri || item.origin.expr.kind !== 'string') return undefined;
    const map = item.origin.expr.offsets;
    for (let c = 0; c < (configString(item) ?? '').length; c++) offsets.push(map.at(c));
    if (i < value.items.length - 1) offsets.push(item.origin.expr.inner.end);
  }
  offsets.push(value.origin.expr.range.end - 1);
  return OffsetMap.of(offsets);
}

/** A setting for an argument whose value MirrorLint resolved. */
function settingFor(uri: string, attribute: HclAttribute, value: HclValue, property: string, shape: Setting['shape']): Setting {
  const mm2Value = configString(value) ?? '';
  const placed = rangeIn(value, uri, attribute.value);
  const valueRange = value.kind === 'list' && value.origin.uri === uri ? value.origin.expr.range : placed.range;
  const offsets = listOffsets(value, uri) ?? (placed.offsets && placed.offsets.length === mm2Value.length + 1 ? placed.offsets : OffsetMap.constant(valueRange.start, mm2Value.length + 1));
  return {
    key: attribute.name,
    value: mm2Value,
    keyRange: attribute.nameRange,
    valueRange,
    span: attribute.range,
    keyOffsets: OffsetMap.linear(attribute.nameRange.start, attribute.name.length + 1),
    valueOffsets: offsets,
    shape,
    lookup: lookupProperty(property, shape.scope === 'flow' ? 'flow' : 'top'),
    overridden: false,
  };
}

const NO_SPAN = { start: 0, end: 0 };

/** The string a value resolves to, or undefined. */
const stringOf = (value: HclValue | undefined): string | undefined => (value?.kind === 'string' ? value.value : undefined);

/**
 * Alias ↔ Kafka service, per MirrorMaker service, from the `kafka_mirrormaker` integrations of the
 * module; and each Kafka service's aliases.
 */
export class AivenIntegrations {
  private readonly services = new Map<string, Map<string, { kafka: string; project?: string }>>();

  constructor(readonly module: TerraformModule) {
    for (const placed of module.resources(INTEGRATION_RESOURCE)) {
      if (stringOf(module.argument(placed, 'integration_type')) !== 'kafka_mirrormaker') continue;
      const kafka = stringOf(module.argument(placed, 'source_service_name'));
      const mirrormaker = stringOf(module.argument(placed, 'destination_service_name'));
      const alias = stringOf(module.argument(placed, 'kafka_mirrormaker_user_config.cluster_alias'));
      if (kafka === undefined || mirrormaker === undefined || alias === undefined) continue;
      let aliases = this.services.get(mirrormaker);
      if (!aliases) this.services.set(mirrormaker, (aliases = new Map()));
      aliases.set(alias, { kafka, project: stringOf(module.argument(placed, 'project')) });
    }
  }

  /** The Kafka service an alias of a MirrorMaker service stands for. */
  kafkaOf(mirrormaker: string | undefined, alias: string): { kafka: string; project?: string } | undefined {
    if (mirrormaker !== undefined) return this.services.get(mirrormaker)?.get(alias);
    const found = [...this.services.values()].map((aliases) => aliases.get(alias)).filter((k) => k !== undefined);
    return found.length === 1 ? found[0] : undefined;
  }

  /** The one alias a Kafka service has across the module's integrations (several or none: undefined). */
  aliasOf(kafka: string): string | undefined {
    const aliases = new Set<string>();
    for (const byAlias of this.services.values()) for (const [alias, target] of byAlias) if (target.kafka === kafka) aliases.add(alias);
    return aliases.size === 1 ? [...aliases][0] : undefined;
  }
}

/** The MM2 facts of the Aiven resources written in one file of a module. */
export function readAivenMm2(uri: string, module: TerraformModule, integrations: AivenIntegrations, folder: string): AivenMm2 | undefined {
  const ownFlows = module.resources(FLOW_RESOURCE).filter((p) => p.uri === uri);
  const ownServices = module.resources(MIRRORMAKER_RESOURCE).filter((p) => p.uri === uri);
  const ownIntegrations = module.resources(INTEGRATION_RESOURCE).filter((p) => p.uri === uri && stringOf(module.argument(p, 'integration_type')) === 'kafka_mirrormaker');
  if (ownFlows.length === 0 && ownServices.length === 0 && ownIntegrations.length === 0) return undefined;

  const settings: Setting[] = [];
  const attributes = new Map<Setting, HclAttribute>();
  const clusters = new Map<string, ClusterAlias>();
  const aliasOccurrences: AivenMm2['aliasOccurrences'] = [];
  const unresolved: UnresolvedArgument[] = [];
  const byKey = new Map<string, Setting>();
  const servers = new Map<string, string>();
  const services = new Map<string, HclBlock>();
  const flows: FlowResource[] = [];

  const literalIn = (value: HclValue | undefined): OffsetRange | undefined => (value && value.origin.uri === uri && value.origin.expr.kind === 'string' ? value.origin.expr.inner : undefined);
  const declareCluster = (alias: string, value: HclValue, written: HclExpr, isDeclaration: boolean): void => {
    const literal = literalIn(value);
    if (literal) aliasOccurrences.push({ alias, range: literal, isDeclaration });
    if (!clusters.has(alias)) clusters.set(alias, { alias, range: literal ?? written.range });
  };
  const identify = (mirrormaker: string | undefined, alias: string): void => {
    if (servers.has(alias)) return;
    const kafka = integrations.kafkaOf(mirrormaker, alias);
    // No bootstrap servers in Terraform: an Aiven Kafka service is known by project and name.
    servers.set(alias, kafka ? `aiven:${kafka.project ?? ''}/${kafka.kafka}` : `aiven-alias:${folder}/${mirrormaker ?? ''}/${alias}`);
  };

  // Service-level settings of the MirrorMaker services, wherever in the module they are written.
  const serviceSettings = new Map<string, Map<string, { value: string; setting?: Setting }>>();
  const serviceUnresolved = new Map<string, UnresolvedArgument[]>();
  for (const placed of module.resources(MIRRORMAKER_RESOURCE)) {
    const name = stringOf(module.argument(placed, 'service_name'));
    if (name === undefined) continue;
    if (placed.uri === uri) services.set(name, placed.block);
    const config = nestedBlock(placed.block, SERVICE_CONFIG_PATH);
    const values = new Map<string, { value: string; setting?: Setting }>();
    const problems: UnresolvedArgument[] = [];
    for (const attribute of config?.body.attributes ?? []) {
      const property = SERVICE_ARGUMENTS.get(attribute.name);
      if (!property) continue;
      const value = module.resolve(attribute.value, placed.uri);
      const mm2Value = configString(value);
      if (!value || mm2Value === undefined) {
        problems.push({ name: attribute.name, range: attribute.value.range });
        continue;
      }
      const setting = placed.uri === uri ? settingFor(uri, attribute, value, property, { scope: 'top', property }) : undefined;
      if (setting) {
        settings.push(setting);
        attributes.set(setting, attribute);
        byKey.set(property, setting);
      }
      values.set(property, { value: mm2Value, setting });
    }
    serviceSettings.set(name, values);
    serviceUnresolved.set(name, problems);
    if (placed.uri === uri) unresolved.push(...problems);
  }

  for (const placed of ownIntegrations) {
    const aliasExpr = argumentExpr(placed.block, 'kafka_mirrormaker_user_config.cluster_alias');
    const alias = aliasExpr && module.resolve(aliasExpr, uri);
    if (aliasExpr && alias?.kind === 'string') {
      declareCluster(alias.value, alias, aliasExpr, true);
      identify(stringOf(module.argument(placed, 'destination_service_name')), alias.value);
    } else if (aliasExpr) unresolved.push({ name: 'cluster_alias', range: aliasExpr.range });
  }

  for (const placed of ownFlows) {
    const flow = readFlow(placed, uri, module, serviceSettings, serviceUnresolved, unresolved);
    if (!flow) continue;
    const { source, target, mirrormaker, sourceValue, targetValue, sourceExpr, targetExpr } = flow.context;
    declareCluster(source, sourceValue, sourceExpr, false);
    declareCluster(target, targetValue, targetExpr, false);
    identify(mirrormaker, source);
    identify(mirrormaker, target);
    for (const setting of flow.settings) {
      settings.push(setting);
      attributes.set(setting, flow.attributes.get(setting)!);
      byKey.set(`${flow.flow.id}.${setting.shape.property}`, setting);
    }
    flows.push({ flow: flow.flow, block: placed.block });
  }

  const flowById = new Map(flows.map((f) => [f.flow.id, f.flow]));
  return {
    flows,
    settings,
    attributes,
    clusters: [...clusters.values()],
    aliasOccurrences,
    unresolved,
    services,
    byKey,
    bootstrapServers: (alias) => servers.get(alias),
    effective: (flow, property) => flowById.get(flowId(flow.source, flow.target))?.connectors.source?.value(property) ?? defaultValue(property),
  };
}

/** The resource's name label, standing for the flow in related locations and as the flow's anchor. */
function resourceAnchor(block: HclBlock, shape: Setting['shape']): Setting {
  const type = block.labels[0]?.range ?? block.typeRange;
  const name = block.labels[1]?.range ?? type;
  const value = block.labels[1]?.value ?? '';
  return {
    key: block.labels[0]?.value ?? block.type,
    value,
    keyRange: type,
    valueRange: name,
    span: { start: block.range.start, end: name.end },
    keyOffsets: OffsetMap.constant(type.start, (block.labels[0]?.value ?? block.type).length + 1),
    valueOffsets: OffsetMap.constant(name.start, value.length + 1),
    shape,
    lookup: undefined,
    overridden: false,
  };
}

function defaultValue(property: string): EffectiveValue {
  return { value: AIVEN_DEFAULTS.get(property) ?? propertyInfo(property)?.defaultValue, origin: 'default' };
}

interface ReadFlow {
  flow: Flow;
  settings: Setting[];
  attributes: Map<Setting, HclAttribute>;
  context: { source: string; target: string; mirrormaker?: string; sourceValue: HclValue; targetValue: HclValue; sourceExpr: HclExpr; targetExpr: HclExpr };
}

/** One replication flow resource; undefined when its aliases cannot be resolved (reported as unresolved). */
function readFlow(
  placed: PlacedBlock,
  uri: string,
  module: TerraformModule,
  serviceSettings: Map<string, Map<string, { value: string; setting?: Setting }>>,
  serviceUnresolved: Map<string, UnresolvedArgument[]>,
  unresolved: UnresolvedArgument[],
): ReadFlow | undefined {
  const { block } = placed;
  const sourceExpr = argumentExpr(block, 'source_cluster');
  const targetExpr = argumentExpr(block, 'target_cluster');
  const sourceValue = sourceExpr && module.resolve(sourceExpr, uri);
  const targetValue = targetExpr && module.resolve(targetExpr, uri);
  if (!sourceExpr || !targetExpr || sourceValue?.kind !== 'string' || targetValue?.kind !== 'string') {
    for (const [name, expr, value] of [['source_cluster', sourceExpr, sourceValue], ['target_cluster', targetExpr, targetValue]] as const) {
      if (expr && value?.kind !== 'string') unresolved.push({ name, range: expr.range });
    }
    return undefined;
  }
  const source = sourceValue.value;
  const target = targetValue.value;
  const id = flowId(source, target);
  const services = module.resources(MIRRORMAKER_RESOURCE);
  // One MirrorMaker service in the module: a flow whose service_name MirrorLint cannot resolve is surely its.
  const mirrormaker = stringOf(module.argument(placed, 'service_name')) ?? (services.length === 1 ? stringOf(module.argument(services[0], 'service_name')) : undefined);
  const shape = (property: string): Setting['shape'] => ({ scope: 'flow', source, target, sourceSpan: NO_SPAN, targetSpan: NO_SPAN, property, propertyStart: 0 });

  const settings: Setting[] = [];
  const attributes = new Map<Setting, HclAttribute>();
  const own = new Map<string, Setting>();
  const unknown: UnresolvedArgument[] = [];
  for (const attribute of block.body.attributes) {
    const property = FLOW_ARGUMENTS.get(attribute.name);
    if (!property) continue;
    const value = module.resolve(attribute.value, uri);
    if (!value || configString(value) === undefined) {
      unknown.push({ name: attribute.name, range: attribute.value.range, flow: id });
      continue;
    }
    const setting = settingFor(uri, attribute, value, property, shape(property));
    settings.push(setting);
    attributes.set(setting, attribute);
    own.set(property, setting);
  }
  const enableExpr = argumentExpr(block, 'enable');
  const enable = enableExpr && module.resolve(enableExpr, uri);
  if (enableExpr && enable?.kind !== 'bool') unknown.push({ name: 'enable', range: enableExpr.range, flow: id });
  unresolved.push(...unknown);
  const fromService = mirrormaker !== undefined ? serviceSettings.get(mirrormaker) : undefined;
  // The service's unresolved settings apply to this flow too (reported where the service is written).
  const blocking = [...unknown, ...((mirrormaker !== undefined && serviceUnresolved.get(mirrormaker)) || [])];

  const value = (property: string): EffectiveValue => {
    const setting = own.get(property);
    if (setting) return { value: setting.value, origin: 'flow', setting };
    const service = fromService?.get(property);
    if (service) return { value: service.value, origin: 'top', setting: service.setting };
    return defaultValue(property);
  };
  const anchor = resourceAnchor(block, shape('enabled'));
  const connectors: Flow['connectors'] = {};
  for (const role of ['source', 'checkpoint', 'heartbeat'] as const) connectors[role] = { role, value, anchor } satisfies ConnectorView;
  const resourceName = block.labels[1]?.value ?? '';
  // A value MirrorLint cannot resolve may change what the flow replicates: the flow is left unchecked rather than guessed.
  const enabled = blocking.length === 0 && enable?.kind === 'bool' && enable.value;
  const enabledReason = blocking.length > 0
    ? `\`${blocking[0].name}\` of ${FLOW_RESOURCE}.${resourceName} cannot be resolved, so MirrorLint does not check the flow`
    : enable?.kind === 'bool' && !enable.value
      ? `\`enable = false\` in ${FLOW_RESOURCE}.${resourceName}`
      : `${FLOW_RESOURCE}.${resourceName}`;
  const flow: Flow = { id, source, target, enabled: Boolean(enabled), enabledReason, enabledBy: enabled ? anchor : undefined, connectors };
  return { flow, settings, attributes, context: { source, target, mirrormaker, sourceValue, targetValue, sourceExpr, targetExpr } };
}
