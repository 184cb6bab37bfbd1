import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { type KafkaMessage, ManualCommitConsumer } from '@metrochain/messaging';
import { type BatchDelivery, type FakeConsumer, FakeKafka } from '@metrochain/messaging/testing';
import { MeasurementStats } from '../stats/measurement-stats';
import { Deferred, eventually, settle } from '@metrochain/service-kit/testing';
import { FakeDeadLetters, rawMessage, verifiedMessage } from '../testing/verified-records';
import { FakeLedger } from '../testing/fake-ledger';
import { FakeEventProducer } from '@metrochain/messaging/testing';
import { FakeStatusStore } from '../testing/fake-status-store';
import { ManualClock } from '../testing/manual-clock';
import { readingOf } from '../testing/reading-fixtures';
import { BatchRecorder } from './batch-recorder';
import { RECORDER_GROUP_ID, RecorderConsumer } from './recorder-consumer';
import { VERIFIED_TOPIC, VerifiedIntake } from './verified-intake';

/** Records at `offsets` of meters m<partition>-<n>, one seq each. */
function messages(partition: number, offsets: readonly number[]): KafkaMessage[] {
  return offsets.map((offset) =>
    verifiedMessage(offset, readingOf(offset, `m${String(partition)}-${String(offset % 4)}`)),
  );
}

const range = (from: number, count: number): number[] =>
  Array.from({ length: count }, (_, index) => from + index);

