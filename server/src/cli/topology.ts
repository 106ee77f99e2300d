import * as path from 'node:path';
import type { Mm2Config } from '../core/model/config';
import { flowProducts, summarise } from '../core/preview';
import { topologyOf } from '../core/topology';

interface FileTopology {
  file: string;
  config: Mm2Config;
}

/** The topology of each file as JSON: clusters, enabled flows (policy, filters) and remote topics per cluster. */
export function topologyJson(files: FileTopology[], cwd: string): string {
  const shaped = files.map(({ file, config }) => {
    const { models, simulation } = topologyOf(config);
    const remoteTopics: Record<string, { name: string; origin: string; originTopic: string; path: string[] }[]> = {};
    for (const arrival of simulation.arrivals) {
      (remoteTopics[arrival.cluster] ??= []).push({
        name: arrival.name,
        origin: arrival.origin,
        originTopic: arrival.originTopic,
        path: [arrival.origin, ...arrival.hops.map((h) => h.model.flow.target)],
      });
    }
    return {
      file: path.relative(cwd, file).split(path.sep).join('/'),
      clusters: [...new Set(config.clusters.map((c) => c.alias))].map((alias) => ({
        alias,
        bootstrapServers: config.byKey.get(`${alias}.bootstrap.servers`)?.entry.value ?? null,
      })),
      flows: models.map((m) => ({
        id: m.flow.id,
        source: m.flow.source,
        target: m.flow.target,
        policy: m.policy.className,
        separator: m.policy.separator,
        topics: m.topics,
        topicsExclude: m.topicsExclude,
        produces: flowProducts(m),
        ...(m.filterProblem ? { filterProblem: m.filterProblem } : {}),
      })),
      remoteTopics,
      truncated: simulation.truncated,
    };
  });
  return `${JSON.stringify({ version: 1, topologies: shaped }, null, 2)}\n`;
}

const mermaidText = (text: string): string => text.replace(/"/g, '#quot;');

/** A Mermaid flowchart of the enabled flows, labelled with what each flow produces. */
export function topologyMermaid(files: FileTopology[]): string {
  const lines = ['flowchart LR'];
  const ids = new Map<string, string>();
  const nodeId = (alias: string): string => {
    let id = ids.get(alias);
    if (!id) {
      id = `c${ids.size}`;
      ids.set(alias, id);
      lines.push(`  ${id}["${mermaidText(alias)}"]`);
    }
    return id;
  };
  for (const { config } of files) {
    for (const cluster of config.clusters) nodeId(cluster.alias);
    for (const model of topologyOf(config).models) {
      const label = model.filterProblem ? '?' : summarise(flowProducts(model));
      const policy = model.policy.className.split('.').pop() ?? model.policy.className;
      lines.push(`  ${nodeId(model.flow.source)} -->|"${mermaidText(`${policy}: ${label}`)}"| ${nodeId(model.flow.target)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
