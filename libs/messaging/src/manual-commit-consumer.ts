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
      this.#generation += 1;
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
    this.#generation += 1;
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
   */
  async commit(partition: number, lastOffset: string, generation: number): Promise<boolean> {
    if (generation !== this.#generation) {
      return false;
    }
    await this.#consumer.commitOffsets([
      { topic: this.#options.topic, partition, offset: (BigInt(lastOffset) + 1n).toString() },
    ]);
    return true;
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
