import { KAFKA_TOPIC_LAYOUT, VERSIONS } from '@metrochain/deployment';
import { type Generator, yamlFile } from './generator';

/**
 * The Strimzi cluster the services use: its bootstrap Service is `<name>-kafka-bootstrap.<namespace>.svc:9092`.
 * The namespaces that may reach it are the NMIs' (their registration and, in the same namespace, the services), by
 * the `metrochain.io/role` label of k8s/namespaces (which the charts' network policies select by too).
 */
export const KAFKA_CLUSTER = {
  name: 'metrochain',
  namespace: 'kafka',
  plainPort: 9092,
  clientRoles: ['nmi'],
  /** A KRaft pool of nodes that are controllers and brokers at once: three, so replication 3 fits. */
  nodes: KAFKA_TOPIC_LAYOUT.replicationFactor,
} as const;

const HOURS_MS = 3_600_000;

function kafka(): unknown {
  const { replicationFactor, minInsyncReplicas } = KAFKA_TOPIC_LAYOUT;
  return {
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'Kafka',
    metadata: { name: KAFKA_CLUSTER.name, namespace: KAFKA_CLUSTER.namespace },
    spec: {
      kafka: {
        // The one Kafka version of the project (the local network runs it too); Strimzi picks its metadata version.
        version: VERSIONS.kafka.version,
        listeners: [
          {
            name: 'plain',
            port: KAFKA_CLUSTER.plainPort,
            type: 'internal',
            tls: false,
            networkPolicyPeers: [
              {
                namespaceSelector: {
                  matchExpressions: [
                    { key: 'metrochain.io/role', operator: 'In', values: [...KAFKA_CLUSTER.clientRoles] },
                  ],
                },
              },
            ],
          },
        ],
        config: {
          'auto.create.topics.enable': false,
          'default.replication.factor': replicationFactor,
          'min.insync.replicas': minInsyncReplicas,
          'offsets.topic.replication.factor': replicationFactor,
          'transaction.state.log.replication.factor': replicationFactor,
          'transaction.state.log.min.isr': minInsyncReplicas,
          'log.retention.ms': KAFKA_TOPIC_LAYOUT.retentionHours * HOURS_MS,
        },
      },
      entityOperator: {
        // Topics come only from the KafkaTopics in topics.generated.yaml.
        topicOperator: {
          resources: {
            requests: { cpu: '100m', memory: '256Mi' },
            limits: { cpu: '500m', memory: '512Mi' },
          },
        },
      },
    },
  };
}

function nodePool(): unknown {
  return {
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaNodePool',
    metadata: {
      name: 'dual-role',
      namespace: KAFKA_CLUSTER.namespace,
      labels: { 'strimzi.io/cluster': KAFKA_CLUSTER.name },
    },
    spec: {
      replicas: KAFKA_CLUSTER.nodes,
      roles: ['controller', 'broker'],
      storage: {
        type: 'jbod',
        volumes: [
          { id: 0, type: 'persistent-claim', size: '20Gi', deleteClaim: false, kraftMetadata: 'shared' },
        ],
      },
      resources: {
        requests: { cpu: '500m', memory: '2Gi' },
        limits: { cpu: '2', memory: '2Gi' },
      },
    },
  };
}

/** k8s/kafka/kafka.generated.yaml: the Kafka cluster and its node pool, at the workspace's Kafka version. */
export const kafkaClusterGenerator: Generator = {
  name: 'Kafka cluster',
  generate: () => [
    yamlFile(
      'k8s/kafka/kafka.generated.yaml',
      'libs/deployment (VERSIONS.kafka, KAFKA_TOPIC_LAYOUT) via tools/k8s/src/generate/kafka-cluster.ts',
      [kafka(), nodePool()],
    ),
  ],
};
