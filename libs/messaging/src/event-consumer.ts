import type { TopicName } from '@metrochain/contracts';
import type { Consumer, ConsumerConfig, EachBatchPayload, EachMessagePayload } from 'kafkajs';
import { batchLag, recordConsumerLag } from './consumer-lag';
import { ConsumerWatchdog, type ConsumerWatchdogOptions, type WatchableConsumer } from './consumer-watchdog';
import { setTimeout as delay } from 'node:timers/promises';
import {
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_RETRY_BACKOFF,
  type RetryBackoff,
  retryDelayMs,
} from './failure-policy';
import { type BatchHandler, processBatch } from './process-batch';
import {
  type DeadLetterRecord,
  type EventHandler,
  type ProcessOutcome,
  processMessage,
} from './process-message';
import { ConfirmedProducer } from './confirmed-producer';
import { ACKS_ALL, type ProducerFactory, type ProducerPort } from './producer-config';

const DEFAULT_MAX_BATCH_SIZE = 500;

/** The part of a kafkajs consumer this library uses (its events only when it has them: fakes need not). */
export type ConsumerPort = Pick<Consumer, 'connect' | 'disconnect' | 'subscribe' | 'run' | 'stop'> &
  WatchableConsumer;

/** A `Kafka` client satisfies this: consumers for the group, a producer for the dead-letter topic. */
export interface ConsumerFactory extends ProducerFactory {
  consumer(config: ConsumerConfig): ConsumerPort;
}

export interface EventConsumerOptions<T extends TopicName> {
  kafka: ConsumerFactory;
  topic: T;
  groupId: string;
  /** Where a group without committed offsets starts; default false (only new events). */
  fromBeginning?: boolean;
  /** Tries of the handler per record, the first included; default 3. */
  maxAttempts?: number;
  retryBackoff?: RetryBackoff;
  /** Partitions handled in parallel; order holds within a partition, i.e. per key. Default 1. */
  partitionsConsumedConcurrently?: number;
  sessionTimeoutMs?: number;
  /** How the broker batches fetches (minBytes, maxWaitTimeInMs); kafkajs' defaults unless given, e.g. PIPELINE_FETCH_CONFIG. */
  fetch?: Pick<ConsumerConfig, 'minBytes' | 'maxWaitTimeInMs'>;
  /** Records per handler call of `runBatches`; default 500. */
  maxBatchSize?: number;
  /** Called after each record, e.g. for metrics and logs; must not throw. */
  onProcessed?: (outcome: ProcessOutcome, record: Readonly<{ partition: number; offset: string }>) => void;
  /** Told when the watchdog replaced a stuck consumer (ConsumerWatchdog), e.g. to log it; must not throw. */
  onConsumerReplaced?: (reason: string) => void;
  watchdog?: ConsumerWatchdogOptions;
}

/**
 * Consumes one topic in a consumer group and hands each validated event to a handler. Delivery is at least once:
 * kafkajs resolves an offset only when the handler succeeded or the record reached the dead-letter topic, and
 * commits resolved offsets after each batch, so a crash redelivers but never skips a record.
 */
export class EventConsumer<T extends TopicName> {
  readonly #options: Readonly<EventConsumerOptions<T>>;
  readonly #deadLetterProducer: ProducerPort;
  readonly #watchdog: ConsumerWatchdog;
  #consumer: ConsumerPort;
  /** Subscribes and runs the current consumer as the last `run` or `runBatches` did. */
  #start: (() => Promise<void>) | undefined;

  constructor(options: Readonly<EventConsumerOptions<T>>) {
    this.#options = options;
    this.#watchdog = new ConsumerWatchdog((reason) => this.#replaceConsumer(reason), options.watchdog);
    this.#consumer = this.#newConsumer();
    this.#deadLetterProducer = new ConfirmedProducer(options.kafka);
  }

