# Aiven MirrorMaker 2 in Terraform, with two mistakes: the topics of k2_to_k1 come from a variable
# set outside the module (MirrorLint leaves that flow unchecked and says so), and K1 ⇄ K3 keep topic
# names in both directions, so `orders` loops.
variable "k2_topics" {
  type = list(string)
}

resource "aiven_mirrormaker_replication_flow" "k1_to_k2" {
  project                  = "acme"
  service_name             = "mm"
  source_cluster           = "K1"
  target_cluster           = "K2"
  enable                   = true
  replication_policy_class = "org.apache.kafka.connect.mirror.IdentityReplicationPolicy"
  topics                   = ["orders", "payments"]
}

resource "aiven_mirrormaker_replication_flow" "k2_to_k1" {
  project                  = "acme"
  service_name             = "mm"
  source_cluster           = "K2"
  target_cluster           = "K1"
  enable                   = true
  replication_policy_class = "org.apache.kafka.connect.mirror.IdentityReplicationPolicy"
  topics                   = var.k2_topics
}

resource "aiven_mirrormaker_replication_flow" "k1_to_k3" {
  project                  = "acme"
  service_name             = "mm"
  source_cluster           = "K1"
  target_cluster           = "K3"
  enable                   = true
  replication_policy_class = "org.apache.kafka.connect.mirror.IdentityReplicationPolicy"
  topics                   = ["orders"]
}

resource "aiven_mirrormaker_replication_flow" "k3_to_k1" {
  project                  = "acme"
  service_name             = "mm"
  source_cluster           = "K3"
  target_cluster           = "K1"
  enable                   = true
  replication_policy_class = "org.apache.kafka.connect.mirror.IdentityReplicationPolicy"
  topics                   = ["orders"]
}
