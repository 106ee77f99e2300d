import type { NFA } from 'refa';
import { isCycle } from '../mm2/policy';
import { accepts, compilePatternList, difference, intersection, intersectionWitness, shortestNames } from '../mm2/patterns/automata';
import { literalTopic } from '../mm2/patterns/literal';
import type { FlowModel } from './flows';

/** One replication step: `name` is what the topic is called in `to`. */
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
  /** The flow of the last hop (undefined for a seed). */
  via?: FlowModel;
  /** Its name in the cluster before the last hop. */
  previousName?: string;
}

/**
 * An arrival as a link to the one before it: the replay creates thousands of them in a large mesh,
 * and most are never asked for their path, so hops are built only when read.
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

/** Data that replication carries back into a cluster it already came from. */
export interface Cycle {
  models: FlowModel[];
  /** A topic of the first cluster of the cycle that goes around it. */
  witness: string;
  /** Its name when it arrives back. */
  returnsAs: string;
}

export interface Simulation {
  seeds: Map<string, string[]>;
  arrivals: Arrival[];
  cycles: Cycle[];
  /** The search stopped at its state budget: later names are not shown or checked. */
  truncated: boolean;
}

export interface SimulationOptions {
  /** Topics known to exist per cluster; by default, witnesses the filters yield. */
  seeds?: Map<string, string[]>;
  maxDepth?: number;
  maxStates?: number;
}

const MAX_LITERAL_SEEDS = 50;
const FRIENDLY_NAMES = ['orders', 'payments', 'events', 'topic'];
const NICE_NAME = compilePatternList(['[a-z][a-z0-9-]*']).nfa!;
const NOT_INTERNAL = difference(compilePatternList(['.*']).nfa!, compilePatternList(['.*[.-]internal', '__.*', '\\..*']).nfa!);

/** MirrorSourceConnector.shouldReplicateTopic for one flow. */
export function replicates(model: FlowModel, name: string): boolean {
  if (!model.filter) return false;
  const passes = model.admits(name) || model.policy.isHeartbeatsTopic(name);
  return passes && !model.policy.isInternalTopic(name) && !isCycle(model.policy, name, model.flow.target);
}

const EXAMPLES = new WeakMap<NFA, string | undefined>();
const PAIR_EXAMPLES = new WeakMap<NFA, WeakMap<NFA, string | undefined>>();

/** A readable name the filter admits: a familiar one when it fits, else the shortest plain one. */
export function exampleName(filter: NFA): string | undefined {
  if (EXAMPLES.has(filter)) return EXAMPLES.get(filter);
  const example = computeExampleName(filter);
  EXAMPLES.set(filter, example);
  return example;
}

/** A readable name both filters admit (filters are shared objects, so this is cached per pair). */
function pairExample(a: NFA, b: NFA): string | undefined {
  let inner = PAIR_EXAMPLES.get(a);
  if (!inner) PAIR_EXAMPLES.set(a, (inner = new WeakMap()));
  if (inner.has(b)) return inner.get(b);
  const example = a === b ? exampleName(a) : computeExampleName(intersection(a, b));
  inner.set(b, example);
  return example;
}

function computeExampleName(filter: NFA): string | undefined {
  const friendly = FRIENDLY_NAMES.find((name) => accepts(filter, name));
  if (friendly) return friendly;
  return intersectionWitness(filter, NICE_NAME) ?? shortestNames(intersection(filter, NOT_INTERNAL), 1)[0];
}

/**
 * Topics assumed to exist in each cluster: the plain names written in its flows' `topics` lists
 * (the user named them), then a readable example of each filter and of each pair of opposite
 * flows (so that a topic both directions admit is tried).
 */
function defaultSeeds(models: FlowModel[]): Map<string, string[]> {
  const seeds = new Map<string, string[]>();
  const known = new Map<string, Set<string>>();
  const add = (cluster: string, name: string | undefined, limit: number): void => {
    if (name === undefined) return;
    let names = known.get(cluster);
    if (!names) known.set(cluster, (names = new Set()));
    if (names.has(name) || names.size >= limit) return;
    names.add(name);
    seeds.set(cluster, [...(seeds.get(cluster) ?? []), name]);
  };
  const listsSeen = new Map<string, Set<readonly string[]>>();
  for (const model of models) {
    // Flows share their topics arrays (one per distinct value): read each list once per cluster.
    const seen = listsSeen.get(model.flow.source) ?? new Set();
    listsSeen.set(model.flow.source, seen);
    if (seen.has(model.topics)) continue;
    seen.add(model.topics);
    for (const pattern of model.topics) {
      if ((known.get(model.flow.source)?.size ?? 0) >= MAX_LITERAL_SEEDS) break;
      add(model.flow.source, literalTopic(pattern), MAX_LITERAL_SEEDS);
    }
  }
  const byId = new Map(models.map((m) => [m.flow.id, m]));
  for (const model of models) {
    if (!model.filter) continue;
    add(model.flow.source, exampleName(model.filter), MAX_LITERAL_SEEDS + 4);
    const reverse = byId.get(`${model.flow.target}->${model.flow.source}`);
    if (reverse?.filter) add(model.flow.source, pairExample(model.filter, reverse.filter), MAX_LITERAL_SEEDS + 4);
  }
  return seeds;
}

