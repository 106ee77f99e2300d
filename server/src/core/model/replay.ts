import type { NFA } from 'refa';
import { BoundedCache } from '../base/cache';
import { accepts, compilePatternList, difference, intersection, intersectionWitness, rememberedPerPair, sharedDifference, sharedIntersection, shortestNames } from '../mm2/patterns/automata';
import { literalTopic } from '../mm2/patterns/literal';
import { isCycle, MAX_TOPIC_NAME_LENGTH } from '../mm2/policy';
import type { FlowModel } from './flows';

/**
 * The one replay of MM2's replicate-or-not decision (MirrorSourceConnector.shouldReplicateTopic:
 * filter or heartbeats, not internal, not isCycle) per deployment. Every question about where a
 * topic ends up — a rule's, a hover's, the preview command's, the tree's — is answered by
 * `copiesOf` from the same memoized result, so no two views can disagree.
 */

/** One replication step: `name` is what the topic is called in the flow's target. */
export interface Hop {
  model: FlowModel;
  name: string;
}

/** A topic that exists in `cluster` under `name`, and how it got there from its origin. */
export interface Arrival {
  cluster: string;
  name: string;
  origin: string;
  originTopic: string;
  /** The flows that brought it here (built on demand). */
  hops: Hop[];
  /** Number of hops. */
  depth: number;
  /** The flow of the last hop. */
  via?: FlowModel;
  /** Its name in the cluster before the last hop. */
  previousName?: string;
  /** It came back to a cluster its path had left: a copy made by a replication loop (replication-cycle reports those). */
  looping: boolean;
}

/** Data that replication carries back into a cluster it already came from. */
export interface Cycle {
  models: FlowModel[];
  /** A topic name of the first cluster of the cycle that goes around it. */
  witness: string;
  /** Its name when it arrives back. */
  returnsAs: string;
  /** Whether the witness was written in a `topics` list (else it is an example the filters admit). */
  named: boolean;
  /**
   * The copy that came back goes around again (same name: the records loop; or a longer name each
   * round). Otherwise it is an echo: it comes back once and isCycle stops it next time (one alias
   * containing the separator does that).
   */
  endless?: boolean;
}

/** Where one topic of one cluster ends up. */
export interface Copies {
  arrivals: Arrival[];
  /** The replay stopped at its budget: further copies exist but are not listed. */
  truncated: boolean;
  /** Loops this topic travels. */
  cycles: Cycle[];
}

/** A topic the replay follows for the rules: a name written in a `topics` list, or an example a filter admits. */
export interface Sample {
  cluster: string;
  name: string;
  /** Written in a `topics` list (the user named it), rather than made up from a filter. */
  named: boolean;
}

/** How many copies of one topic the replay lists before it says it truncated. */
export const MAX_COPIES_PER_TOPIC = 1000;
/** The rules look this many hops deep: chained names and second paths show within it. */
export const RULE_DEPTH = 3;
const MAX_NAMED_SAMPLES = 50;
const FRIENDLY_NAMES = ['orders', 'payments', 'events', 'topic'];
const NICE_NAME = compilePatternList(['[a-z][a-z0-9-]*']).nfa!;
const HEARTBEATS_NAMES = compilePatternList(['.*heartbeats']).nfa!;
export const NOT_INTERNAL = difference(compilePatternList(['.*']).nfa!, compilePatternList(['.*[.-]internal', '__.*', '\\..*']).nfa!);

/** MirrorSourceConnector.shouldReplicateTopic for one flow. */
export function replicates(model: FlowModel, name: string): boolean {
  if (!model.topicFilter.filter) return false;
  const passes = model.admits(name) || (model.replicatesHeartbeats && model.policy.isHeartbeatsTopic(name));
  return passes && !model.policy.isInternalTopic(name) && !isCycle(model.policy, name, model.targetAlias);
}

/**
 * An arrival as a link to the one before it: a large mesh makes thousands of them, and most are
 * never asked for their path, so hops are built only when read.
 */
class ArrivalNode implements Arrival {
  private path: Hop[] | undefined;

  constructor(
    readonly cluster: string,
    readonly name: string,
    readonly origin: string,
    readonly originTopic: string,
    private readonly model: FlowModel | undefined,
    private readonly previous: ArrivalNode | undefined,
    readonly depth: number,
    readonly looping = false,
  ) {}

