import { DEFAULT_TOPICS_EXCLUDE } from '../mm2/catalog';
import { effectiveOrDeprecated, splitList, type ConfigEntry, type Flow, type Mm2Config } from './config';
import { BoundedCache } from '../base/cache';
import { createPolicy, type ReplicationPolicy } from '../mm2/policy';
import { compilePatternList, difference, matcher, type CompiledFilter } from '../mm2/patterns/automata';
import type { NFA } from 'refa';

/** An enabled flow with what MM2 resolves for it: policy, effective topic filter, and where each came from. */
export interface FlowModel {
  flow: Flow;
  /** The file that configures this flow, and its config. */
  uri: string;
  config: Mm2Config;
  policy: ReplicationPolicy;
  topics: string[];
  topicsExclude: string[];
  /** Effective filter (`topics` minus `topics.exclude`) over legal names; undefined when unanalysable. */
  filter?: NFA;
  /** Fast membership test of `filter`. */
  admits(name: string): boolean;
  /** Why the filter cannot be analysed, when it cannot. */
  filterProblem?: string;
  topicsEntry?: ConfigEntry;
  excludeEntry?: ConfigEntry;
  policyEntry?: ConfigEntry;
  separatorEntry?: ConfigEntry;
  enabledEntry?: ConfigEntry;
}

// Compiling automata is the expensive part of an analysis; meshes repeat the same filters on
// hundreds of flows, so compiled filters are shared across flows and across analyses.
interface EffectiveFilter {
  filter?: NFA;
  problem?: string;
  admits: (name: string) => boolean;
}
// Keyed by the raw values: every flow of a mesh shares the same value strings, whose hashes V8
// computes once, where a joined key would be rebuilt and re-hashed for each flow.
const FILTER_CACHE = new BoundedCache<string, BoundedCache<string, EffectiveFilter>>(5000);

function describeProblem(compiled: CompiledFilter): string | undefined {
  if (compiled.invalid.length) return `\`${compiled.invalid[0]}\` is not a valid Java regex`;
  if (compiled.unanalysable.length) return `\`${compiled.unanalysable[0].pattern}\` cannot be analysed exactly (${compiled.unanalysable[0].reason})`;
  return undefined;
}

export function effectiveFilter(topicsValue: string, excludeValue: string): EffectiveFilter & { topics: string[]; topicsExclude: string[] } {
  const byExclude = FILTER_CACHE.get(topicsValue, () => new BoundedCache(50));
  return byExclude.get(excludeValue, () => {
    const topics = listOf(topicsValue);
    const topicsExclude = listOf(excludeValue);
    return { ...compileFilter(topics, topicsExclude), topics, topicsExclude };
  }) as EffectiveFilter & { topics: string[]; topicsExclude: string[] };
}

function compileFilter(topics: string[], topicsExclude: string[]): EffectiveFilter {
  const include = compilePatternList(topics);
  const exclude = compilePatternList(topicsExclude);
  let result: EffectiveFilter;
  const problem = describeProblem(include) ?? describeProblem(exclude);
  const never = (): boolean => false;
  if (problem || !include.nfa || !exclude.nfa) {
    result = { problem: problem ?? 'cannot be analysed', admits: never };
  } else {
    try {
      const filter = difference(include.nfa, exclude.nfa);
      result = { filter, admits: matcher(filter) };
    } catch (error) {
      result = { problem: `too complex to analyse (${(error as Error).message})`, admits: never };
    }
  }
  return result;
}

const listOf = (value: string): string[] => splitList(value).map((i) => i.item);

/** What MM2 resolves for every enabled flow of a dedicated-mode config. */
export function flowModels(config: Mm2Config, uri = ''): FlowModel[] {
  return config.flows
    // A flow into its own cluster (only a misconfigured Strimzi or Connect file can say so) is not
    // replication between clusters; duplicate-cluster-alias reports it.
    .filter((flow) => flow.enabled && flow.source !== flow.target)
    .map((flow) => {
      const value = (property: string) => config.effective(flow, property);
      const topics = value('topics');
      const exclude = effectiveOrDeprecated(value, 'topics.exclude', 'topics.blacklist');
      const policyClass = value('replication.policy.class');
      const separator = value('replication.policy.separator');
      const internalSeparator = value('replication.policy.internal.topic.separator.enabled');
      const policy = createPolicy({
        className: policyClass.value,
        separator: separator.origin === 'default' ? undefined : separator.value,
        internalTopicSeparatorEnabled: internalSeparator.value?.trim().toLowerCase() !== 'false',
        sourceAlias: flow.source,
      });
      const { filter, problem, admits, topics: topicList, topicsExclude: excludeList } = effectiveFilter(topics.value ?? '.*', exclude.value ?? DEFAULT_TOPICS_EXCLUDE);
      return {
        flow,
        uri,
        config,
        policy,
        topics: topicList,
        topicsExclude: excludeList,
        filter,
        admits,
        filterProblem: problem,
        topicsEntry: topics.entry,
        excludeEntry: exclude.entry,
        policyEntry: policyClass.entry,
        separatorEntry: separator.entry,
        enabledEntry: flow.enabledBy,
      };
    });
}

