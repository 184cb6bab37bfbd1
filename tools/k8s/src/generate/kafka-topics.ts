import { TOPIC_NAMES, deadLetterTopicOf } from '@metrochain/contracts';
import { KAFKA_TOPIC_LAYOUT } from '@metrochain/deployment';
import { type Generator, yamlFile } from './generator';
import { KAFKA_CLUSTER } from './kafka-cluster';

/** Every topic of the catalogue followed by its dead-letter topic, as the services create them locally. */
export function catalogueTopics(): string[] {
  return TOPIC_NAMES.flatMap((topic) => [topic, deadLetterTopicOf(topic)]);
}

export function kafkaTopic(topic: string): unknown {
  return {
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaTopic',
    metadata: {
      name: topic,
      namespace: KAFKA_CLUSTER.namespace,
      labels: { 'strimzi.io/cluster': KAFKA_CLUSTER.name },
    },
    spec: {
      topicName: topic,
      partitions: KAFKA_TOPIC_LAYOUT.partitions,
      replicas: KAFKA_TOPIC_LAYOUT.replicationFactor,
      config: {
        'min.insync.replicas': KAFKA_TOPIC_LAYOUT.minInsyncReplicas,
        'retention.ms': KAFKA_TOPIC_LAYOUT.retentionHours * 3_600_000,
      },
    },
  };
}

/** k8s/kafka/topics.generated.yaml: one KafkaTopic per catalogued topic and dead-letter topic. */
export const kafkaTopicsGenerator: Generator = {
  name: 'KafkaTopics',
  generate: () => [
    yamlFile(
      'k8s/kafka/topics.generated.yaml',
      'libs/contracts (TOPIC_NAMES, deadLetterTopicOf) and libs/deployment (KAFKA_TOPIC_LAYOUT)',
      catalogueTopics().map(kafkaTopic),
    ),
  ],
};
