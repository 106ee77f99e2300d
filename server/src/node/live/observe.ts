import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseWorkspaceConfig, snapshotTopology, type LiveConnection, type ObservedCluster, type ObservedTopic, type WorkspaceSnapshot } from '../../core';
import { fetchCluster } from './fetch';

/** Where `check --live` places the observed facts: findings about them are reported under this name. */
export const LIVE_FILE = 'mirrorlint-live.topology.yaml';

export type LiveConnections = Map<string, { connection: LiveConnection; folder: string }>;

/** The `live:` connections of `.mirrorlint.yaml` files (path and text), with the folder each is relative to. */
export function connectionsOf(configs: { file: string; text: string }[]): LiveConnections {
  const connections: LiveConnections = new Map();
  for (const { file, text } of configs.filter((c) => path.basename(c.file) === '.mirrorlint.yaml')) {
    const config = parseWorkspaceConfig(pathToFileURL(file).href, text);
    for (const [alias, connection] of Object.entries(config.live)) connections.set(alias, { connection, folder: path.dirname(file) });
  }
  return connections;
}

/** The `live:` connections of the `.mirrorlint.yaml` files among `files` (read from disk). */
export function liveConnections(files: string[]): LiveConnections {
  return connectionsOf(files.filter((f) => path.basename(f) === '.mirrorlint.yaml').map((file) => ({ file, text: fs.readFileSync(file, 'utf8') })));
}

/** Reads every cluster; all or nothing: one that fails makes the whole read fail with every reason. */
export async function observe(connections: LiveConnections, timeoutMs: number): Promise<{ observed?: Record<string, ObservedCluster>; errors: string[] }> {
  const entries = [...connections];
  const results = await Promise.allSettled(entries.map(([alias, { connection, folder }]) => fetchCluster(alias, connection, { timeoutMs, folder })));
  const errors = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as Error).message] : []));
  if (errors.length) return { errors };
  return { observed: Object.fromEntries(entries.map(([alias], i) => [alias, (results[i] as PromiseFulfilledResult<ObservedCluster>).value])), errors };
}

/**
 * The observed facts as a declaration file. The topics MM2 itself makes in each cluster are not the
 * cluster's own: its internal topics are left out, and the remote copies its prefixing flows write
 * are listed apart (`remoteTopics`), so that a copy the flows should have made can be found missing.
 */
export function liveTopology(analysis: WorkspaceSnapshot, observed: Record<string, ObservedCluster>, takenAt: string): string {
  const deployments = analysis.topology();
  const internal = (alias: string, name: string): boolean => deployments.some((d) => d.mm2Topics.some((t) => t.cluster === alias && t.name === name));
  const remoteCopy = (alias: string, name: string): boolean =>
    deployments.some((d) => d.flows.some((f) => f.enabled && f.target === alias && !/IdentityReplicationPolicy$/.test(f.policy) && name.startsWith(`${f.source}${f.separator}`)));
  const split = Object.fromEntries(
    Object.entries(observed).map(([alias, cluster]) => {
      const own: ObservedTopic[] = [];
      const remoteTopics: ObservedTopic[] = [];
      for (const topic of cluster.topics) if (!internal(alias, topic.name)) (remoteCopy(alias, topic.name) ? remoteTopics : own).push(topic);
      return [alias, { ...cluster, topics: own, remoteTopics }];
    }),
  );
  return snapshotTopology(split, takenAt);
}
