import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@metrochain/errors';
import { probeKafka, probeLedger, probeRedis } from './probes';

const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

describe('probeRedis', () => {
  it('is up on PONG', async () => {
    const health = await probeRedis({ ping: () => Promise.resolve('PONG') });
    assert.equal(health.status, 'up');
    assert.match(health.detail ?? '', /^PONG in \d+ ms$/);
  });

  it('is down on an error, an odd reply or no reply in time', async () => {
    assert.deepEqual(await probeRedis({ ping: () => Promise.reject(new Error('ECONNREFUSED')) }), {
      status: 'down',
      detail: 'ECONNREFUSED',
    });
    assert.equal((await probeRedis({ ping: () => Promise.resolve('LOADING') })).status, 'down');
    assert.deepEqual(await probeRedis({ ping: never }, 10), {
      status: 'down',
      detail: 'no answer within 10 ms',
    });
  });
});

describe('probeKafka', () => {
  it('is up with the cluster it reached', async () => {
    const admin = {
      describeCluster: () =>
        Promise.resolve({ clusterId: 'k1', controller: 0, brokers: [{ nodeId: 0, host: 'h', port: 1 }] }),
    };
    assert.deepEqual(await probeKafka(admin), { status: 'up', detail: 'cluster k1, 1 broker(s)' });
  });

  it('is down with the coded reason', async () => {
    const health = await probeKafka({ describeCluster: never }, 10);
    assert.equal(health.status, 'down');
    assert.match(health.detail ?? '', /^KAFKA_UNAVAILABLE: /);
  });
});

describe('probeLedger', () => {
  it('passes the indicator through', async () => {
    const health = { status: 'down', detail: 'LEDGER_UNAVAILABLE: peer gone' } as const;
    assert.deepEqual(await probeLedger({ check: () => Promise.resolve(health) }), health);
  });

  it('is down when the indicator fails or hangs', async () => {
    const failing = { check: () => Promise.reject(new DomainError({ code: 'X', message: 'broken' })) };
    assert.deepEqual(await probeLedger(failing), { status: 'down', detail: 'X: broken' });
    assert.equal((await probeLedger({ check: never }, 10)).status, 'down');
  });
});
