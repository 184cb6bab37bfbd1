import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { MeasurementStats } from '../stats/measurement-stats';
import { Deferred, settle } from '@metrochain/service-kit/testing';
import { FakeLedger } from '../testing/fake-ledger';
import { FakeEventProducer } from '@metrochain/messaging/testing';
import { FakeStatusStore } from '../testing/fake-status-store';
import { verifiedOf } from '../testing/verified-fixtures';
import { BatchRecorder, type RecorderStep } from './batch-recorder';

describe('BatchRecorder', () => {
  let ledger: FakeLedger;
  let producer: FakeEventProducer;
  let statuses: FakeStatusStore;
  let stats: MeasurementStats;
  let retries: [RecorderStep, number][];
  let recorder: BatchRecorder;
  beforeEach(() => {
    ledger = new FakeLedger();
    ledger.reject = (reading) =>
      reading.seq === 2 ? { reason: 'SEQ_OUT_OF_ORDER', detail: 'late' } : undefined;
    producer = new FakeEventProducer();
    statuses = new FakeStatusStore();
    stats = new MeasurementStats();
    retries = [];
    recorder = new BatchRecorder({
      ledger,
      producer,
      statuses,
      stats,
      rejectedBy: 'PTBMSP',
      retry: { initialDelayMs: 1, maxDelayMs: 1 },
      onRetry: (step, _error, attempt) => retries.push([step, attempt]),
      now: () => Date.parse('2025-03-01T12:00:03.000Z'),
    });
  });

  it('records the batch, then publishes its events, then writes the statuses', async () => {
    const readings = [verifiedOf(1), verifiedOf(2), verifiedOf(3)];
    await recorder.record('verified-p0-0-2', readings);
    assert.deepEqual(ledger.requests, [
      { batchId: 'verified-p0-0-2', readings: readings.map((r) => r.reading) },
    ]);
    assert.deepEqual(
      producer.on('measurements.recorded.v1').map((event) => (event.value as { seq: number }).seq),
      [1, 3],
    );
    assert.equal(producer.on('readings.rejected.v1').length, 1);
    assert.deepEqual(
      readings.map(({ readingId }) => statuses.statusOf(readingId)),
      ['recorded', 'rejected', 'recorded'],
    );
    const { totals, latest } = stats.snapshot();
    assert.deepEqual([totals.recorded, totals.rejected, latest.length], [2, 1, 2]);
  });

  it('marks the readings verified while the ledger works', async () => {
    const held = new Deferred<void>();
    ledger.hold = held.promise;
    const readings = [verifiedOf(1)];
    const recording = recorder.record('b', readings);
    await settle();
    assert.equal(statuses.statusOf(readings[0]?.readingId ?? ''), 'verified');
    assert.deepEqual(producer.events, []);
    held.resolve();
    await recording;
    assert.equal(statuses.statusOf(readings[0]?.readingId ?? ''), 'recorded');
  });

  it('retries the ledger until it answers, without skipping the batch', async () => {
    ledger.failTimes = 3;
    await recorder.record('b', [verifiedOf(1)]);
    assert.equal(ledger.requests.length, 4);
    assert.deepEqual(retries, [
      ['ledger', 1],
      ['ledger', 2],
      ['ledger', 3],
    ]);
    assert.equal(producer.on('measurements.recorded.v1').length, 1);
  });

  it('retries publishing until Kafka takes the events', async () => {
    producer.failTimes = 2;
    await recorder.record('b', [verifiedOf(1)]);
    assert.deepEqual(retries, [
      ['events', 1],
      ['events', 2],
    ]);
    assert.equal(producer.events.length, 1);
  });

  it('retries the statuses until Redis takes them', async () => {
    statuses.failTimes = 2;
    const readings = [verifiedOf(1)];
    await recorder.record('b', readings);
    assert.deepEqual(retries, [
      ['statuses', 1],
      ['statuses', 2],
    ]);
    assert.equal(statuses.statusOf(readings[0]?.readingId ?? ''), 'recorded');
  });

  it('submits a reading delivered twice in one batch once', async () => {
    await recorder.record('b', [verifiedOf(1), verifiedOf(1), verifiedOf(3)]);
    assert.deepEqual(
      ledger.requests[0]?.readings.map((reading) => reading.seq),
      [1, 3],
    );
  });

  it('answers a replayed batch with duplicates and announces them again, recording nothing twice', async () => {
    await recorder.record('b', [verifiedOf(1)]);
    await recorder.record('b', [verifiedOf(1)]);
    assert.equal(ledger.records.size, 1);
    const announced = producer.on('measurements.recorded.v1');
    assert.equal(announced.length, 2);
    assert.equal(
      (announced[0]?.value as { txId: string }).txId,
      (announced[1]?.value as { txId: string }).txId,
    );
    assert.equal(stats.snapshot().totals.recorded, 1);
  });

  it('does nothing for a batch of only dead-lettered records', async () => {
    await recorder.record('b', []);
    assert.deepEqual(ledger.requests, []);
  });

  it('gives up when aborted, leaving the batch unannounced', async () => {
    ledger.failTimes = Number.POSITIVE_INFINITY;
    const recording = recorder.record('b', [verifiedOf(1)]);
    await settle();
    recorder.abort();
    await assert.rejects(recording, /peer unavailable/);
    assert.deepEqual(producer.events, []);
  });
});
