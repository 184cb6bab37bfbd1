import type { Consumer, EachBatchPayload } from 'kafkajs';
import type { MeasurementStats } from '../stats/measurement-stats';
import type { BatchRecorder } from './batch-recorder';
import { PartitionBatcher, type StartTimer } from './partition-batcher';
import { VERIFIED_TOPIC, type VerifiedIntake } from './verified-intake';
import type { RecorderItem, VerifiedReading } from './verified-reading';

/** Consumer group of the recorders: each verified reading is recorded by one instance. */
export const RECORDER_GROUP_ID = 'measurement-recorder';

export type RecorderKafkaConsumer = Pick<
  Consumer,
  'connect' | 'subscribe' | 'run' | 'commitOffsets' | 'stop' | 'disconnect' | 'on' | 'events'
>;

export interface RecorderConsumerOptions {
  consumer: RecorderKafkaConsumer;
  intake: Pick<VerifiedIntake, 'connect' | 'take' | 'disconnect'>;
  recorder: Pick<BatchRecorder, 'record' | 'abort'>;
  stats: Pick<MeasurementStats, 'count'>;
  batchMaxSize: number;
  batchMaxAgeMs: number;
  /** Partitions taken in at once. */
  concurrency: number;
  /** How long a stop waits for the batches in flight before it gives them up. */
  stopGraceMs?: number;
  /** Heartbeat interval while a partition waits for room. */
  heartbeatMs?: number;
  onCommitFailure?: (partition: number, error: unknown) => void;
  onBatchFailure?: (partition: number, error: unknown) => void;
  now?: () => number;
  startTimer?: StartTimer;
}

interface EpochItem extends RecorderItem {
  /** The group generation the record was fetched in; see `#rebalanced`. */
  epoch: number;
}

/**
 * Consumes readings.verified.v1 with `eachBatch` and manual offsets: records are taken into a batcher per partition
 * (their offsets resolved so that fetching goes on), and a partition's offset is committed only after its batch was
 * recorded, published and its statuses written. A crash or rebalance in between replays the batch; the contract
 * answers it with `duplicate`, so nothing is recorded twice and nothing accepted is skipped.
 */
export class RecorderConsumer {
  readonly #options: Readonly<RecorderConsumerOptions>;
  readonly #batchers = new Map<number, PartitionBatcher<EpochItem>>();
  #epoch = 0;
  #stopping = false;

  constructor(options: Readonly<RecorderConsumerOptions>) {
    this.#options = options;
  }

  async start(): Promise<void> {
    const { consumer, intake } = this.#options;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.#rebalanced();
    });
    await intake.connect();
    await consumer.connect();
    await consumer.subscribe({ topics: [VERIFIED_TOPIC], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.#options.concurrency,
      eachBatch: (payload) => this.#take(payload),
    });
  }

  /** Takes nothing more, lets the batches in flight finish (up to the grace period), then leaves the group. */
  async stop(): Promise<void> {
    this.#stopping = true;
    for (const batcher of this.#batchers.values()) {
      batcher.discardPending();
    }
    const idle = Promise.all([...this.#batchers.values()].map((batcher) => batcher.idle()));
    if (!(await waitAtMost(idle, this.#options.stopGraceMs ?? 10_000))) {
      this.#options.recorder.abort();
      await idle;
    }
    await this.#options.consumer.stop();
    await this.#options.consumer.disconnect();
    await this.#options.intake.disconnect();
  }

  async #take(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    if (this.#stopping) {
      // Or kafkajs would fetch the same records again at once, until the consumer stops.
      payload.pause();
      return;
    }
    const last = batch.messages.at(-1);
    if (last === undefined || !payload.isRunning() || payload.isStale()) {
      return;
    }
    const epoch = this.#epoch;
    const items = await this.#options.intake.take(batch.partition, batch.messages);
    if (!this.#takes(epoch)) {
      return;
    }
    const batcher = this.#batcherOf(batch.partition);
    batcher.add(items.map((item) => ({ ...item, epoch })));
    this.#options.stats.count('verified', items.filter((item) => item.verified !== undefined).length);
    // Only where the next fetch starts: autoCommit is off, offsets are committed by `#flush`.
    payload.resolveOffset(last.offset);
    while (!batcher.hasRoom() && this.#takes(epoch) && payload.isRunning()) {
      await waitAtMost(batcher.waitForRoom(), this.#options.heartbeatMs ?? 1_000);
      await payload.heartbeat();
    }
  }

  /** Whether records fetched in `epoch` are still taken in: not stopping, no rebalance since. */
  #takes(epoch: number): boolean {
    return !this.#stopping && epoch === this.#epoch;
  }

  #batcherOf(partition: number): PartitionBatcher<EpochItem> {
    let batcher = this.#batchers.get(partition);
    if (batcher === undefined) {
      batcher = new PartitionBatcher<EpochItem>({
        maxSize: this.#options.batchMaxSize,
        maxAgeMs: this.#options.batchMaxAgeMs,
        flush: (items) => this.#flush(partition, items),
        onFailure: (error) => this.#options.onBatchFailure?.(partition, error),
        ...(this.#options.now === undefined ? {} : { now: this.#options.now }),
        ...(this.#options.startTimer === undefined ? {} : { startTimer: this.#options.startTimer }),
      });
      this.#batchers.set(partition, batcher);
    }
    return batcher;
  }

  async #flush(partition: number, items: readonly EpochItem[]): Promise<void> {
    const first = items[0];
    const last = items.at(-1);
    if (first === undefined || last === undefined) {
      return;
    }
    const readings = items.flatMap((item): VerifiedReading[] =>
      item.verified === undefined ? [] : [item.verified],
    );
    await this.#options.recorder.record(`verified-p${partition}-${first.offset}-${last.offset}`, readings);
    if (last.epoch !== this.#epoch) {
      // The partition may belong to another member now, which consumes it from the last commit.
      return;
    }
    try {
      await this.#options.consumer.commitOffsets([
        { topic: VERIFIED_TOPIC, partition, offset: (BigInt(last.offset) + 1n).toString() },
      ]);
    } catch (error) {
      // Harmless: the next batch's commit covers this one; until then a restart replays it as duplicates.
      this.#options.onCommitFailure?.(partition, error);
    }
  }

  /**
   * After a rebalance kafkajs fetches every assigned partition again from its committed offset, so whatever waits
   * is dropped (it comes again) and a batch in flight from before does not commit. A partition keeps its batcher,
   * so a batch from before and one from after are never in flight together.
   */
  #rebalanced(): void {
    this.#epoch += 1;
    for (const batcher of this.#batchers.values()) {
      batcher.discardPending();
    }
  }
}

/** Whether `promise` settled within `ms`; the timer does not outlive the wait. */
async function waitAtMost(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => {
      resolve(false);
    }, ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
