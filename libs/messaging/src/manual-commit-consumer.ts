import type { TopicName } from '@metrochain/contracts';
import type { Consumer, ConsumerConfig, EachBatchPayload, KafkaMessage } from 'kafkajs';
import { batchLag, recordConsumerLag } from './consumer-lag';
import { ConsumerWatchdog, type ConsumerWatchdogOptions } from './consumer-watchdog';

/** The part of a kafkajs consumer that `ManualCommitConsumer` uses. */
export type ManualCommitConsumerPort = Pick<
  Consumer,
  'connect' | 'subscribe' | 'run' | 'commitOffsets' | 'stop' | 'disconnect' | 'on' | 'events'
>;

/** A `Kafka` client satisfies this. */
export interface ManualCommitConsumerFactory {
  consumer(config: ConsumerConfig): ManualCommitConsumerPort;
}

export interface ManualCommitConsumerOptions<T extends TopicName> {
  kafka: ManualCommitConsumerFactory;
  topic: T;
  groupId: string;
  /** Where a group without committed offsets starts; default false (only new records). */
  fromBeginning?: boolean;
  /** Partitions taken in at once; default 1. */
  partitionsConsumedConcurrently?: number;
  /** How the broker batches fetches, e.g. PIPELINE_FETCH_CONFIG; kafkajs' defaults unless given. */
  fetch?: Pick<ConsumerConfig, 'minBytes' | 'maxWaitTimeInMs'>;
  /** Told when the watchdog replaced a stuck consumer (ConsumerWatchdog), e.g. to log it; must not throw. */
  onConsumerReplaced?: (reason: string) => void;
  watchdog?: ConsumerWatchdogOptions;
  /** After a failed commit, how long until it is tried again (times the failures so far); 1 s. */
  commitRetryMs?: number;
  /** Failed tries of one commit before the consumer is replaced (a fresh one finds the coordinator); 5. */
  commitAttempts?: number;
}

/** A commit that failed and is tried again: the partition's highest offset asked for in its generation. */
interface PendingCommit {
  offset: bigint;
  generation: number;
  failures: number;
  timer: NodeJS.Timeout;
}

/** The records of one partition from one fetch. */
export interface PartitionFetch {
  readonly partition: number;
  /** Consecutive records in offset order; never empty. */
  readonly messages: readonly KafkaMessage[];
  readonly lastOffset: string;
  /** The group generation the records were fetched in; `commit` takes it back. */
  readonly generation: number;
  /** False once the consumer stops taking records or the group rebalanced since the fetch. */
  isCurrent(): boolean;
  /** False once kafkajs stops the consumer. */
  isRunning(): boolean;
  /** Where the next fetch of the partition starts; commits nothing. */
  resolveOffset(offset: string): void;
  heartbeat(): Promise<void>;
}

export interface PartitionFetchHandler {
  /** Takes the records in; the fetch of the partition goes on when this resolves. */
  take(fetch: PartitionFetch): Promise<void>;
  /**
   * The group rebalanced: kafkajs fetches every assigned partition again from its committed offset, so whatever
   * was taken and not committed comes again.
   */
  rebalanced(): void;
}

/**
 * Consumes one topic in a consumer group with `eachBatch` and manual offsets, for handlers that gather records
 * across fetches and commit a partition only once what they gathered is done. Resolving an offset only moves the
 * fetch on; nothing is committed but by `commit`, so a crash or rebalance in between replays the records.
 */
export class ManualCommitConsumer<T extends TopicName> {
  readonly #options: Readonly<ManualCommitConsumerOptions<T>>;
  readonly #watchdog: ConsumerWatchdog;
  #consumer: ManualCommitConsumerPort;
  #handler: PartitionFetchHandler | undefined;
  #generation = 0;
  #taking = true;
  readonly #pending = new Map<number, PendingCommit>();
  /** Commits of one partition go one after the other, so that a retry never lands after a later commit. */
  readonly #commitChains = new Map<number, Promise<unknown>>();

  constructor(options: Readonly<ManualCommitConsumerOptions<T>>) {
    this.#options = options;
    this.#watchdog = new ConsumerWatchdog((reason) => this.#replaceConsumer(reason), options.watchdog);
    this.#consumer = this.#newConsumer();
  }