  get via(): FlowModel | undefined {
    return this.model;
  }

  get previousName(): string | undefined {
    return this.previous?.name;
  }

  get hops(): Hop[] {
    if (!this.path) this.path = this.model && this.previous ? [...this.previous.hops, { model: this.model, name: this.name }] : [];
    return this.path;
  }

  /** Whether the path so far passed through `cluster` (as the source of a hop). */
  visits(cluster: string): boolean {
    for (let node: ArrivalNode | undefined = this; node?.model; node = node.previous) if (node.model.flow.source === cluster) return true;
    return false;
  }
}

const EXAMPLES = new WeakMap<NFA, string | undefined>();

/** A readable name the filter admits: a familiar one when it fits, else the shortest plain one. */
export function exampleName(filter: NFA): string | undefined {
  if (EXAMPLES.has(filter)) return EXAMPLES.get(filter);
  const example = computeExampleName(filter);
  EXAMPLES.set(filter, example);
  return example;
}

/** A readable name both filters admit (filters are shared objects, so this is cached per pair). */
const pairExample = rememberedPerPair((a: NFA, b: NFA): string | undefined => (a === b ? exampleName(a) : computeExampleName(intersection(a, b))));

function computeExampleName(filter: NFA): string | undefined {
  const friendly = FRIENDLY_NAMES.find((name) => accepts(filter, name));
  if (friendly) return friendly;
  return intersectionWitness(filter, NICE_NAME) ?? shortestNames(intersection(filter, NOT_INTERNAL), 1)[0];
}

const cycleKey = (models: FlowModel[]): string => {
  const ids = models.map((m) => m.flow.id);
  const start = ids.indexOf([...ids].sort()[0]);
  return [...ids.slice(start), ...ids.slice(0, start)].join(' ');
};

/** Per topic, the copies found so far, level by level; deeper levels are computed when asked for. */
interface SeedState {
  arrivals: ArrivalNode[];
  frontier: ArrivalNode[];
  depth: number;
  truncated: boolean;
  cycles: Map<string, Cycle>;
  seen: Set<string>;
  /** plainCopiesOf's answer, once asked. */
  plain?: Arrival[];
}

export class Replay {
  readonly clusters: string[];
  private readonly outgoing = new Map<string, FlowModel[]>();
  // Every declared topic of every cluster is a seed: the bound is over the 2 × 50,000 topics of a
  // large active-active pair (a smaller one made each analysis recompute and evict them all).
  private readonly seeds = new BoundedCache<string, SeedState>(250_000);
  private sampleList: Sample[] | undefined;
  private sampleArrivalList: Arrival[] | undefined;
  private loopList: Cycle[] | undefined;

  constructor(readonly models: FlowModel[]) {
    for (const model of models) {
      const list = this.outgoing.get(model.flow.source);
      if (list) list.push(model);
      else this.outgoing.set(model.flow.source, [model]);
    }
    this.clusters = [...new Set(models.flatMap((m) => [m.flow.source, m.flow.target]))].sort();
  }

  /**
   * Where `topic` of `origin` ends up, up to `maxDepth` hops. Without a depth the chain is
   * followed as far as MM2 follows it: isCycle stops it, so through N clusters it has at most N−1
   * hops — unless it loops, when MM2 creates copies without end: the replay stops at
   * MAX_COPIES_PER_TOPIC copies, and says so.
   */
  copiesOf(origin: string, topic: string, maxDepth = Number.POSITIVE_INFINITY): Copies {
    const state = this.seedOf(origin, topic);
    while (state.depth < maxDepth && state.frontier.length > 0 && !state.truncated) this.expand(state);
    // Arrivals come level by level: only a deeper last one means some are past the depth asked for.
    const last = state.arrivals[state.arrivals.length - 1];
    const arrivals = last && last.depth > maxDepth ? state.arrivals.filter((a) => a.depth <= maxDepth) : state.arrivals;
    // A truncation happened while computing level depth + 1.
    return { arrivals, truncated: state.truncated && state.depth < maxDepth, cycles: [...state.cycles.values()] };
  }

