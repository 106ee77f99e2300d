variable "project" {
  type    = string
  default = "acme-streaming"
}

variable "replication_policy" {
  description = "How remote topics are named: DefaultReplicationPolicy prefixes them with the source alias."
  type        = string
  default     = "org.apache.kafka.connect.mirror.DefaultReplicationPolicy"
}
