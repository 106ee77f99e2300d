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

/** A policy's short name, when it is safe to print outside a label (a Java class name). */
const policyName = (className: string): string => className.split('.').pop() ?? className;

/** Flows that forward other clusters' remote topics under chained names (multi-hop-replication's). */
function chainingFlows(deployment: Deployment): Set<string> {
  const ids = new Set<string>();
  for (const arrival of deployment.replay.sampleArrivals()) {
    const model = arrival.via;
    if (arrival.depth < 2 || !model || arrival.previousName === undefined || model.policy.kind === 'identity') continue;
    if (model.policy.topicSource(arrival.previousName) !== undefined) ids.add(model.flow.id);
  }
  return ids;
}

const LOOP_COLOUR = '#d73a49';
const CHAIN_COLOUR = '#e36209';

/**
 * A Mermaid flowchart of enabled flows, labelled with what each flow produces: loops in red, flows
 * that chain remote names in orange. When every flow uses one policy, the chart's title names it
 * instead of every arrow. A deployment without enabled flows is one note, not loose boxes. One
 * deployment is the whole chart; several become one subgraph each. Shared by the CLI
 * (`topology --format mermaid`) and the editor's diagram view.
 */
export function topologyMermaid(parts: DiagramPart[]): string {
  const policies = new Set(parts.flatMap((p) => p.deployment.flows.map((m) => policyName(m.policy.className))));
  const shared = policies.size === 1 && /^[\w$]+$/.test([...policies][0]) ? [...policies][0] : undefined;
  const lines = shared ? ['---', `title: Every flow uses ${shared}`, '---', 'flowchart LR'] : ['flowchart LR'];
  const loopEdges: number[] = [];
  const chainEdges: number[] = [];
  const classes = new Set<string>();
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
    const chaining = chainingFlows(deployment);
    if (loopClusters.size) classes.add('loop');
    const nodeId = (alias: string): string => {
      let id = ids.get(alias);
      if (!id) {
        id = `${prefix}c${ids.size}`;
        ids.set(alias, id);
        lines.push(`${indent}${id}["${mermaidText(alias)}"]${loopClusters.has(alias) ? ':::loop' : ''}`);
      }
      return id;
    };
    const aliases = [...new Set([...deployment.files.flatMap(({ mm2 }) => mm2.clusters.map((c) => c.alias)), ...extraClusters])];
    if (deployment.flows.length === 0) {
      classes.add('muted');
      lines.push(`${indent}${prefix}none["${mermaidText(`${aliases.join(', ') || 'no clusters'}: no enabled flow`)}"]:::muted`);
    } else {
      for (const alias of aliases) nodeId(alias);
    }
    for (const model of deployment.flows) {
      const label = model.topicFilter.problem ? '?' : summarise(flowProducts(model));
      const loop = looping.has(model.flow.id);
      const chain = !loop && chaining.has(model.flow.id);
      if (loop) loopEdges.push(edge);
      if (chain) chainEdges.push(edge);
      edge++;
      const mark = loop ? 'LOOP · ' : chain ? 'CHAIN · ' : '';
      const text = shared ? `${mark}${label}` : `${mark}${policyName(model.policy.className)}: ${label}`;
      lines.push(`${indent}${nodeId(model.flow.source)} -->|"${mermaidText(text)}"| ${nodeId(model.flow.target)}`);
    }
    if (nested) lines.push('  end');
  });
  if (classes.has('loop')) lines.push(`  classDef loop stroke:${LOOP_COLOUR},stroke-width:3px`);
  if (classes.has('muted')) lines.push('  classDef muted stroke-dasharray:4 4,opacity:0.7');
  if (loopEdges.length) lines.push(`  linkStyle ${loopEdges.join(',')} stroke:${LOOP_COLOUR},stroke-width:3px,color:${LOOP_COLOUR}`);
  if (chainEdges.length) lines.push(`  linkStyle ${chainEdges.join(',')} stroke:${CHAIN_COLOUR},stroke-width:2px,stroke-dasharray:6 3,color:${CHAIN_COLOUR}`);
  return `${lines.join('\n')}\n`;
}
