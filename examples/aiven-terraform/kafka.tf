# Two Aiven for Apache Kafka services, one per region; each one is active (producers and consumers
# on both), and MirrorMaker 2 copies every topic to the other one under a prefixed name.
resource "aiven_kafka" "east" {
  project      = var.project
  cloud_name   = "aws-us-east-1"
  plan         = "business-4"
  service_name = "kafka-east"
}

resource "aiven_kafka" "west" {
  project      = var.project
  cloud_name   = "aws-us-west-2"
  plan         = "business-4"
  service_name = "kafka-west"
}

resource "aiven_kafka_topic" "orders_east" {
  project      = var.project
  service_name = aiven_kafka.east.service_name
  topic_name   = "orders"
  partitions   = 12
  replication  = 3

  config {
    cleanup_policy = "delete"
    retention_ms   = "604800000"
  }
}

resource "aiven_kafka_topic" "orders_west" {
  project      = var.project
  service_name = aiven_kafka.west.service_name
  topic_name   = "orders"
  partitions   = 12
  replication  = 3

  config {
    cleanup_policy = "delete"
    retention_ms   = "86400000"
  }
}

resource "aiven_kafka_topic" "payments_east" {
  project      = var.project
  service_name = aiven_kafka.east.service_name
  topic_name   = "payments"
  partitions   = 6
  replication  = 3
}

resource "aiven_kafka_schema" "orders_value_east" {
  project             = var.project
  service_name        = aiven_kafka.east.service_name
  subject_name        = "orders-value"
  compatibility_level = "BACKWARD"

  schema = <<-EOT
    {
      "type": "record",
      "name": "Order",
      "fields": [{"name": "id", "type": "string"}]
    }
  EOT
}
