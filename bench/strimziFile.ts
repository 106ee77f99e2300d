/** A Strimzi file of `resources` KafkaMirrorMaker2 resources (38 lines each), as platform repositories keep them. */
export function strimziFile(resources: number): string {
  const docs: string[] = [];
  for (let r = 0; r < resources; r++) {
    docs.push(`apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaMirrorMaker2
metadata:
  name: mm2-${r}
  namespace: team-${r % 7}
spec:
  version: 3.9.0
  replicas: 2
  connectCluster: k${r}b
  clusters:
    - alias: k${r}a
      bootstrapServers: k${r}a-kafka-bootstrap:9093
      tls:
        trustedCertificates:
          - secretName: k${r}a-cluster-ca-cert
            pattern: "*.crt"
    - alias: k${r}b
      bootstrapServers: k${r}b-kafka-bootstrap:9093
      config:
        config.storage.replication.factor: 3
        offset.storage.replication.factor: 3
        status.storage.replication.factor: 3
  mirrors:
    - sourceCluster: k${r}a
      targetCluster: k${r}b
      topicsPattern: "orders.*|payments.*"
      groupsPattern: ".*"
      sourceConnector:
        tasksMax: 4
        config:
          replication.factor: 3
          offset-syncs.topic.replication.factor: 3
          sync.topic.acls.enabled: "false"
      checkpointConnector:
        config:
          checkpoints.topic.replication.factor: 3
          sync.group.offsets.enabled: "true"
`);
  }
  return docs.join('---\n');
}