describe('RecorderConsumer', () => {
  let kafka: FakeConsumer;
  let deadLetters: FakeDeadLetters;
  let ledger: FakeLedger;
  let producer: FakeEventProducer;
  let statuses: FakeStatusStore;
  let stats: MeasurementStats;
  let clock: ManualClock;
  let recorder: BatchRecorder;
  let consumer: RecorderConsumer;

  beforeEach(async () => {
    deadLetters = new FakeDeadLetters();
    ledger = new FakeLedger();
    producer = new FakeEventProducer();
    statuses = new FakeStatusStore();
    stats = new MeasurementStats();
    clock = new ManualClock();
    recorder = new BatchRecorder({
      ledger,
      producer,
      statuses,
      stats,
      rejectedBy: 'PTBMSP',
      retry: { initialDelayMs: 1, maxDelayMs: 1 },
    });
    const client = new FakeKafka();
    consumer = new RecorderConsumer({
      consumer: new ManualCommitConsumer({
        kafka: client,
        topic: VERIFIED_TOPIC,
        groupId: RECORDER_GROUP_ID,
        fromBeginning: true,
        partitionsConsumedConcurrently: 6,
      }),
      intake: new VerifiedIntake(deadLetters),
      recorder,
      stats,
      batchMaxSize: 3,
      batchMaxAgeMs: 50,
      heartbeatMs: 5,
      stopGraceMs: 50,
      now: clock.now,
      startTimer: clock.startTimer,
    });
    await consumer.start();
    kafka = client.consumers[0]!;
  });

  /** Delivers records of one partition as a fetch would. */
  function deliver(partition: number, records: KafkaMessage[]): BatchDelivery {
    return kafka.deliverBatch(VERIFIED_TOPIC, partition, records);
  }

  /** Lets the batches in flight run to their commits. */
  async function drain(): Promise<void> {
    for (let turn = 0; turn < 20; turn += 1) {
      await settle();
    }
  }

  it('runs eachBatch with manual offsets on readings.verified.v1, six partitions at once', () => {
    assert.deepEqual(kafka.subscription, { topics: ['readings.verified.v1'], fromBeginning: true });
    assert.equal(kafka.runConfig?.autoCommit, false);
    assert.equal(kafka.runConfig.eachBatchAutoResolve, false);
    assert.equal(kafka.runConfig.partitionsConsumedConcurrently, 6);
  });

  it('commits a partition’s offset only after the ledger committed and the events and statuses are out', async () => {
    const held = new Deferred<void>();
    ledger.hold = held.promise;
    const seen: [number, number][] = [];
    kafka.onCommit = () =>
      seen.push([
        producer.events.length,
        statuses.changes.filter((c) => c.update.status === 'recorded').length,
      ]);
    const delivery = deliver(0, messages(0, [10, 11, 12]));
    await delivery.done;
    assert.deepEqual(delivery.resolved, ['12']);
    await drain();
    assert.deepEqual(kafka.commits, []);
    held.resolve();
    await drain();
    assert.deepEqual(kafka.commits, [{ topic: 'readings.verified.v1', partition: 0, offset: '13' }]);
    assert.deepEqual(seen, [[3, 3]]);
    assert.equal(stats.snapshot().totals.verified, 3);
  });

  it('closes batches at the size bound and the rest at the age bound', async () => {
    await deliver(0, messages(0, range(0, 7))).done;
    await drain();
    assert.deepEqual(
      ledger.requests.map((request) => request.readings.length),
      [3, 3],
    );
    clock.advance(50);
    await drain();
    assert.deepEqual(
      ledger.requests.map((request) => request.batchId),
      ['verified-p0-0-2', 'verified-p0-3-5', 'verified-p0-6-6'],
    );
    assert.equal(kafka.committed(0), '7');
  });

  it('never mixes partitions and keeps one batch in flight per partition', async () => {
    const held = new Deferred<void>();
    ledger.hold = held.promise;
    await deliver(0, messages(0, range(0, 3))).done;
    await deliver(1, messages(1, range(0, 3))).done;
    const waiting = deliver(0, messages(0, range(3, 3)));
    await drain();
    assert.deepEqual(
      ledger.requests.map((request) => request.batchId),
      ['verified-p0-0-2', 'verified-p1-0-2'],
    );
    for (const request of ledger.requests) {
      const partition = request.batchId.split('-')[1];
      assert.ok(
        request.readings.every((reading) => reading.meterId.startsWith(`m${partition?.slice(1) ?? ''}-`)),
      );
    }
    held.resolve();
    await waiting.done;
    await drain();
    assert.equal(ledger.requests.length, 3);
    assert.equal(ledger.requests[2]?.batchId, 'verified-p0-3-5');
    assert.deepEqual([kafka.committed(0), kafka.committed(1)], ['6', '3']);
  });

  it('retries a failing ledger until the batch is recorded, then commits', async () => {
    ledger.failTimes = 3;
    await deliver(0, messages(0, range(0, 3))).done;
    await eventually(() => kafka.committed(0) !== undefined);
    assert.equal(ledger.requests.length, 4);
    assert.equal(kafka.committed(0), '3');
  });

  it('dead-letters a poison record and commits past it with its batch', async () => {
    await deliver(0, [...messages(0, [0, 1]), rawMessage(2, 'garbage')]).done;
    await drain();
    assert.equal(deadLetters.sent.length, 1);
    assert.equal(ledger.requests[0]?.readings.length, 2);
    assert.equal(kafka.committed(0), '3');
  });

  it('holds the fetch, heartbeating, while a full batch waits behind the one in flight', async () => {
    const held = new Deferred<void>();
    ledger.hold = held.promise;
    const delivery = deliver(0, messages(0, range(0, 6)));
    let returned = false;
    void delivery.done.then(() => {
      returned = true;
    });
    await eventually(() => delivery.heartbeats > 1);
    assert.equal(returned, false);
    held.resolve();
    await delivery.done;
  });

  it('after a rebalance drops what waits and does not commit the batch in flight from before', async () => {
    const held = new Deferred<void>();
    ledger.hold = held.promise;
    await deliver(0, messages(0, range(0, 4))).done;
    kafka.emit(kafka.events.GROUP_JOIN);
    held.resolve();
    await drain();
    clock.advance(1_000);
    await drain();
    assert.equal(ledger.requests.length, 1);
    assert.deepEqual(kafka.commits, []);
    await deliver(0, messages(0, range(0, 4))).done;
    await drain();
    assert.equal(kafka.committed(0), '3');
  });

  it('stops taking records, lets the batch in flight finish and then leaves the group', async () => {
    await deliver(0, messages(0, range(0, 3))).done;
    await consumer.stop();
    assert.equal(kafka.committed(0), '3');
    assert.deepEqual([kafka.stopped, kafka.disconnected], [true, true]);
  });

  it('gives up a batch the ledger does not take within the grace period, without committing it', async () => {
    ledger.failTimes = Number.POSITIVE_INFINITY;
    await deliver(0, messages(0, range(0, 3))).done;
    await consumer.stop();
    assert.deepEqual(kafka.commits, []);
    const late = deliver(0, messages(0, range(3, 1)));
    await late.done;
    assert.equal(late.paused, true);
  });

  it('survives a failed commit: the next batch’s commit covers it', async () => {
    kafka.commitFailure = new Error('rebalancing');
    await deliver(0, messages(0, range(0, 3))).done;
    await drain();
    kafka.commitFailure = undefined;
    await deliver(0, messages(0, range(3, 3))).done;
    await drain();
    assert.deepEqual(kafka.commits, [{ topic: 'readings.verified.v1', partition: 0, offset: '6' }]);
  });
});
