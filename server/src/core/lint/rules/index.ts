import type { RuleMeta } from '../../base/rule';
import type { Rule } from '../types';
import { consumerMissingRemoteTopics } from './declarations/consumer-missing-remote-topics';
import { declarationSchema } from './declarations/declaration-schema';
import { offsetsNotSynced } from './declarations/offsets-not-synced';
import { producerWritesRemoteTopic } from './declarations/producer-writes-remote-topic';
import { remoteTopicCollision } from './declarations/remote-topic-collision';
import { remoteTopicMissing } from './declarations/remote-topic-missing';
import { heartbeatsNotArriving } from './declarations/heartbeats-not-arriving';
import { checkpointsMissing } from './declarations/checkpoints-missing';
import { orphanRemoteTopic } from './declarations/orphan-remote-topic';
import { declaredNotObserved } from './declarations/declared-not-observed';
import { schemaNotSynced } from './declarations/schema-not-synced';
import { topicConfigDrift } from './declarations/topic-config-drift';
import { topicMissingInPeer } from './declarations/topic-missing-in-peer';
import { unmappedCluster } from './declarations/unmapped-cluster';
import { catastrophicPattern } from './properties/catastrophic-pattern';
import { conflictingSettings } from './properties/conflicting-settings';
import { converterNotByteArray } from './properties/converter-not-byte-array';
import { deprecatedProperty } from './properties/deprecated-property';
import { duplicateProperty } from './properties/duplicate-property';
import { inactiveFlowSetting } from './properties/inactive-flow-setting';
import { invalidTopicPattern } from './properties/invalid-topic-pattern';
import { invalidValue } from './properties/invalid-value';
import { literalValue } from './properties/literal-value';
import { missingBootstrapServers } from './properties/missing-bootstrap-servers';
import { noReplicationFlows } from './properties/no-replication-flows';
import { unresolvedValue } from './properties/unresolved-value';
import { unknownCluster } from './properties/unknown-cluster';
import { unknownProperty } from './properties/unknown-property';
import { unknownReplicationPolicy } from './properties/unknown-replication-policy';
import { aliasContainsSeparator } from './replication/alias-contains-separator';
import { aliasMismatch } from './replication/alias-mismatch';
import { duplicateFlow } from './replication/duplicate-flow';
import { internalTopicsReplicated } from './replication/internal-topics-replicated';
import { invalidRemoteTopicName } from './replication/invalid-remote-topic-name';
import { multiHopReplication } from './replication/multi-hop-replication';
import { redundantReplicationPath } from './replication/redundant-replication-path';
import { replicationCycle } from './replication/replication-cycle';
import { connectClusterMismatch } from './strimzi/connect-cluster-mismatch';
import { connectorConfigMismatch } from './strimzi/connector-config-mismatch';
import { duplicateClusterAlias } from './strimzi/duplicate-cluster-alias';
import { shadowedConfigKey } from './strimzi/shadowed-config-key';
import { sharedConnectGroup } from './strimzi/shared-connect-group';
import { strimziSchema } from './strimzi/strimzi-schema';
import { unknownField } from './strimzi/unknown-field';
import { documentSyntax } from './syntax/document-syntax';
import { internalError } from './syntax/internal-error';
import { propertiesSyntax } from './syntax/properties-syntax';
import { unusedSuppression } from './syntax/unused-suppression';

/** Every rule the engine runs, in the order their findings are listed. */
export const RULES: readonly Rule[] = [
  propertiesSyntax,
  documentSyntax,
  unknownProperty,
  invalidValue,
  literalValue,
  deprecatedProperty,
  duplicateProperty,
  unknownCluster,
  missingBootstrapServers,
  noReplicationFlows,
  unresolvedValue,
  invalidTopicPattern,
  conflictingSettings,
  converterNotByteArray,
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
  declarationSchema,
  unmappedCluster,
  consumerMissingRemoteTopics,
  producerWritesRemoteTopic,
  remoteTopicCollision,
  remoteTopicMissing,
  heartbeatsNotArriving,
  checkpointsMissing,
  orphanRemoteTopic,
  declaredNotObserved,
  topicMissingInPeer,
  topicConfigDrift,
  schemaNotSynced,
  offsetsNotSynced,
];

/** Every rule id with its metadata, including the ids the engine reports itself: for docs, SARIF and option checking. */
export const ALL_RULES: readonly { meta: RuleMeta }[] = [...RULES, unusedSuppression, internalError];

export const RULES_BY_ID: ReadonlyMap<string, { meta: RuleMeta }> = new Map(ALL_RULES.map((r) => [r.meta.id, r]));
