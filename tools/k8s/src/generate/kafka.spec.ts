import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { TOPIC_NAMES, deadLetterTopicOf } from '@metrochain/contracts';
import { KAFKA_TOPIC_LAYOUT, VERSIONS } from '@metrochain/deployment';
import { parseAllDocuments } from 'yaml';
import { REPO_ROOT } from '../paths';
import { STRIMZI_KAFKA_VERSIONS } from '../versions';

interface Resource {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec: Record<string, unknown>;
}

function resources(file: string): Resource[] {
  const text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
  return parseAllDocuments(text).map((document) => document.toJSON() as Resource);
}

const cluster = resources('k8s/kafka/kafka.generated.yaml');
const kafka = cluster.find((resource) => resource.kind === 'Kafka');
const pools = cluster.filter((resource) => resource.kind === 'KafkaNodePool');
const topics = resources('k8s/kafka/topics.generated.yaml');

describe('k8s/kafka: the Strimzi cluster', () => {
  test('deploys the Kafka version the local network runs (VERSIONS.kafka.version)', () => {
    const spec = kafka?.spec['kafka'] as { version?: string } | undefined;
    assert.equal(spec?.version, VERSIONS.kafka.version);
  });

  test('VERSIONS.kafka.version is one Strimzi 1.2.0 deploys', () => {
    assert.ok(
      STRIMZI_KAFKA_VERSIONS.includes(VERSIONS.kafka.version),
      `Kafka ${VERSIONS.kafka.version} is not among Strimzi 1.2.0's ${STRIMZI_KAFKA_VERSIONS.join(', ')}`,
    );
  });

  test('is one KRaft pool of three nodes that are controllers and brokers, replication 3, min.insync.replicas 2', () => {
    assert.equal(pools.length, 1);
    const pool = pools[0]!;
    assert.equal(pool.metadata.labels?.['strimzi.io/cluster'], kafka?.metadata.name);
    assert.equal(pool.spec['replicas'], 3);
    assert.deepEqual(pool.spec['roles'], ['controller', 'broker']);
    const config = (kafka?.spec['kafka'] as { config: Record<string, unknown> }).config;
    assert.equal(config['default.replication.factor'], 3);
    assert.equal(config['min.insync.replicas'], 2);
    assert.equal(config['auto.create.topics.enable'], false);
  });
});

describe('k8s/kafka: the KafkaTopics', () => {
  test('are exactly the catalogue topics and their dead-letter topics', () => {
    const expected = TOPIC_NAMES.flatMap((topic) => [topic, deadLetterTopicOf(topic)]).sort();
    const declared = topics.map((topic) => topic.spec['topicName'] as string).sort();
    assert.equal(declared.length, TOPIC_NAMES.length * 2);
    assert.deepEqual(declared, expected);
    assert.deepEqual(topics.map((topic) => topic.metadata.name).sort(), expected);
  });

  test('are laid out as the services create them locally, with replication 3 and min.insync.replicas 2', () => {
    for (const topic of topics) {
      assert.equal(topic.apiVersion, 'kafka.strimzi.io/v1');
      assert.equal(topic.kind, 'KafkaTopic');
      assert.equal(topic.metadata.namespace, kafka?.metadata.namespace);
      assert.equal(topic.metadata.labels?.['strimzi.io/cluster'], kafka?.metadata.name);
      assert.equal(topic.spec['partitions'], KAFKA_TOPIC_LAYOUT.partitions);
      assert.equal(topic.spec['replicas'], 3);
      assert.deepEqual(topic.spec['config'], {
        'min.insync.replicas': 2,
        'retention.ms': KAFKA_TOPIC_LAYOUT.retentionHours * 3_600_000,
      });
    }
  });
});