  private seedOf(origin: string, topic: string): SeedState {
    return this.seeds.get(`${origin}\u0000${topic}`, () => ({
      arrivals: [],
      frontier: [new ArrivalNode(origin, topic, origin, topic, undefined, undefined, 0)],
      depth: 0,
      truncated: false,
      cycles: new Map(),
      seen: new Set(),
    }));
  }

  /** One more level of a topic's copies. */
  private expand(state: SeedState): void {
    const next: ArrivalNode[] = [];
    for (const current of state.frontier) {
      for (const model of this.outgoing.get(current.cluster) ?? []) {
        if (!replicates(model, current.name)) continue;
        const name = model.remoteName(current.name);
        const target = model.flow.target;
        const returning = target === current.origin || current.visits(target);
        if (returning) {
          const hops = [...current.hops, { model, name }];
          const loopStart = target === current.origin ? 0 : hops.findIndex((h) => h.model.flow.source === target);
          const loop = hops.slice(loopStart).map((h) => h.model);
          const cycle = cycleKey(loop);
          if (!state.cycles.has(cycle)) state.cycles.set(cycle, { models: loop, witness: loopStart === 0 ? current.originTopic : hops[loopStart - 1].name, returnsAs: name, named: false });
          // Back under its own name, the data goes into the topic it came from; under a new name
          // MM2 creates one more topic there, and the loop goes on (until the budget says stop).
        }
        const key = `${target}\u0000${name}`;
        if (state.seen.has(key) || (target === current.origin && name === current.originTopic)) continue;
        // Kafka refuses names over 249 characters: MM2 cannot create the copy, and a loop that
        // renames ends there (invalid-remote-topic-name reports it).
        if (name.length > MAX_TOPIC_NAME_LENGTH) continue;
        if (state.arrivals.length >= MAX_COPIES_PER_TOPIC) {
          state.truncated = true;
          return;
        }
        state.seen.add(key);
        const arrival = new ArrivalNode(target, name, current.origin, current.originTopic, model, current, current.depth + 1, current.looping || returning);
        state.arrivals.push(arrival);
        next.push(arrival);
      }
    }
    state.frontier = next;
    state.depth++;
  }

  /**
   * The topics the rules follow when nobody declared any: the plain names written in each flow's
   * `topics` list, then a readable example of each filter and of each pair of opposite flows (so
   * that a topic both directions admit is tried). Examples are not facts: messages say "such as".
   */
  samples(): Sample[] {
    if (this.sampleList) return this.sampleList;
    const samples: Sample[] = [];
    const known = new Map<string, Set<string>>();
    const add = (cluster: string, name: string | undefined, named: boolean, limit: number): void => {
      if (name === undefined) return;
      let names = known.get(cluster);
      if (!names) known.set(cluster, (names = new Set()));
      if (names.has(name) || names.size >= limit) return;
      names.add(name);
      samples.push({ cluster, name, named });
    };
    const listsSeen = new Map<string, Set<readonly string[]>>();
    for (const model of this.models) {
      // Flows share their topics arrays (one per distinct value): read each list once per cluster.
      const seen = listsSeen.get(model.flow.source) ?? new Set();
      listsSeen.set(model.flow.source, seen);
      if (seen.has(model.topics)) continue;
      seen.add(model.topics);
      for (const pattern of model.topics) add(model.flow.source, literalTopic(pattern), true, MAX_NAMED_SAMPLES);
    }
    const byId = new Map(this.models.map((m) => [m.flow.id, m]));
    for (const model of this.models) {
      if (!model.topicFilter.filter) continue;
      add(model.flow.source, exampleName(model.topicFilter.filter), false, MAX_NAMED_SAMPLES + 4);
      const reverse = byId.get(`${model.flow.target}->${model.flow.source}`);
      if (reverse?.topicFilter.filter) add(model.flow.source, pairExample(model.topicFilter.filter, reverse.topicFilter.filter), false, MAX_NAMED_SAMPLES + 4);
    }
    this.sampleList = samples;
    return samples;
  }

  /** Whether the user named `name` in a `topics` list of `cluster`'s flows: a fact, not an example. */
  isNamed(cluster: string, name: string): boolean {
    return this.samples().some((s) => s.named && s.cluster === cluster && s.name === name);
  }

