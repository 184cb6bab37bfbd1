import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { ReadingsRejectedV1 } from '@metrochain/contracts';
import { isDomainError } from '@metrochain/errors';
import type { ConsumedEvent } from '@metrochain/messaging';
import { identify } from '../readings/reading-identity';
import { MeasurementStats } from '../stats/measurement-stats';
import { FakeStatusStore } from '../testing/fake-status-store';
import { readingOf } from '../testing/reading-fixtures';
import { RejectedReadingsHandler } from './rejected-readings.handler';

function consumed(value: ReadingsRejectedV1): ConsumedEvent<'readings.rejected.v1'> {
  return {
    key: value.reading.meterId,
    value,
    topic: 'readings.rejected.v1',
    partition: 0,
    offset: '0',
    timestamp: '0',
    headers: {},
    trace: undefined,
    attempt: 1,
  };
}

const AT = '2025-03-01T12:00:00.000Z';

describe('RejectedReadingsHandler', () => {
  let store: FakeStatusStore;
  let stats: MeasurementStats;
  let handler: RejectedReadingsHandler;
  beforeEach(() => {
    store = new FakeStatusStore();
    stats = new MeasurementStats();
    handler = new RejectedReadingsHandler(store, stats);
  });

  it('stores each rejection under the reading id, stage verification when absent', async () => {
    const reading = readingOf(4);
    await handler.handle([
      consumed({ reading, reason: 'METER_REVOKED', detail: 'revoked', rejectedBy: 'PTBMSP', rejectedAt: AT }),
    ]);
    assert.deepEqual(store.fields.get(identify(reading).readingId), {
      status: 'rejected',
      updatedAt: AT,
      reason: 'METER_REVOKED',
      stage: 'verification',
      detail: 'revoked',
    });
    assert.equal(stats.snapshot().totals.rejected, 1);
  });

  it('keeps a recorded status and does not count the ledger’s rejections again', async () => {
    const reading = readingOf(5);
    const { readingId } = identify(reading);
    const result = { kind: 'energy', energyWh: 1, samples: 1, durationS: 1, meterTotalWh: 1 } as const;
    await store.apply([
      {
        readingId,
        update: { status: 'recorded', updatedAt: AT, result, txId: 'c'.repeat(64), blockNumber: 3 },
      },
    ]);
    await handler.handle([
      consumed({ reading, reason: 'SEQ_REPLAYED', stage: 'ledger', rejectedBy: 'PTBMSP', rejectedAt: AT }),
      consumed({ reading, reason: 'METER_REVOKED', rejectedBy: 'PTBMSP', rejectedAt: AT }),
    ]);
    assert.equal(store.statusOf(readingId), 'recorded');
    assert.equal(stats.snapshot().totals.rejected, 1);
  });

  it('fails retriably when Redis is down, counting nothing', async () => {
    store.failWith = new Error('redis down');
    await assert.rejects(
      handler.handle([
        consumed({ reading: readingOf(1), reason: 'METER_UNKNOWN', rejectedBy: 'PTBMSP', rejectedAt: AT }),
      ]),
      (error: unknown) => isDomainError(error) && error.code === 'STATUS_UNAVAILABLE' && error.retriable,
    );
    assert.equal(stats.snapshot().totals.rejected, 0);
  });
});