const cycleKey = (models: FlowModel[]): string => {
  const ids = models.map((m) => m.flow.id);
  const start = ids.indexOf([...ids].sort()[0]);
  return [...ids.slice(start), ...ids.slice(0, start)].join(' ');
};

/**
 * Loops through flows that keep names (Identity or unknown policies): exact, on automata. The
 * names that survive a path are the intersection of its filters; a path back to its start with a
 * non-empty intersection is a loop, and its shortest name is the witness.
 */
function nameKeepingCycles(models: FlowModel[], budget: { steps: number }): Cycle[] {
  const keeping = models.filter((m) => m.policy.kind !== 'default' && m.filter);
  const cycles: Cycle[] = [];
  const origins = [...new Set(keeping.map((m) => m.flow.source))];
  for (const origin of origins) {
    const visit = (cluster: string, language: NFA, path: FlowModel[]): boolean => {
      for (const model of keeping) {
        if (model.flow.source !== cluster || budget.steps-- <= 0) continue;
        const next = intersection(language, model.filter!);
        if (next.isEmpty) continue;
        if (model.flow.target === origin) {
          const models = [...path, model];
          const witness = exampleName(next);
          if (witness) cycles.push({ models, witness, returnsAs: witness });
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

/**
 * Replays MM2's replicate-or-not decision from the seed topics of every cluster, hop by hop, to a
 * bounded depth: which remote topics appear where, by which path, and which data comes back.
 */
export function simulate(models: FlowModel[], options: SimulationOptions = {}): Simulation {
  const seeds = options.seeds ?? defaultSeeds(models);
  const clusters = new Set(models.flatMap((m) => [m.flow.source, m.flow.target]));
  // Depth 3 shows chained names and second paths; longer name-keeping loops are found exactly
  // by nameKeepingCycles. The state budget keeps full meshes of dozens of clusters fast.
  const maxDepth = options.maxDepth ?? Math.min(Math.max(clusters.size, 2), 3);
  const maxStates = options.maxStates ?? 2000;
  const outgoing = new Map<string, FlowModel[]>();
  for (const model of models) outgoing.set(model.flow.source, [...(outgoing.get(model.flow.source) ?? []), model]);

  const arrivals: Arrival[] = [];
  const cycles = new Map<string, Cycle>();
  const seen = new Set<string>();
  // Each origin cluster gets its share of the budget, so that in a large mesh every cluster's
  // topics are followed past the first hop instead of the first clusters using it all up.
  const perOrigin = Math.max(50, Math.floor(maxStates / Math.max(1, seeds.size)));
  const used = new Map<string, number>();
  const queue: ArrivalNode[] = [];
  for (const [cluster, names] of seeds) {
    for (const name of names) queue.push(new ArrivalNode(cluster, name, cluster, name, undefined, undefined, 0));
  }
  let truncated = false;
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head];
    if (current.depth >= maxDepth) continue;
    for (const model of outgoing.get(current.cluster) ?? []) {
      if (!replicates(model, current.name)) continue;
      const name = model.policy.formatRemoteTopic(model.flow.source, current.name);
      const target = model.flow.target;
      const revisits = target === current.origin || current.visits(target);
      if (revisits) {
        const hops = [...current.hops, { model, name }];
        const loopStart = target === current.origin ? 0 : hops.findIndex((h) => h.model.flow.source === target);
        const loop = hops.slice(loopStart).map((h) => h.model);
        const witness = loopStart === 0 ? current.originTopic : hops[loopStart - 1].name;
        const key = cycleKey(loop);
        if (!cycles.has(key)) cycles.set(key, { models: loop, witness, returnsAs: name });
        continue;
      }
      const key = `${target}\u0000${name}\u0000${current.origin}`;
      if (seen.has(key)) continue;
      const count = used.get(current.origin) ?? 0;
      if (count >= perOrigin) {
        truncated = true;
        continue;
      }
      used.set(current.origin, count + 1);
      seen.add(key);
      const arrival = new ArrivalNode(target, name, current.origin, current.originTopic, model, current, current.depth + 1);
      arrivals.push(arrival);
      queue.push(arrival);
    }
  }
  // The exact search finds name-keeping loops that no seed happens to travel; loops a seed
  // travelled keep that seed as their witness (it is a topic the user has or declared).
  for (const cycle of nameKeepingCycles(models, { steps: 300 })) {
    const key = cycleKey(cycle.models);
    if (!cycles.has(key)) cycles.set(key, cycle);
  }
  return { seeds, arrivals, cycles: [...cycles.values()], truncated };
}