  /** The samples' copies within the rules' depth, without those a loop makes (replication-cycle's). */
  sampleArrivals(): Arrival[] {
    this.sampleArrivalList ??= this.samples().flatMap((s) => this.copiesOf(s.cluster, s.name, RULE_DEPTH).arrivals.filter((a) => !a.looping));
    return this.sampleArrivalList;
  }

  /** Every copy of a topic that no loop makes: a path through N clusters has at most N−1 hops. */
  plainCopiesOf(origin: string, topic: string): Arrival[] {
    const state = this.seedOf(origin, topic);
    if (state.plain) return state.plain;
    const plain = this.copiesOf(origin, topic, Math.max(1, this.clusters.length - 1)).arrivals.filter((a) => !a.looping);
    // Declaration rules ask for every declared topic's copies several times per analysis.
    state.plain = plain;
    return plain;
  }

  /**
   * Replication loops: the samples followed to the end, plus an exact search on automata for
   * loops through name-keeping flows that no sample happens to travel.
   */
  loops(): Cycle[] {
    if (this.loopList) return this.loopList;
    const cycles = new Map<string, Cycle>();
    // Under a prefixing policy whose aliases do not contain the separator, isCycle sees every
    // cluster a name passed through, so no path can come back: only other flows need following.
    if (this.models.some(mayLoop)) {
      // A loop shows within one round of the clusters; deeper levels only repeat it.
      const depth = this.clusters.length + 1;
      for (const sample of this.samples()) {
        for (const cycle of this.copiesOf(sample.cluster, sample.name, depth).cycles) {
          const key = cycleKey(cycle.models);
          if (!cycles.has(key)) cycles.set(key, { ...cycle, named: sample.named });
        }
      }
    }
    for (const cycle of nameKeepingCycles(this.models, { steps: 300 })) {
      const key = cycleKey(cycle.models);
      if (!cycles.has(key)) cycles.set(key, cycle);
    }
    this.loopList = [...cycles.values()].map((cycle) => ({ ...cycle, endless: goesAroundAgain(cycle) }));
    return this.loopList;
  }
}

/** Whether the copy that came back is replicated around the same flows once more. */
function goesAroundAgain(cycle: Cycle): boolean {
  let name = cycle.returnsAs;
  for (const model of cycle.models) {
    if (!replicates(model, name)) return false;
    name = model.remoteName(name);
  }
  return true;
}

/** Whether a flow can take part in a loop MM2 does not stop. */
function mayLoop(model: FlowModel): boolean {
  const { policy, flow } = model;
  return policy.kind !== 'default' || policy.separator === '' || flow.source.includes(policy.separator) || flow.target.includes(policy.separator);
}

/**
 * Loops through flows that keep names (Identity or unknown policies): exact, on automata. The
 * names that survive a path are the intersection of its filters; a path back to its start with a
 * non-empty intersection is a loop, and its shortest name is the witness.
 */
function nameKeepingCycles(models: FlowModel[], budget: { steps: number }): Cycle[] {
  const keeping = models.filter((m) => m.policy.kind !== 'default' && m.topicFilter.filter);
  // IdentityReplicationPolicy renames what looks like a heartbeats topic with the default prefix.
  const kept = (model: FlowModel): NFA => (model.policy.kind === 'identity' ? sharedDifference(model.topicFilter.filter!, HEARTBEATS_NAMES) : model.topicFilter.filter!);
  const cycles: Cycle[] = [];
  const origins = [...new Set(keeping.map((m) => m.flow.source))];
  for (const origin of origins) {
    const visit = (cluster: string, language: NFA, path: FlowModel[]): boolean => {
      for (const model of keeping) {
        if (model.flow.source !== cluster || budget.steps-- <= 0) continue;
        const next = sharedIntersection(language, kept(model));
        if (next.isEmpty) continue;
        if (model.flow.target === origin) {
          const witness = exampleName(next);
          if (witness) cycles.push({ models: [...path, model], witness, returnsAs: witness, named: false });
          return true;
        }
        if (path.some((m) => m.flow.source === model.flow.target)) continue;
        if (visit(model.flow.target, next, [...path, model])) return true;
      }
      return false;
    };
    visit(origin, NOT_INTERNAL, []);
  }
  return cycles;
}

/** The clusters an arrival went through, origin first. */
export function arrivalPath(arrival: Arrival): string[] {
  return [arrival.origin, ...arrival.hops.map((h) => h.model.flow.target)];
}
