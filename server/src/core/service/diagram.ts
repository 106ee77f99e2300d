import { flowProducts, summarise } from './preview';
import type { Topology } from '../model/topology';

const mermaidText = (text: string): string => text.replace(/"/g, '#quot;');

/**
 * A Mermaid flowchart of a topology's enabled flows, labelled with what each flow produces; flows
 * and clusters of a replication loop are drawn in red. Shared by the CLI (`topology --format
 * mermaid`) and the editor's diagram view, so both show the same graph.
 */
export function topologyMermaid(topology: Topology, extraClusters: string[] = []): string {
  const lines = ['flowchart LR'];
  const ids = new Map<string, string>();
  const looping = new Set(topology.simulation.cycles.flatMap((c) => c.models.map((m) => m.flow.id)));
  const loopClusters = new Set(topology.simulation.cycles.flatMap((c) => c.models.map((m) => m.flow.source)));
  const nodeId = (alias: string): string => {
    let id = ids.get(alias);
    if (!id) {
      id = `c${ids.size}`;
      ids.set(alias, id);
      lines.push(`  ${id}["${mermaidText(alias)}"]${loopClusters.has(alias) ? ':::loop' : ''}`);
    }
    return id;
  };
  for (const { config } of topology.configs) for (const cluster of config.clusters) nodeId(cluster.alias);
  for (const alias of extraClusters) nodeId(alias);
  const loopEdges: number[] = [];
  topology.models.forEach((model, index) => {
    const label = model.filterProblem ? '?' : summarise(flowProducts(model));
    const policy = model.policy.className.split('.').pop() ?? model.policy.className;
    const loop = looping.has(model.flow.id);
    if (loop) loopEdges.push(index);
    lines.push(`  ${nodeId(model.flow.source)} -->|"${mermaidText(`${loop ? 'LOOP · ' : ''}${policy}: ${label}`)}"| ${nodeId(model.flow.target)}`);
  });
  if (loopClusters.size) lines.push('  classDef loop stroke:#d73a49,stroke-width:3px');
  if (loopEdges.length) lines.push(`  linkStyle ${loopEdges.join(',')} stroke:#d73a49,stroke-width:3px,color:#d73a49`);
  return `${lines.join('\n')}\n`;
}
