import { CLUSTERS_LINE } from './constants';

/**
 * Whether a file may be one MirrorLint reads, from its name and its first bytes: a cheap superset
 * of the server's classification, for the extension to decide whether to start the server at all
 * (a workspace without such a file gets no server, no status item, no view).
 */
export function mayBeMirrorLintFile(fileName: string, head: string): boolean {
  const name = fileName.replace(/\\/g, '/').split('/').pop()!.toLowerCase();
  if (name === '.mirrorlint.yaml' || name === '.mirrorlint.yml' || /(^|\.)mm2\.properties$/.test(name) || name === 'connect-mirror-maker.properties') return true;
  if (name.endsWith('.properties')) return CLUSTERS_LINE.test(head);
  // Kubernetes-style resources and KafkaTopology by kind; a JulieOps descriptor by its `context` and `projects`.
  if (name.endsWith('.yaml') || name.endsWith('.yml')) return /^\s*kind:\s*["']?(KafkaMirrorMaker2|KafkaTopology|KafkaTopic|KafkaUser|KafkaSchema)\b/m.test(head) || (/^context:/m.test(head) && /^projects:/m.test(head)) || (/^topics:/m.test(head) && /^(customServiceAcls|services):/m.test(head));
  // Terraform: the Aiven provider's MirrorMaker, integration, topic and schema resources.
  if (name.endsWith('.tf')) return /\bresource\s+"aiven_(?:mirrormaker_replication_flow|kafka_mirrormaker|service_integration|kafka_topic|kafka_schema)"/.test(head);
  if (name.endsWith('.json')) return /org\.apache\.kafka\.connect\.mirror\.|Mirror(Source|Checkpoint|Heartbeat)Connector/.test(head);
  return false;
}

/** The files worth a look, as a glob for a workspace search. */
export const CANDIDATE_GLOB = '**/*.{properties,yaml,yml,json,tf}';
export const EXCLUDED_GLOB = '{**/node_modules/**,**/.git/**,**/dist/**,**/out/**}';
