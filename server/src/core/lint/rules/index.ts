import { deprecatedProperty } from './properties/deprecated-property';
import { duplicateProperty } from './properties/duplicate-property';
import { inactiveFlowSetting } from './properties/inactive-flow-setting';
import { invalidTopicPattern } from './properties/invalid-topic-pattern';
import { invalidValue } from './properties/invalid-value';
import { documentSyntax } from './syntax/document-syntax';
import { connectClusterMismatch } from './strimzi/connect-cluster-mismatch';
import { connectorConfigMismatch } from './strimzi/connector-config-mismatch';
import { duplicateClusterAlias } from './strimzi/duplicate-cluster-alias';
import { duplicateFlow } from './replication/duplicate-flow';
import { shadowedConfigKey } from './strimzi/shadowed-config-key';
import { unknownField } from './strimzi/unknown-field';
import { missingBootstrapServers } from './properties/missing-bootstrap-servers';
import { propertiesSyntax } from './syntax/properties-syntax';
import type { DeclarationRule, PropertiesRule, RuleMeta } from '../types';
import { consumerMissingRemoteTopics } from './declarations/consumer-missing-remote-topics';
import { declarationSchema } from './declarations/declaration-schema';
import { offsetsNotSynced } from './declarations/offsets-not-synced';
import { producerWritesRemoteTopic } from './declarations/producer-writes-remote-topic';
import { remoteTopicCollision } from './declarations/remote-topic-collision';
import { schemaNotSynced } from './declarations/schema-not-synced';
import { topicConfigDrift } from './declarations/topic-config-drift';
import { topicMissingInPeer } from './declarations/topic-missing-in-peer';
import { unmappedCluster } from './declarations/unmapped-cluster';
import { unusedSuppression } from './syntax/unused-suppression';
import { aliasContainsSeparator } from './replication/alias-contains-separator';
import { aliasMismatch } from './replication/alias-mismatch';
import { internalTopicsReplicated } from './replication/internal-topics-replicated';
import { sharedConnectGroup } from './strimzi/shared-connect-group';
import { strimziSchema } from './strimzi/strimzi-schema';
import { catastrophicPattern } from './properties/catastrophic-pattern';
import { invalidRemoteTopicName } from './replication/invalid-remote-topic-name';
import { multiHopReplication } from './replication/multi-hop-replication';
import { redundantReplicationPath } from './replication/redundant-replication-path';
import { replicationCycle } from './replication/replication-cycle';
import { unknownReplicationPolicy } from './properties/unknown-replication-policy';
import { unknownCluster } from './properties/unknown-cluster';
import { unknownProperty } from './properties/unknown-property';

export * from '../types';

/** Every rule over MM2 properties files, in the order their findings are listed. */
export const PROPERTIES_RULES: readonly PropertiesRule[] = [
  propertiesSyntax,
  documentSyntax,
  unknownProperty,
  invalidValue,
  deprecatedProperty,
  duplicateProperty,
  unknownCluster,
  missingBootstrapServers,
  invalidTopicPattern,
  inactiveFlowSetting,
  catastrophicPattern,
  aliasContainsSeparator,
  unknownReplicationPolicy,
  replicationCycle,
  multiHopReplication,
  redundantReplicationPath,
  duplicateFlow,
  invalidRemoteTopicName,
  strimziSchema,
  unknownField,
  duplicateClusterAlias,
  connectClusterMismatch,
  connectorConfigMismatch,
  shadowedConfigKey,
  aliasMismatch,
  sharedConnectGroup,
  internalTopicsReplicated,
];

/** Every rule over topology declarations (KafkaTopology, KafkaTopic, KafkaUser, .mirrorlint.yaml). */
export const DECLARATION_RULES: readonly DeclarationRule[] = [
  declarationSchema,
  unmappedCluster,
  consumerMissingRemoteTopics,
  producerWritesRemoteTopic,
  remoteTopicCollision,
  topicMissingInPeer,
  topicConfigDrift,
  schemaNotSynced,
  offsetsNotSynced,
];

/** Every rule, for documentation, SARIF and option checking. */
export const ALL_RULES: readonly { meta: RuleMeta }[] = [...PROPERTIES_RULES, ...DECLARATION_RULES, unusedSuppression];

export const RULES_BY_ID: ReadonlyMap<string, { meta: RuleMeta }> = new Map(ALL_RULES.map((r) => [r.meta.id, r]));
