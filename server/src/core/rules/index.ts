import { deprecatedProperty } from './deprecatedProperty';
import { duplicateProperty } from './duplicateProperty';
import { inactiveFlowSetting } from './inactiveFlowSetting';
import { invalidTopicPattern } from './invalidTopicPattern';
import { invalidValue } from './invalidValue';
import { documentSyntax } from './documentSyntax';
import { connectClusterMismatch } from './connectClusterMismatch';
import { connectorConfigMismatch } from './connectorConfigMismatch';
import { duplicateClusterAlias } from './duplicateClusterAlias';
import { duplicateFlow } from './duplicateFlow';
import { shadowedConfigKey } from './shadowedConfigKey';
import { unknownField } from './unknownField';
import { missingBootstrapServers } from './missingBootstrapServers';
import { propertiesSyntax } from './propertiesSyntax';
import type { DeclarationRule, PropertiesRule, RuleMeta } from './types';
import { consumerMissingRemoteTopics } from './consumerMissingRemoteTopics';
import { declarationSchema } from './declarationSchema';
import { offsetsNotSynced } from './offsetsNotSynced';
import { producerWritesRemoteTopic } from './producerWritesRemoteTopic';
import { remoteTopicCollision } from './remoteTopicCollision';
import { schemaNotSynced } from './schemaNotSynced';
import { topicConfigDrift } from './topicConfigDrift';
import { topicMissingInPeer } from './topicMissingInPeer';
import { unmappedCluster } from './unmappedCluster';
import { unusedSuppression } from './unusedSuppression';
import { aliasContainsSeparator } from './aliasContainsSeparator';
import { aliasMismatch } from './aliasMismatch';
import { internalTopicsReplicated } from './internalTopicsReplicated';
import { sharedConnectGroup } from './sharedConnectGroup';
import { strimziSchema } from './strimziSchema';
import { catastrophicPattern } from './catastrophicPattern';
import { invalidRemoteTopicName } from './invalidRemoteTopicName';
import { multiHopReplication } from './multiHopReplication';
import { redundantReplicationPath } from './redundantReplicationPath';
import { replicationCycle } from './replicationCycle';
import { unknownReplicationPolicy } from './unknownReplicationPolicy';
import { unknownCluster } from './unknownCluster';
import { unknownProperty } from './unknownProperty';

export * from './types';

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
