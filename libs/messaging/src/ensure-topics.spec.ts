import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Admin, ITopicConfig } from 'kafkajs';
import { ensureTopics, missingTopics, topicsWithDeadLetters } from './ensure-topics';

type TopicAdmin = Pick<Admin, 'listTopics' | 'createTopics'>;

function fakeAdmin(existing: string[]): { admin: TopicAdmin; created: ITopicConfig[][] } {
  const created: ITopicConfig[][] = [];
  const admin: TopicAdmin = {
    listTopics: () => Promise.resolve(existing),
    createTopics: (options) => {
      created.push(options.topics);
      return Promise.resolve(true);
    },
  };
  return { admin, created };
}

describe('topicsWithDeadLetters', () => {
  it('pairs every topic with its dead-letter topic, once', () => {
    assert.deepEqual(topicsWithDeadLetters(['verifications.v1', 'audit.findings.v1', 'verifications.v1']), [
      'verifications.v1',
      'verifications.v1.dlt',
      'audit.findings.v1',
      'audit.findings.v1.dlt',
    ]);
  });
});

describe('missingTopics', () => {
  it('keeps the wanted order and drops existing topics', () => {
    assert.deepEqual(missingTopics(['a', 'b', 'c'], ['c', 'a', 'z']), ['b']);
  });
});

describe('ensureTopics', () => {
  it('creates only what is missing, with the given layout', async () => {
    const { admin, created } = fakeAdmin(['readings.received.v1']);
    const result = await ensureTopics(admin, ['readings.received.v1'], {
      partitions: 6,
      replicationFactor: 3,
    });
    assert.deepEqual(result, ['readings.received.v1.dlt']);
    assert.deepEqual(created, [
      [{ topic: 'readings.received.v1.dlt', numPartitions: 6, replicationFactor: 3 }],
    ]);
  });

  it('makes no request when everything exists', async () => {
    const { admin, created } = fakeAdmin(['verifications.v1', 'verifications.v1.dlt']);
    assert.deepEqual(
      await ensureTopics(admin, ['verifications.v1'], { partitions: 1, replicationFactor: 1 }),
      [],
    );
    assert.deepEqual(created, []);
  });
});