  #newConsumer(): ManualCommitConsumerPort {
    const consumer = this.#options.kafka.consumer({
      groupId: this.#options.groupId,
      allowAutoTopicCreation: false,
      ...this.#options.fetch,
    });
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.#newGeneration();
      this.#handler?.rebalanced();
    });
    this.#watchdog.observe(consumer);
    return consumer;
  }

  /**
   * A fresh consumer in place of a stuck one. What was taken and not committed is dropped like after a rebalance
   * (a new generation): the new consumer fetches from the committed offsets, so it comes again.
   */
  async #replaceConsumer(reason: string): Promise<void> {
    const handler = this.#handler;
    if (handler === undefined || !this.#taking) {
      return;
    }
    const stuck = this.#consumer;
    this.#consumer = this.#newConsumer();
    this.#newGeneration();
    handler.rebalanced();
    void stuck.disconnect().catch(() => undefined);
    this.#options.onConsumerReplaced?.(reason);
    await this.#consumer.connect();
    await this.#start(handler);
  }

  get topic(): T {
    return this.#options.topic;
  }

  async connect(): Promise<void> {
    await this.#consumer.connect();
  }

  /** Subscribes and starts consuming; resolves once the consumer runs, not when it stops. */
  async run(handler: PartitionFetchHandler): Promise<void> {
    this.#handler = handler;
    await this.#start(handler);
    this.#watchdog.start();
  }

  async #start(handler: PartitionFetchHandler): Promise<void> {
    await this.#consumer.subscribe({
      topics: [this.#options.topic],
      fromBeginning: this.#options.fromBeginning ?? false,
    });
    await this.#consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.#options.partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload) => this.#watchdog.busy(() => this.#take(payload, handler)),
    });
  }

  /**
   * Commits `partition` up to and including `lastOffset`, unless the group rebalanced since `generation`: the
   * partition may belong to another member now, which consumes it from the last commit. Returns whether it did.
   *
   * A failed commit rejects, and is also tried again on a timer (the partition's highest offset asked for, never
   * one behind a later commit) until it holds, the group rebalances, or `commitAttempts` tries failed; then the
   * consumer is replaced, which fetches again from the committed offsets. Waiting for the next commit to cover it
   * is not enough: the fault runner saw commits fail after a broker kill ("This is not the correct coordinator for
   * this group") while ingest, seeing the recorder's lag stuck high, accepted nothing that could bring one.
   */
  commit(partition: number, lastOffset: string, generation: number): Promise<boolean> {
    if (generation !== this.#generation) {
      return Promise.resolve(false);
    }
    return this.#inOrder(partition, () =>
      this.#commitAtLeast(partition, BigInt(lastOffset) + 1n, generation),
    );
  }

  #inOrder<R>(partition: number, work: () => Promise<R>): Promise<R> {
    const previous = this.#commitChains.get(partition) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.#commitChains.set(partition, settled);
    void settled.then(() => {
      if (this.#commitChains.get(partition) === settled) {
        this.#commitChains.delete(partition);
      }
    });
    return next;
  }

  async #commitAtLeast(partition: number, offset: bigint, generation: number): Promise<boolean> {
    if (generation !== this.#generation) {
      return false;
    }
    const pending = this.#pending.get(partition);
    const target = pending !== undefined && pending.offset > offset ? pending.offset : offset;
    try {
      await this.#consumer.commitOffsets([
        { topic: this.#options.topic, partition, offset: target.toString() },
      ]);
    } catch (error) {
      this.#retryLater(partition, target, generation);
      throw error;
    }
    const still = this.#pending.get(partition);
    if (still !== undefined && still.offset <= target) {
      clearTimeout(still.timer);
      this.#pending.delete(partition);
    }
    return true;
  }

  #retryLater(partition: number, offset: bigint, generation: number): void {
    const before = this.#pending.get(partition);
    clearTimeout(before?.timer);
    const failures = (before?.failures ?? 0) + 1;
    if (failures >= (this.#options.commitAttempts ?? 5)) {
      this.#pending.delete(partition);
      void this.#watchdog.replaceNow(
        `offset commits of partition ${String(partition)} failed ${String(failures)} times`,
      );
      return;
    }
    const timer = setTimeout(
      () => {
        void this.#inOrder(partition, () => this.#retry(partition)).catch(() => undefined);
      },
      (this.#options.commitRetryMs ?? 1_000) * failures,
    );
    timer.unref();
    this.#pending.set(partition, { offset, generation, failures, timer });
  }

  async #retry(partition: number): Promise<void> {
    const pending = this.#pending.get(partition);
    if (pending !== undefined) {
      await this.#commitAtLeast(partition, pending.offset, pending.generation);
    }
  }

  /** A new group generation: commits asked for in the old one are void (their records come again). */
  #newGeneration(): void {
    this.#generation += 1;
    for (const pending of this.#pending.values()) {
      clearTimeout(pending.timer);
    }
    this.#pending.clear();
  }

  /** Hands no more records over: the first step of a stop, before the work in flight finishes and commits. */
  stopTaking(): void {
    this.#taking = false;
  }

  async stop(): Promise<void> {
    this.#watchdog.stop();
    await this.#consumer.stop();
  }

  async disconnect(): Promise<void> {
    this.#watchdog.stop();
    this.#newGeneration();
    await this.#consumer.disconnect();
  }

  async #take(payload: EachBatchPayload, handler: PartitionFetchHandler): Promise<void> {
    const { batch } = payload;
    recordConsumerLag({
      groupId: this.#options.groupId,
      topic: batch.topic,
      partition: batch.partition,
      lag: batchLag(batch),
    });
    if (!this.#taking) {
      // Or kafkajs would fetch the same records again at once, until the consumer stops.
      payload.pause();
      return;
    }
    const last = batch.messages.at(-1);
    if (last === undefined || !payload.isRunning() || payload.isStale()) {
      return;
    }
    const generation = this.#generation;
    await handler.take({
      partition: batch.partition,
      messages: batch.messages,
      lastOffset: last.offset,
      generation,
      isCurrent: () => this.#taking && generation === this.#generation,
      isRunning: () => payload.isRunning(),
      resolveOffset: (offset) => {
        payload.resolveOffset(offset);
      },
      heartbeat: () => payload.heartbeat(),
    });
  }
}
