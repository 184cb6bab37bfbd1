import { PIPELINE_GROUPS } from '@metrochain/contracts';
import type { ManualCommitConsumer, PartitionFetch } from '@metrochain/messaging';
import type { MeasurementStats } from '../stats/measurement-stats';
import type { BatchRecorder } from './batch-recorder';
import { PartitionBatcher, type StartTimer } from './partition-batcher';
import { VERIFIED_TOPIC, type VerifiedIntake } from './verified-intake';
import type { RecorderItem, VerifiedReading } from './verified-reading';

/** Consumer group of the recorders: each verified reading is recorded by one instance. */
export const RECORDER_GROUP_ID = PIPELINE_GROUPS.recorder.groupId;

export type RecorderKafkaConsumer = Pick<
  ManualCommitConsumer<typeof VERIFIED_TOPIC>,
  'connect' | 'run' | 'commit' | 'stopTaking' | 'stop' | 'disconnect'
>;

export interface RecorderConsumerOptions {
  /** A consumer of readings.verified.v1 in the group RECORDER_GROUP_ID, from the beginning. */
  consumer: RecorderKafkaConsumer;
  intake: Pick<VerifiedIntake, 'connect' | 'take' | 'disconnect'>;
  recorder: Pick<BatchRecorder, 'record' | 'abort'>;
  stats: Pick<MeasurementStats, 'count'>;
  batchMaxSize: number;
  batchMaxAgeMs: number;
  /** How long a stop waits for the batches in flight before it gives them up. */
  stopGraceMs?: number;
  /** Heartbeat interval while a partition waits for room. */
  heartbeatMs?: number;
  onCommitFailure?: (partition: number, error: unknown) => void;
  onBatchFailure?: (partition: number, error: unknown) => void;
  now?: () => number;
  startTimer?: StartTimer;
}

interface FetchedItem extends RecorderItem {
  /** The group generation the record was fetched in; a batch commits only within it. */
  generation: number;
}

/**
 * Consumes readings.verified.v1 with manual offsets: records are taken into a batcher per partition (their offsets
 * resolved so that fetching goes on), and a partition's offset is committed only after its batch was recorded,
 * published and its statuses written. A crash or rebalance in between replays the batch; the contract answers it
 * with `duplicate`, so nothing is recorded twice and nothing accepted is skipped.
 */
export class RecorderConsumer {
  readonly #options: Readonly<RecorderConsumerOptions>;
  readonly #batchers = new Map<number, PartitionBatcher<FetchedItem>>();

  constructor(options: Readonly<RecorderConsumerOptions>) {
    this.#options = options;
  }

  async start(): Promise<void> {
    const { consumer, intake } = this.#options;
    await intake.connect();
    await consumer.connect();
    await consumer.run({
      take: (fetch) => this.#take(fetch),
      rebalanced: () => {
        this.#rebalanced();
      },
    });
  }

  /** Takes nothing more, lets the batches in flight finish (up to the grace period), then leaves the group. */
  async stop(): Promise<void> {
    this.#options.consumer.stopTaking();
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

  async #take(fetch: PartitionFetch): Promise<void> {
    const items = await this.#options.intake.take(fetch.partition, fetch.messages);
    if (!fetch.isCurrent()) {
      return;
    }
    const batcher = this.#batcherOf(fetch.partition);
    batcher.add(items.map((item) => ({ ...item, generation: fetch.generation })));
    this.#options.stats.count('verified', items.filter((item) => item.verified !== undefined).length);
    // Only where the next fetch starts: offsets are committed by `#flush`.
    fetch.resolveOffset(fetch.lastOffset);
    while (!batcher.hasRoom() && fetch.isCurrent() && fetch.isRunning()) {
      await waitAtMost(batcher.waitForRoom(), this.#options.heartbeatMs ?? 1_000);
      await fetch.heartbeat();
    }
  }

  #batcherOf(partition: number): PartitionBatcher<FetchedItem> {
    let batcher = this.#batchers.get(partition);
    if (batcher === undefined) {
      batcher = new PartitionBatcher<FetchedItem>({
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

  async #flush(partition: number, items: readonly FetchedItem[]): Promise<void> {
    const first = items[0];
    const last = items.at(-1);
    if (first === undefined || last === undefined) {
      return;
    }
    const readings = items.flatMap((item): VerifiedReading[] =>
      item.verified === undefined ? [] : [item.verified],
    );
    await this.#options.recorder.record(`verified-p${partition}-${first.offset}-${last.offset}`, readings);
    try {
      // Commits nothing after a rebalance since the fetch: the partition may belong to another member now.
      await this.#options.consumer.commit(partition, last.offset, last.generation);
    } catch (error) {
      // The consumer tries it again until it holds (or replaces itself); until then a restart replays the batch,
      // which the contract answers with `duplicate`.
      this.#options.onCommitFailure?.(partition, error);
    }
  }

  /**
   * After a rebalance every assigned partition is fetched again from its committed offset, so whatever waits is
   * dropped (it comes again) and a batch in flight from before does not commit. A partition keeps its batcher, so a
   * batch from before and one from after are never in flight together.
   */
  #rebalanced(): void {
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
