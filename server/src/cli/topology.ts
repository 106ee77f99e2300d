import * as path from 'node:path';
import type { Mm2Config } from '../core/model/config';
import { topologyMermaid as mermaidOf } from '../core/service/diagram';
import { arrivalPath, flowProducts } from '../core/service/preview';
import { workspaceTopology, type Topology } from '../core/model/topology';

interface FileConfig {
  file: string;
  config: Mm2Config;
}

const relative = (file: string, cwd: string): string => path.relative(cwd, file).split(path.sep).join('/');

/** The files' flows as one topology (the CLI user chose the files; flows in different configs still chain and loop). */
export function topologyOfFiles(files: FileConfig[]): Topology {
  return workspaceTopology(files.map(({ file, config }) => ({ uri: file, config })));
}

/** Clusters, enabled flows (policy, filters, where configured) and the remote topics of each cluster, as JSON. */
export function topologyJson(files: FileConfig[], cwd: string): string {
  const { models, simulation } = topologyOfFiles(files);
  const clusters = new Map<string, { alias: string; bootstrapServers: string | null; files: string[] }>();
  for (const { file, config } of files) {
    for (const { alias } of config.clusters) {
      const cluster = clusters.get(alias) ?? { alias, bootstrapServers: null, files: [] };
      cluster.bootstrapServers ??= config.bootstrapServers(alias) ?? null;
      if (!cluster.files.includes(relative(file, cwd))) cluster.files.push(relative(file, cwd));
      clusters.set(alias, cluster);
    }
  }
  const remoteTopics: Record<string, { name: string; origin: string; originTopic: string; path: string[] }[]> = {};
  for (const arrival of simulation.arrivals) {
    (remoteTopics[arrival.cluster] ??= []).push({
      name: arrival.name,
      origin: arrival.origin,
      originTopic: arrival.originTopic,
      path: arrivalPath(arrival),
    });
  }
  const shaped = {
    version: 1,
    files: files.map(({ file }) => relative(file, cwd)),
    clusters: [...clusters.values()],
    flows: models.map((m) => ({
      id: m.flow.id,
      source: m.flow.source,
      target: m.flow.target,
      file: relative(m.uri, cwd),
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
  return `${JSON.stringify(shaped, null, 2)}\n`;
}

/** A Mermaid flowchart of the enabled flows, labelled with what each flow produces (loops in red). */
export function topologyMermaid(files: FileConfig[]): string {
  return mermaidOf(topologyOfFiles(files));
}
