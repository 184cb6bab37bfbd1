/**
 * How every catalogued topic (libs/contracts TOPIC_NAMES) and its dead-letter topic are laid out, wherever Kafka
 * runs: the services create them so on the local network (libs/service-kit ensureTopics, the devnet's brokers keep
 * logs for `retentionHours`), and the KafkaTopics in k8s/kafka are generated from the same values.
 */
export const KAFKA_TOPIC_LAYOUT = {
  /** The unit of parallelism per consumer group: a few more than the instances of any one service. */
  partitions: 6,
  /** Up to this many copies, as the cluster's brokers allow (the local network runs one or three brokers). */
  replicationFactor: 3,
  /** A write is acknowledged by two copies when three exist, so one broker may be down without losing data. */
  minInsyncReplicas: 2,
  retentionHours: 168,
} as const;
