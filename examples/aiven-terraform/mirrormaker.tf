resource "aiven_kafka_mirrormaker" "mm" {
  project      = var.project
  cloud_name   = "aws-us-east-1"
  plan         = "startup-4"
  service_name = "mm"

  kafka_mirrormaker_user_config {
    kafka_mirrormaker {
      refresh_topics_enabled          = true
      refresh_topics_interval_seconds = 600
      sync_group_offsets_enabled      = true
    }
  }
}

# The cluster aliases: `east` and `west` stand for the two Kafka services inside MirrorMaker.
resource "aiven_service_integration" "east" {
  project                  = var.project
  integration_type         = "kafka_mirrormaker"
  source_service_name      = aiven_kafka.east.service_name
  destination_service_name = aiven_kafka_mirrormaker.mm.service_name

  kafka_mirrormaker_user_config {
    cluster_alias = "east"
  }
}

resource "aiven_service_integration" "west" {
  project                  = var.project
  integration_type         = "kafka_mirrormaker"
  source_service_name      = aiven_kafka.west.service_name
  destination_service_name = aiven_kafka_mirrormaker.mm.service_name

  kafka_mirrormaker_user_config {
    cluster_alias = "west"
  }
}

resource "aiven_mirrormaker_replication_flow" "east_to_west" {
  project                  = var.project
  service_name             = aiven_kafka_mirrormaker.mm.service_name
  source_cluster           = "east"
  target_cluster           = "west"
  enable                   = true
  replication_policy_class = var.replication_policy

  topics           = [".*"]
  topics_blacklist = [".*[\\-\\.]internal", ".*\\.replica", "__.*"]
}

resource "aiven_mirrormaker_replication_flow" "west_to_east" {
  project                  = var.project
  service_name             = aiven_kafka_mirrormaker.mm.service_name
  source_cluster           = "west"
  target_cluster           = "east"
  enable                   = true
  replication_policy_class = var.replication_policy

  topics           = [".*"]
  topics_blacklist = [".*[\\-\\.]internal", ".*\\.replica", "__.*"]
}
