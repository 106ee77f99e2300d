import type { FieldFact, ResourceFact } from '../../../formats/yaml/strimzi';
import { clusterIdentity } from '../../../model/deployments';
import type { OffsetRange } from '../../../base/range';
import type { Mm2Rule } from '../../types';

/** Strimzi's v1beta2 defaults for the Connect group and its storage topics (KafkaMirrorMaker2Configuration). */
const V1BETA2_DEFAULTS: Record<string, string> = {
  'group.id': 'mirrormaker2-cluster',
  'config.storage.topic': 'mirrormaker2-cluster-configs',
  'offset.storage.topic': 'mirrormaker2-cluster-offsets',
  'status.storage.topic': 'mirrormaker2-cluster-status',
};
const V1_FIELDS: Record<string, string> = { groupId: 'group.id', configStorageTopic: 'config.storage.topic', offsetStorageTopic: 'offset.storage.topic', statusStorageTopic: 'status.storage.topic' };

interface ConnectIdentity {
  uri: string;
  resource: string;
  /** Namespace and name: two files with the same describe one object (variants), not two. */
  object?: string;
  target: string;
  settings: { name: string; value: string; range: OffsetRange }[];
}

function identityOf(resource: ResourceFact, uri: string, bootstrapOf: (alias: string) => string | undefined): ConnectIdentity | undefined {
  if (resource.version === 'v1' || resource.target) {
    const servers = resource.target?.bootstrapServers?.value;
    if (!servers) return undefined;
    const fields = [resource.target?.groupId, ...(resource.target?.storageTopics ?? [])].filter((f): f is FieldFact => f !== undefined);
    return { uri, resource: resource.name ?? 'a KafkaMirrorMaker2', object: objectOf(resource), target: clusterIdentity(servers), settings: fields.map((f) => ({ name: V1_FIELDS[f.name], value: f.value, range: f.valueRange })) };
  }
  const connect = resource.connectCluster;
  const servers = connect && bootstrapOf(connect.value);
  if (!connect || !servers) return undefined;
  const settings = Object.entries(V1BETA2_DEFAULTS).map(([name, fallback]) => {
    const given = resource.connectConfig?.get(name);
    return { name, value: given?.value ?? fallback, range: given?.valueRange ?? connect.valueRange };
  });
  return { uri, resource: resource.name ?? 'a KafkaMirrorMaker2', object: objectOf(resource), target: clusterIdentity(servers), settings };
}

const objectOf = (resource: ResourceFact): string | undefined => (resource.name ? `${resource.namespace ?? ''}/${resource.name}` : undefined);

export const sharedConnectGroup: Mm2Rule = {
  kind: 'mm2',
  modes: ['strimzi'],
  meta: {
    id: 'shared-connect-group',
    group: 'strimzi',
    description: 'Two KafkaMirrorMaker2 resources with the same target share a Connect group id or storage topic, so their Connect clusters merge.',
    defaultSeverity: 'error',
    fixable: false,
    messages: { shared: '{{resource}} and {{other}} share `{{name}}` `{{value}}` on one target cluster. Their Kafka Connect workers join one group and share storage topics, so each resource\'s connectors run in the other\'s cluster. Give each resource its own group id and storage topics.' },
  },
  check({ uri, deployment, report }) {
    const identities: ConnectIdentity[] = [];
    for (const { uri: file, mm2 } of deployment.files) {
      for (const resource of mm2.strimzi?.resources ?? []) {
        const identity = identityOf(resource, file, (alias) => mm2.bootstrapServers(alias));
        if (identity) identities.push(identity);
      }
    }
    // Per (target, setting, value): the first resource using it, and the first whose object differs
    // from that one's — enough to find, for any resource, an earlier different object that clashes.
    const firsts = new Map<string, { index: number; identity: ConnectIdentity; clash: ConnectIdentity['settings'][number] }[]>();
    identities.forEach((identity, index) => {
      for (const setting of identity.settings) {
        const key = `${identity.target}\u0000${setting.name}\u0000${setting.value}`;
        const seen = firsts.get(key);
        if (!seen) firsts.set(key, [{ index, identity, clash: setting }]);
        else if (seen.length === 1 && (identity.object === undefined || identity.object !== seen[0].identity.object)) seen.push({ index, identity, clash: setting });
      }
    });
    identities.forEach((identity, index) => {
      if (identity.uri !== uri) return;
      for (const setting of identity.settings) {
        const earlier = firsts
          .get(`${identity.target}\u0000${setting.name}\u0000${setting.value}`)
          ?.find((e) => e.index < index && (identity.object === undefined || e.identity.object !== identity.object));
        if (!earlier) continue;
        report({
          messageId: 'shared',
          data: { name: setting.name, value: setting.value, resource: identity.resource, other: earlier.identity.resource },
          range: setting.range,
          related: [{ uri: earlier.identity.uri, range: earlier.clash.range, message: `${earlier.identity.resource} uses it too` }],
        });
      }
    });
  },
};
