import type { Mm2Config } from './config';
import { flowModels, type FlowModel } from './flows';
import { simulate, type Simulation, type SimulationOptions } from './replay';

export * from './flows';
export * from './replay';

export interface Topology {
  /** The configs the topology was built from, with their files. */
  configs: { uri: string; config: Mm2Config }[];
  models: FlowModel[];
  simulation: Simulation;
}

const TOPOLOGY_CACHE = new WeakMap<Mm2Config, Topology>();

/** The replication topology of a single config, computed once per config. */
export function topologyOf(config: Mm2Config, options?: SimulationOptions): Topology {
  if (!options) {
    const cached = TOPOLOGY_CACHE.get(config);
    if (cached) return cached;
  }
  const topology = workspaceTopology([{ uri: '', config }], options);
  if (!options) TOPOLOGY_CACHE.set(config, topology);
  return topology;
}

/**
 * One topology from several MM2 configs: dedicated MM2 clusters often run one per target data
 * centre (K1's runs K2->K1, K2's runs K1->K2), and only together do their flows form the loops,
 * chains and second paths the rules look for.
 */
export function workspaceTopology(configs: { uri: string; config: Mm2Config }[], options?: SimulationOptions): Topology {
  // Files in a fixed order, so that the CLI and the server (which meet files in different orders)
  // follow the same paths and report each finding at the same place.
  const ordered = [...configs].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  const models = ordered.flatMap(({ uri, config }) => flowModels(config, uri));
  return { configs, models, simulation: simulate(models, options) };
}
