import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@metrochain/errors';
import type { Admin } from 'kafkajs';
import { pingKafka } from './ping-kafka';

type ClusterAdmin = Pick<Admin, 'describeCluster'>;

function isUnavailable(error: unknown): boolean {
  return error instanceof DomainError && error.code === 'KAFKA_UNAVAILABLE' && error.retriable;
}

describe('pingKafka', () => {
  it('reports the cluster when it answers', async () => {
    const admin: ClusterAdmin = {
      describeCluster: () =>
        Promise.resolve({
          clusterId: 'c1',
          controller: 1,
          brokers: [{ nodeId: 1, host: '127.0.0.1', port: 19092 }],
        }),
    };
    assert.deepEqual(await pingKafka(admin), { clusterId: 'c1', brokers: 1, controller: 1 });
  });

  it('reports a failed request as retriable KAFKA_UNAVAILABLE', async () => {
    const admin: ClusterAdmin = { describeCluster: () => Promise.reject(new Error('Connection error')) };
    await assert.rejects(pingKafka(admin), isUnavailable);
  });

  it('gives up after the timeout', async () => {
    const admin: ClusterAdmin = { describeCluster: () => new Promise(() => undefined) };
    const started = Date.now();
    await assert.rejects(pingKafka(admin, { timeoutMs: 20 }), isUnavailable);
    assert.ok(Date.now() - started < 1_000);
  });
});
