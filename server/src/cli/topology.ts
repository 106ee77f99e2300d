import * as path from 'node:path';
import type { WorkspaceSnapshot } from '../core';

const relative = (file: string, cwd: string): string => path.relative(cwd, file).split(path.sep).join('/');

/**
 * The workspace's deployments as JSON: clusters, enabled flows (policy, filters, where configured)
 * and the remote topics of each cluster — the language service's topology, the one the editor's
 * tree and diagram show.
 */
export function topologyJson(snapshot: WorkspaceSnapshot, cwd: string): string {
  const deployments = snapshot.topology().map((deployment) => {
    const remoteTopics: Record<string, { name: string; origin: string; originTopic: string; path: string[] }[]> = {};
    for (const cluster of deployment.clusters) {
      if (cluster.remoteTopics.length) remoteTopics[cluster.alias] = cluster.remoteTopics.map((t) => ({ name: t.name, origin: t.origin!, originTopic: t.originTopic!, path: t.path! }));
    }
    return {
      name: deployment.name,
      clusters: deployment.clusters.map((c) => ({ alias: c.alias, bootstrapServers: c.bootstrapServers ?? null, localTopics: c.localTopics.map((t) => t.name) })),
      flows: deployment.flows
        .filter((f) => f.enabled)
        .map((f) => ({ id: f.id, source: f.source, target: f.target, file: f.location ? relative(f.location.uri, cwd) : null, policy: f.policy, separator: f.separator, kafkaVersion: f.kafkaVersion ?? null, topics: f.topics, topicsExclude: f.topicsExclude, produces: f.produces, loop: f.loop, ...(f.filterProblem ? { filterProblem: f.filterProblem } : {}) })),
      remoteTopics,
      mm2Topics: deployment.mm2Topics,
      truncated: deployment.truncated,
    };
  });
  const shaped = { version: 2, files: snapshot.files.map((f) => relative(f.uri, cwd)), deployments };
  return `${JSON.stringify(shaped, null, 2)}\n`;
}

/** The diagram of every deployment, as the editor's diagram view draws it. */
export function topologyMermaid(snapshot: WorkspaceSnapshot): string {
  return snapshot.mermaid();
}