  #newConsumer(): ConsumerPort {
    const consumer = this.#options.kafka.consumer({
      groupId: this.#options.groupId,
      allowAutoTopicCreation: false,
      ...this.#options.fetch,
      ...(this.#options.sessionTimeoutMs === undefined
        ? {}
        : { sessionTimeout: this.#options.sessionTimeoutMs }),
    });
    this.#watchdog.observe(consumer);
    return consumer;
  }

  /** A fresh consumer in place of a stuck one; the old one leaves the group (or its session expires). */
  async #replaceConsumer(reason: string): Promise<void> {
    const start = this.#start;
    if (start === undefined) {
      return;
    }
    const stuck = this.#consumer;
    this.#consumer = this.#newConsumer();
    void stuck.disconnect().catch(() => undefined);
    this.#options.onConsumerReplaced?.(reason);
    await this.#consumer.connect();
    await start();
  }

  get topic(): T {
    return this.#options.topic;
  }

  async connect(): Promise<void> {
    await this.#deadLetterProducer.connect();
    await this.#consumer.connect();
  }

  /** Subscribes and starts consuming; resolves once the consumer runs, not when it stops. */
  async run(handler: EventHandler<T>): Promise<void> {
    await this.#begin(async () => {
      await this.#subscribe();
      await this.#consumer.run({
        autoCommit: true,
        partitionsConsumedConcurrently: this.#options.partitionsConsumedConcurrently ?? 1,
        eachMessage: (payload) => this.#watchdog.busy(() => this.#handle(payload, handler)),
      });
    });
  }

  async #begin(start: () => Promise<void>): Promise<void> {
    this.#start = start;
    await start();
    this.#watchdog.start();
  }

  async #subscribe(): Promise<void> {
    await this.#consumer.subscribe({
      topics: [this.#options.topic],
      fromBeginning: this.#options.fromBeginning ?? false,
    });
  }

  /**
   * Like `run`, but hands the handler up to `maxBatchSize` consecutive records of one partition at a time, so that
   * it can verify, store and publish them together. Offsets are resolved after each handled slice.
   */
  async runBatches(handler: BatchHandler<T>): Promise<void> {
    await this.#begin(async () => {
      await this.#subscribe();
      await this.#consumer.run({
        autoCommit: true,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: this.#options.partitionsConsumedConcurrently ?? 1,
        eachBatch: (payload) => this.#watchdog.busy(() => this.#handleBatch(payload, handler)),
      });
    });
  }

  async stop(): Promise<void> {
    this.#watchdog.stop();
    await this.#consumer.stop();
  }

  /** Leaves the group first, so that no record is being handled when the dead-letter producer goes. */
  async disconnect(): Promise<void> {
    this.#watchdog.stop();
    await this.#consumer.disconnect();
    await this.#deadLetterProducer.disconnect();
  }

  async #handle(payload: EachMessagePayload, handler: EventHandler<T>): Promise<void> {
    const backoff = this.#options.retryBackoff ?? DEFAULT_RETRY_BACKOFF;
    const outcome = await processMessage({
      topic: this.#options.topic,
      partition: payload.partition,
      message: payload.message,
      handler,
      maxAttempts: this.#options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      retryDelayMs: (attempt) => retryDelayMs(attempt, backoff),
      sleep: (ms) => delay(ms),
      heartbeat: () => payload.heartbeat(),
      deadLetter: (record) => this.#deadLetter(record),
    });
    this.#options.onProcessed?.(outcome, { partition: payload.partition, offset: payload.message.offset });
  }

  async #handleBatch(payload: EachBatchPayload, handler: BatchHandler<T>): Promise<void> {
    const { batch } = payload;
    recordConsumerLag({
      groupId: this.#options.groupId,
      topic: batch.topic,
      partition: batch.partition,
      lag: batchLag(batch),
    });
    const size = this.#options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE;
    const backoff = this.#options.retryBackoff ?? DEFAULT_RETRY_BACKOFF;
    for (let start = 0; start < batch.messages.length; start += size) {
      if (!payload.isRunning() || payload.isStale()) {
        return;
      }
      const messages = batch.messages.slice(start, start + size);
      const outcomes = await processBatch({
        topic: this.#options.topic,
        partition: batch.partition,
        messages,
        handler,
        maxAttempts: this.#options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        retryDelayMs: (attempt) => retryDelayMs(attempt, backoff),
        sleep: (ms) => delay(ms),
        heartbeat: () => payload.heartbeat(),
        deadLetter: (record) => this.#deadLetter(record),
      });
      messages.forEach((message, index) => {
        const outcome = outcomes[index];
        if (outcome !== undefined) {
          this.#options.onProcessed?.(outcome, { partition: batch.partition, offset: message.offset });
        }
      });
      const last = messages.at(-1);
      if (last !== undefined) {
        payload.resolveOffset(last.offset);
      }
      await payload.heartbeat();
    }
  }

  async #deadLetter(record: Readonly<DeadLetterRecord>): Promise<void> {
    await this.#deadLetterProducer.send({
      topic: record.topic,
      messages: [{ key: record.key, value: record.value, headers: record.headers }],
      acks: ACKS_ALL,
    });
  }
}
