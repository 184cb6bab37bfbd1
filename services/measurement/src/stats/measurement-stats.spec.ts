import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { type MeasurementsRecordedV1, measurementStatsResponseSchema } from '@metrochain/contracts';
import { MeasurementStats } from './measurement-stats';
import { SlidingWindowCounter } from './sliding-window-counter';

const START = Date.parse('2025-03-01T12:00:00.000Z');

function measurement(seq: number): MeasurementsRecordedV1 {
  return {
    meterId: 'meter-1',
    seq,
    measuredAt: '2025-03-01T11:59:00.000Z',
    result: { kind: 'speed', speedKmh: 50, activationAS: 0.1, activationBS: 0.2, deltaTS: 0.1 },
    readingDigest: 'd'.repeat(64),
    lrFingerprint: 'f'.repeat(64),
    recordedAt: '2025-03-01T12:00:01.000Z',
    txId: 'a'.repeat(64),
    blockNumber: 9,
  };
}

describe('SlidingWindowCounter', () => {
  let now: number;
  let counter: SlidingWindowCounter;
  beforeEach(() => {
    now = START;
    counter = new SlidingWindowCounter(10, () => now);
  });

  it('averages what was added in the last 10 seconds over 10 seconds', () => {
    counter.add(30);
    now += 4_000;
    counter.add(20);
    assert.equal(counter.perSecond(), 5);
  });

  it('forgets a second once it leaves the window', () => {
    counter.add(30);
    now += 9_999;
    assert.equal(counter.perSecond(), 3);
    now += 1;
    assert.equal(counter.perSecond(), 0);
  });

  it('reuses a slot for a later second instead of adding to the old count', () => {
    counter.add(7);
    now += 10_000;
    counter.add(1);
    assert.equal(counter.perSecond(), 0.1);
  });
});

describe('MeasurementStats', () => {
  let now: number;
  let stats: MeasurementStats;
  beforeEach(() => {
    now = START;
    stats = new MeasurementStats({ now: () => now, latest: 3 });
  });

  it('counts totals since start and rates over the window, in the contract shape', () => {
    stats.count('accepted', 20);
    stats.count('verified', 10);
    stats.count('rejected');
    stats.recorded([measurement(1), measurement(2)]);
    now += 12_000;
    stats.count('accepted', 5);
    const snapshot = stats.snapshot();
    assert.ok(measurementStatsResponseSchema.safeParse(snapshot).success);
    assert.equal(snapshot.since, '2025-03-01T12:00:00.000Z');
    assert.equal(snapshot.windowS, 10);
    assert.deepEqual(snapshot.totals, { accepted: 25, verified: 10, recorded: 2, rejected: 1 });
    assert.deepEqual(snapshot.perSecond, { accepted: 0.5, verified: 0, recorded: 0, rejected: 0 });
  });

  it('keeps only the latest recorded measurements, newest first', () => {
    stats.recorded([measurement(1), measurement(2)]);
    stats.recorded([measurement(3), measurement(4)]);
    assert.deepEqual(
      stats.snapshot().latest.map((recorded) => recorded.seq),
      [4, 3, 2],
    );
  });

  it('starts with nothing', () => {
    const snapshot = stats.snapshot();
    assert.deepEqual(snapshot.totals, { accepted: 0, verified: 0, recorded: 0, rejected: 0 });
    assert.deepEqual(snapshot.latest, []);
  });
});
