import type { NFA } from 'refa';
import { BoundedCache } from '../base/cache';
import type { ConnectorView, EffectiveValue, FileFacts, Flow, Mm2Facts, Setting } from '../formats/facts';
import { definedIn, propertyInfo } from '../mm2/catalog';
import { configFalse, parsesTrue, splitList } from '../mm2/lists';
import { compilePatternList, difference, matcher, type CompiledFilter } from '../mm2/patterns/automata';
import { createPolicy, type ReplicationPolicy } from '../mm2/policy';
import type { KafkaSemantics } from '../mm2/versions';
import { effectiveOrDeprecated } from './values';

/** A connector of the flow's pair and the file that configures it. */
export interface PlacedConnector {
  uri: string;
  file: FileFacts;
  view: ConnectorView;
}

/**
 * A flow that replicates topics, with what MM2 resolves for it: policy, effective topic filter,
 * and the settings each came from. Built once per deployment from the facts of its files.
 */
export interface FlowModel {
  flow: Flow;
  /** The file that runs the flow's source connector. */
  uri: string;
  file: FileFacts;
  mm2: Mm2Facts;
  /** MM2's behaviour in the Kafka version that runs the flow. */
  kafka: KafkaSemantics;
  /** The source connector's value of a setting. */
  value(property: string): EffectiveValue;
  /** The checkpoint connector of the pair in the deployment (another file in Connect mode), if one runs. */
  checkpoint?: PlacedConnector;
  policy: ReplicationPolicy;
  /**
   * The aliases the connector works with: the flow's, unless `source.cluster.alias` /
   * `target.cluster.alias` are set (connectorBaseConfig only fills them in when absent), which
   * is how the blank-alias idiom (`source.cluster.alias =`) makes remote names equal local ones.
   */
  sourceAlias: string;
  targetAlias: string;
  /** The name `topic` of the source gets in the target (the policy's, with the connector's source alias). */
  remoteName(topic: string): string;
  /** Heartbeats topics are replicated whatever the filter says (`heartbeats.replication.enabled`, always before 4.0). */
  replicatesHeartbeats: boolean;
  topics: string[];
  topicsExclude: string[];
  /** `topics` minus `topics.exclude`, its automaton compiled when first asked for. */
  topicFilter: TopicFilter;
  /** Fast membership test of the topic filter. */
  admits(name: string): boolean;
  topicsSetting?: Setting;
  excludeSetting?: Setting;
  policySetting?: Setting;
  separatorSetting?: Setting;
  enabledSetting?: Setting;
  /** Where findings about the flow are reported: the setting that enables it, else its topic filter. */
  anchor?: Setting;
  /** Another file's writing of the same connectors (same MM2 group, resource or connector), set differently: one of them runs. */
  variantOf?: FlowModel;
  /**
   * Everything the replay reads of the flow (its ends, policy, aliases, filter, heartbeats): two
   * models with the same key replicate the same topics under the same names, wherever their
   * settings are written.
   */
  replayKey: string;
}

// Compiling automata is the expensive part of an analysis; meshes repeat the same filters on
// hundreds of flows, so compiled filters are shared across flows and across analyses. They are
// compiled when first used: a workspace's first findings are its open file's, whose lint needs
// only its own deployment's filters.
export interface TopicFilter {
  /** The effective filter over legal names; undefined when it cannot be analysed. */
  readonly filter?: NFA;
  /** Why the filter cannot be analysed, when it cannot. */
  readonly problem?: string;
}

class EffectiveFilter implements TopicFilter {
  readonly topics: string[];
  private readonly exclude: { items: string[]; compiled: CompiledFilter };
  private compiled?: { filter?: NFA; problem?: string };
  private test?: (name: string) => boolean;

  constructor(topicsValue: string, excludeValue: string, kafka: KafkaSemantics) {
    this.topics = listItems(topicsValue, kafka);
    this.exclude = excludeList(excludeValue, kafka);
  }

  get topicsExclude(): string[] {
    return this.exclude.items;
  }

  get filter(): NFA | undefined {
    return this.compile().filter;
  }

  get problem(): string | undefined {
    return this.compile().problem;
  }

  // The minimal automaton for membership tests is built on the first test: many flows' never is.
  readonly admits = (name: string): boolean => (this.test ??= this.filter ? matcher(this.filter) : () => false)(name);

  private compile(): { filter?: NFA; problem?: string } {
    if (this.compiled) return this.compiled;
    const include = compilePatternList(this.topics);
    const exclude = this.exclude.compiled;
    const problem = describeProblem(include) ?? describeProblem(exclude);
    if (problem || !include.nfa || !exclude.nfa) return (this.compiled = { problem: problem ?? 'cannot be analysed' });
    try {
      return (this.compiled = { filter: difference(include.nfa, exclude.nfa) });
    } catch (error) {
      return (this.compiled = { problem: `too complex to analyse (${(error as Error).message})` });
    }
  }
}

// Keyed by the raw values: every flow of a mesh shares the same value strings, whose hashes V8
// computes once, where a joined key would be rebuilt and re-hashed for each flow.
const FILTER_CACHE = new BoundedCache<string, BoundedCache<string, EffectiveFilter>>(5000);

function describeProblem(compiled: CompiledFilter): string | undefined {
  if (compiled.error) return `\`${compiled.joined}\` is not a valid Java regex`;
  if (compiled.unanalysable) return `\`${compiled.joined}\` cannot be analysed exactly (${compiled.unanalysable})`;
  return undefined;
}

