import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { type BeforeApplicationShutdown, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { TopicName, VerificationRecord } from '@metrochain/contracts';
import { PIPELINE_FETCH_CONFIG, type RawRecord, decodeEvent } from '@metrochain/messaging';
import type { Consumer, ConsumerConfig } from 'kafkajs';
import type { VerificationFanout } from './verification-fanout';

const TOPIC = 'verifications.v1' satisfies TopicName;

/**
 * Bytes of one fetch. kafkajs hands a fetched batch over within one tick, and Node sends what a response wrote
 * in a tick only after it, so a whole fetch lands in every client's buffer at once: keep it well below the
 * per-client bound (8 MiB by default) so that a burst alone never overflows a client that keeps up.
 */
export const FEED_MAX_FETCH_BYTES = 1024 * 1024;

export type FeedConsumer = Pick<Consumer, 'connect' | 'subscribe' | 'run' | 'stop' | 'disconnect'>;

export interface VerificationFeedOptions {
  /** The process's Kafka client (the platform's KAFKA_CLIENT). */
  kafka: { consumer(config: ConsumerConfig): FeedConsumer };
  fanout: VerificationFanout;
  /** False when no auditor can subscribe: then the feed does not join Kafka at all. */
  enabled: boolean;
  groupId?: string;
  logger?: Pick<Logger, 'log' | 'warn'>;
}

/** A group of its own per process, so that every instance sees every record (broadcast, not work sharing). */
export function streamGroupId(): string {
  const host = hostname()
    .replace(/[^A-Za-z0-9_-]/g, '_')
    .slice(0, 40);
  return `verification-stream-${host}-${String(process.pid)}-${randomUUID().slice(0, 8)}`;
}

/**
 * Feeds the fan-out from `verifications.v1`, starting at the latest offset. The shared EventConsumer does not fit
 * here: it commits offsets (a group per process start would linger on the broker for the offsets' retention) and
 * sends poison records to the dead-letter topic, which every instance of a broadcast would then do once. This feed
 * commits nothing, so its group vanishes when the process leaves, and skips a record that breaks the contract with
 * a warning: the topic's own consumers dead-letter it.
 */
export class VerificationFeed implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly #options: Readonly<VerificationFeedOptions>;
  readonly #logger: Pick<Logger, 'log' | 'warn'>;
  #consumer: FeedConsumer | undefined;

  constructor(options: Readonly<VerificationFeedOptions>) {
    this.#options = options;
    this.#logger = options.logger ?? new Logger(`Consumer ${TOPIC} (auditor stream)`);
  }

  /** Joins its group and starts consuming once the application is wired; a failure aborts the start. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.#options.enabled) {
      this.#logger.log('no auditor configured: not consuming');
      return;
    }
    const groupId = this.#options.groupId ?? streamGroupId();
    const consumer = this.#options.kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      maxBytes: FEED_MAX_FETCH_BYTES,
      maxBytesPerPartition: FEED_MAX_FETCH_BYTES,
      ...PIPELINE_FETCH_CONFIG,
    });
    this.#consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [TOPIC], fromBeginning: false });
    await consumer.run({
      autoCommit: false,
      eachMessage: ({ message }) => {
        this.#handle(message);
        return Promise.resolve();
      },
    });
    this.#logger.log(`consuming ${TOPIC} in ${groupId}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    const consumer = this.#consumer;
    this.#consumer = undefined;
    if (consumer === undefined) {
      return;
    }
    try {
      await consumer.stop();
      await consumer.disconnect();
    } catch (error) {
      this.#logger.warn(`could not leave the group cleanly: ${String(error)}`);
    }
  }

  #handle(message: Readonly<RawRecord & { offset: string }>): void {
    // Parsing and validating every record costs the service ~8 % of its CPU under load; with nobody connected
    // there is nobody to send it to.
    if (!this.#options.fanout.listening) {
      return;
    }
    const record = this.#decode(message);
    if (record !== undefined) {
      this.#options.fanout.publish(record);
    }
  }

  #decode(message: Readonly<RawRecord & { offset: string }>): VerificationRecord | undefined {
    try {
      return decodeEvent(TOPIC, message).value;
    } catch (error) {
      this.#logger.warn(`skipped record at offset ${message.offset}: ${String(error)}`);
      return undefined;
    }
  }
}
