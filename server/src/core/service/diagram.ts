import type { Deployment } from '../model/deployments';
import { flowProducts, summarise } from './preview';

/**
 * A user string (alias, topic name) as Mermaid label text: every character that could end the label
 * or become markup is one of Mermaid's entity codes (`#lt;`), which it renders as that character —
 * text, never an element. `#` goes first, since entity codes start with it.
 */
export function mermaidText(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/&/g, '#amp;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/"/g, '#quot;')
    .replace(/`/g, '#96;')
    .replace(/[\r\n\u2028\u2029]+/g, ' ');
}

export interface DiagramPart {
  name: string;
  deployment: Deployment;
  /** Clusters to draw besides those the MM2 files declare (declared in topology files only). */
  extraClusters: string[];
}

/**
 * A Mermaid flowchart of enabled flows, labelled with what each flow produces; flows and clusters
 * of a replication loop are drawn in red. One deployment is the whole chart; several become one
 * subgraph each. Shared by the CLI (`topology --format mermaid`) and the editor's diagram view.
 */
export function topologyMermaid(parts: DiagramPart[]): string {
  const lines = ['flowchart LR'];
  const loopEdges: number[] = [];
  const loopClassNeeded = { value: false };
  let edge = 0;
  const nested = parts.length > 1;
  parts.forEach(({ name, deployment, extraClusters }, index) => {
    const indent = nested ? '    ' : '  ';
    const prefix = nested ? `d${index}` : '';
    if (nested) lines.push(`  subgraph d${index}["${mermaidText(name)}"]`);
    const ids = new Map<string, string>();
    const loops = deployment.replay.loops();
    const looping = new Set(loops.flatMap((c) => c.models.map((m) => m.flow.id)));
    const loopClusters = new Set(loops.flatMap((c) => c.models.map((m) => m.flow.source)));
    if (loopClusters.size) loopClassNeeded.value = true;
    const nodeId = (alias: string): string => {
      let id = ids.get(alias);
      if (!id) {
        id = `${prefix}c${ids.size}`;
        ids.set(alias, id);
        lines.push(`${indent}${id}["${mermaidText(alias)}"]${loopClusters.has(alias) ? ':::loop' : ''}`);
      }
      return id;
    };
    for (const { mm2 } of deployment.files) for (const cluster of mm2.clusters) nodeId(cluster.alias);
    for (const alias of extraClusters) nodeId(alias);
    for (const model of deployment.flows) {
      const label = model.filterProblem ? '?' : summarise(flowProducts(model));
      const policy = model.policy.className.split('.').pop() ?? model.policy.className;
      const loop = looping.has(model.flow.id);
      if (loop) loopEdges.push(edge);
      edge++;
      lines.push(`${indent}${nodeId(model.flow.source)} -->|"${mermaidText(`${loop ? 'LOOP · ' : ''}${policy}: ${label}`)}"| ${nodeId(model.flow.target)}`);
    }
    if (nested) lines.push('  end');
  });
  if (loopClassNeeded.value) lines.push('  classDef loop stroke:#d73a49,stroke-width:3px');
  if (loopEdges.length) lines.push(`  linkStyle ${loopEdges.join(',')} stroke:#d73a49,stroke-width:3px,color:#d73a49`);
  return `${lines.join('\n')}\n`;
}