const HEARTBEATS_REPLICATION = propertyInfo('heartbeats.replication.enabled')!;

/** A LIST value's items as the release parses them: from 4.2 ConfigDef drops repeated items (first one kept). */
export function listItems(value: string, kafka: KafkaSemantics): string[] {
  const items = splitList(value).map((i) => i.item);
  return kafka.validatesListItems ? [...new Set(items)] : items;
}

/** `topics` minus `topics.exclude` as DefaultTopicFilter applies them (also used for groups). */
export function effectiveFilter(topicsValue: string, excludeValue: string, kafka: KafkaSemantics): EffectiveFilter {
  // The flows of a mesh share their value strings: the same objects asked for again need no
  // lookup (building and hashing the cache key of a long topic list is most of one).
  const last = lastFilter;
  if (last && last.topicsValue === topicsValue && last.excludeValue === excludeValue && last.unique === kafka.validatesListItems) return last.filter;
  const filter = cachedFilter(topicsValue, excludeValue, kafka);
  lastFilter = { topicsValue, excludeValue, unique: kafka.validatesListItems, filter };
  return filter;
}

// Flows with filters of their own mostly share one exclude list (the default): compiled once, so
// that its automaton, and the complement \`difference\` keeps for it, are shared too.
const EXCLUDE_LISTS = new BoundedCache<string, { items: string[]; compiled: CompiledFilter }>(200);
function excludeList(value: string, kafka: KafkaSemantics): { items: string[]; compiled: CompiledFilter } {
  return EXCLUDE_LISTS.get(`${kafka.validatesListItems ? 'u' : 'l'}${value}`, () => {
    const items = listItems(value, kafka);
    return { items, compiled: compilePatternList(items) };
  });
}

let lastFilter: { topicsValue: string; excludeValue: string; unique: boolean; filter: EffectiveFilter } | undefined;

function cachedFilter(topicsValue: string, excludeValue: string, kafka: KafkaSemantics): EffectiveFilter {
  const byExclude = FILTER_CACHE.get(`${kafka.validatesListItems ? 'u' : 'l'}${topicsValue}`, () => new BoundedCache(50));
  return byExclude.get(excludeValue, () => new EffectiveFilter(topicsValue, excludeValue, kafka));
}

// The replay key names a flow's filter by the compiled filter it shares with every flow of the same
// `topics` and `topics.exclude` (a mesh repeats long topic lists on every flow): no string is copied.
const FILTER_IDS = new WeakMap<EffectiveFilter, number>();
let nextFilterId = 1;
function filterId(filter: EffectiveFilter): number {
  let id = FILTER_IDS.get(filter);
  if (id === undefined) FILTER_IDS.set(filter, (id = nextFilterId++));
  return id;
}

/** What MM2 resolves for a flow whose source connector runs in `file`. */
export function flowModel(file: FileFacts, mm2: Mm2Facts, flow: Flow, kafka: KafkaSemantics): FlowModel {
  const value = (property: string) => flow.connectors.source?.value(property) ?? mm2.effective(flow, property);
  const topics = value('topics');
  const exclude = effectiveOrDeprecated(value, 'topics.exclude', 'topics.blacklist', kafka);
  const configuredAlias = (property: string, fallback: string): string => {
    const set = value(property);
    return set.origin !== 'default' && set.value !== undefined ? set.value : fallback;
  };
  const sourceAlias = configuredAlias('source.cluster.alias', flow.source);
  const targetAlias = configuredAlias('target.cluster.alias', flow.target);
  const policyClass = value('replication.policy.class');
  const separator = value('replication.policy.separator');
  const internalSeparator = value('replication.policy.internal.topic.separator.enabled');
  const policy = createPolicy({
    className: policyClass.value,
    separator: separator.origin === 'default' ? undefined : separator.value,
    // DefaultReplicationPolicy.configure: Boolean.parseBoolean of the raw value (`true ` is false).
    internalTopicSeparatorEnabled: internalSeparator.origin === 'default' || parsesTrue(internalSeparator.value),
    sourceAlias,
    legacyInternalTopics: kafka.legacyInternalTopics,
  });
  const compiled = effectiveFilter(topics.value ?? '.*', exclude.origin === 'default' || exclude.value === undefined ? kafka.defaultTopicsExclude : exclude.value, kafka);
  const replicatesHeartbeats = !(definedIn(HEARTBEATS_REPLICATION, kafka) && configFalse(value(HEARTBEATS_REPLICATION.name).value));
  return {
    flow,
    uri: file.uri,
    file,
    mm2,
    kafka,
    value,
    policy,
    sourceAlias,
    targetAlias,
    remoteName: (topic) => policy.formatRemoteTopic(sourceAlias, topic),
    replicatesHeartbeats,
    topics: compiled.topics,
    topicsExclude: compiled.topicsExclude,
    topicFilter: compiled,
    admits: compiled.admits,
    topicsSetting: topics.setting,
    excludeSetting: exclude.setting,
    policySetting: policyClass.setting,
    separatorSetting: separator.setting,
    enabledSetting: flow.enabledBy,
    anchor: flow.enabledBy ?? topics.setting,
    replayKey: [
      flow.id, flow.source, flow.target, sourceAlias, targetAlias, policyClass.value ?? '', separator.origin === 'default' ? '\u0001' : (separator.value ?? ''),
      internalSeparator.origin === 'default' || parsesTrue(internalSeparator.value), kafka.version.text, kafka.configured, kafka.legacyInternalTopics, replicatesHeartbeats,
      filterId(compiled),
    ].join('\u0000'),
  };
}
