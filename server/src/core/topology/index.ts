import type { Mm2Config } from '../model/config';
import { flowModels, type FlowModel } from './flows';
import { simulate, type Simulation, type SimulationOptions } from './simulate';

export * from './flows';
export * from './simulate';

export interface Topology {
  models: FlowModel[];
  simulation: Simulation;
}

const TOPOLOGY_CACHE = new WeakMap<Mm2Config, Topology>();

/** The replication topology of a config, computed once per config and shared by the rules. */
export function topologyOf(config: Mm2Config, options?: SimulationOptions): Topology {
  if (!options) {
    const cached = TOPOLOGY_CACHE.get(config);
    if (cached) return cached;
  }
  const models = flowModels(config);
  const topology = { models, simulation: simulate(models, options) };
  if (!options) TOPOLOGY_CACHE.set(config, topology);
  return topology;
}
