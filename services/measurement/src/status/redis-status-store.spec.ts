import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { ReadingStatus } from '@metrochain/contracts';
import { ThrowawayRedis, redisMissing } from '@metrochain/service-kit/testing';
import { STATUS_RANK, type StatusUpdate, movesForward } from './reading-status';
import { RedisStatusStore, STATUS_KEY_PREFIX, type StatusRedis } from './redis-status-store';

const ID = 'meter-1~7~0123456789abcdef';
const AT = '2025-03-01T12:00:00.000Z';
const RESULT = { kind: 'energy', energyWh: 12.5, samples: 100, durationS: 1, meterTotalWh: 40 } as const;
const TX = 'a'.repeat(64);

const UPDATES: Readonly<Record<ReadingStatus, StatusUpdate>> = {
  received: { status: 'received', updatedAt: AT },
  verified: { status: 'verified', updatedAt: AT },
  recorded: { status: 'recorded', updatedAt: AT, result: RESULT, txId: TX, blockNumber: 42 },
  rejected: {
    status: 'rejected',
    updatedAt: AT,
    reason: 'SENSOR_DATA_IMPLAUSIBLE',
    stage: 'ledger',
    lrCode: 'LOOP_ORDER',
    detail: 'loop B before loop A',
  },
};
const STATUSES = Object.keys(STATUS_RANK) as ReadingStatus[];

describe('movesForward', () => {
  it('orders received < verified < rejected < recorded and lets anything start a status', () => {
    assert.ok(movesForward(undefined, 'verified'));
    assert.ok(movesForward('received', 'verified'));
    assert.ok(movesForward('verified', 'rejected'));
    assert.ok(movesForward('rejected', 'recorded'));
    assert.ok(!movesForward('recorded', 'rejected'));
    assert.ok(!movesForward('verified', 'received'));
    assert.ok(!movesForward('verified', 'verified'));
  });
});

describe('RedisStatusStore against a real redis-server', { skip: redisMissing }, () => {
  let redis: ThrowawayRedis;
  let store: RedisStatusStore;
  before(async () => {
    redis = await ThrowawayRedis.start();
    store = new RedisStatusStore(redis.client, 3600);
  });
  after(() => redis.stop());
  beforeEach(() => redis.client.flushall());

  // The Lua script and STATUS_RANK must agree: every ordered pair of statuses, applied in that order.
  for (const first of STATUSES) {
    for (const second of STATUSES) {
      const expected = movesForward(first, second) ? second : first;
      it(`keeps ${expected} after ${first} then ${second}`, async () => {
        await store.apply([{ readingId: ID, update: UPDATES[first] }]);
        await store.apply([{ readingId: ID, update: { ...UPDATES[second], updatedAt: 'later' } }]);
        assert.equal((await store.read(ID))?.['status'], expected);
      });
    }
  }

  it('stores a recorded status with its result, transaction and block, and a TTL', async () => {
    await store.apply([{ readingId: ID, update: UPDATES.recorded }]);
    assert.deepEqual(await store.read(ID), {
      status: 'recorded',
      updatedAt: AT,
      result: JSON.stringify(RESULT),
      txId: TX,
      blockNumber: '42',
    });
    const ttl = await redis.client.ttl(STATUS_KEY_PREFIX + ID);
    assert.ok(ttl > 3500 && ttl <= 3600, `ttl ${String(ttl)}`);
  });

  it('drops the rejection details when a later record supersedes the rejection', async () => {
    await store.apply([{ readingId: ID, update: UPDATES.rejected }]);
    assert.equal((await store.read(ID))?.['lrCode'], 'LOOP_ORDER');
    await store.apply([{ readingId: ID, update: UPDATES.recorded }]);
    const fields = await store.read(ID);
    assert.equal(fields?.['status'], 'recorded');
    assert.equal(fields['reason'], undefined);
    assert.equal(fields['lrCode'], undefined);
  });

  it('keeps the trace id written at ingest through the later statuses', async () => {
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    await store.apply([{ readingId: ID, update: { status: 'received', updatedAt: AT, traceId } }]);
    await store.apply([{ readingId: ID, update: UPDATES.verified }]);
    await store.apply([{ readingId: ID, update: UPDATES.recorded }]);
    const fields = await store.read(ID);
    assert.equal(fields?.['status'], 'recorded');
    assert.equal(fields['traceId'], traceId);
  });

  it('never moves backwards whatever order concurrent writers arrive in', async () => {
    const ids = Array.from({ length: 50 }, (_, index) => `meter-${String(index)}~1~0123456789abcdef`);
    await Promise.all(
      ids.flatMap((readingId, index) => {
        const order = index % 2 === 0 ? STATUSES : [...STATUSES].reverse();
        return order.map((status) => store.apply([{ readingId, update: UPDATES[status] }]));
      }),
    );
    for (const readingId of ids) {
      assert.equal((await store.read(readingId))?.['status'], 'recorded');
    }
  });

  it('runs the script by its hash, and loads it again after Redis forgot its scripts (a restart)', async () => {
    const calls = async (command: string): Promise<number> => {
      const stats = String(await redis.client.call('INFO', 'commandstats'));
      return Number(new RegExp(`cmdstat_${command}:calls=(\\d+)`).exec(stats)?.[1] ?? 0);
    };
    await store.apply([{ readingId: ID, update: UPDATES.received }]);
    await redis.client.call('CONFIG', 'RESETSTAT');
    const ids = ['meter-1~1~0123456789abcdef', 'meter-1~2~0123456789abcdef', 'meter-1~3~0123456789abcdef'];
    await store.apply(ids.map((readingId) => ({ readingId, update: UPDATES.received })));
    assert.deepEqual([await calls('evalsha'), await calls('eval')], [3, 0]);
    await redis.client.call('SCRIPT', 'FLUSH');
    await store.apply([{ readingId: ID, update: UPDATES.verified }]);
    assert.equal((await store.read(ID))?.['status'], 'verified');
  });

  it('reads an unknown id as undefined', async () => {
    assert.equal(await store.read('meter-9~1~0123456789abcdef'), undefined);
  });
});

describe('RedisStatusStore when Redis fails', () => {
  const failing = (exec: () => Promise<unknown>): StatusRedis =>
    ({
      defineCommand: () => undefined,
      pipeline: () => ({ metrochainApplyReadingStatus: () => undefined, exec }),
    }) as unknown as StatusRedis;

  it('rejects when the pipeline cannot be sent', async () => {
    const store = new RedisStatusStore(
      failing(() => Promise.reject(new Error('connection lost'))),
      60,
    );
    await assert.rejects(store.apply([{ readingId: ID, update: UPDATES.received }]), /connection lost/);
  });

  it('rejects when one script of the pipeline failed', async () => {
    const store = new RedisStatusStore(
      failing(() =>
        Promise.resolve([
          [null, 1],
          [new Error('OOM'), null],
        ]),
      ),
      60,
    );
    await assert.rejects(store.apply([{ readingId: ID, update: UPDATES.received }]), /OOM/);
  });
});
