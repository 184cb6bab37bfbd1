import { type BeforeApplicationShutdown, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { TopicName } from '@metrochain/contracts';
import {
  type BroadcastConsumerFactory,
  BroadcastFeed,
  PIPELINE_FETCH_CONFIG,
  broadcastGroupId,
} from '@metrochain/messaging';
import type { VerificationFanout } from './verification-fanout';

const TOPIC = 'verifications.v1' satisfies TopicName;

/** Prefix of the feed's consumer groups: one per process start, so that every instance sees every record. */
export const STREAM_GROUP_PREFIX = 'verification-stream';

/**
 * Bytes of one fetch. kafkajs hands a fetched batch over within one tick, and Node sends what a response wrote
 * in a tick only after it, so a whole fetch lands in every client's buffer at once: keep it well below the
 * per-client bound (8 MiB by default) so that a burst alone never overflows a client that keeps up.
 */
export const FEED_MAX_FETCH_BYTES = 1024 * 1024;

export interface VerificationFeedOptions {
  /** The process's Kafka client (the platform's KAFKA_CLIENT). */
  kafka: BroadcastConsumerFactory;
  fanout: VerificationFanout;
  /** False when no auditor can subscribe: then the feed does not join Kafka at all. */
  enabled: boolean;
  groupId?: string;
  logger?: Pick<Logger, 'log' | 'warn'>;
}

/**
 * Feeds the fan-out from `verifications.v1`, starting at the latest offset, through a broadcast feed: it commits
 * nothing and skips a record that breaks the contract with a warning (the topic's own consumers dead-letter it).
 * Records are not even decoded while no auditor is connected: that costs the service ~8 % of its CPU under load.
 */
export class VerificationFeed implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly #options: Readonly<VerificationFeedOptions>;
  readonly #logger: Pick<Logger, 'log' | 'warn'>;
  readonly #feed: BroadcastFeed<typeof TOPIC>;

  constructor(options: Readonly<VerificationFeedOptions>) {
    this.#options = options;
    const logger = options.logger ?? new Logger(`Consumer ${TOPIC} (auditor stream)`);
    this.#logger = logger;
    this.#feed = new BroadcastFeed({
      kafka: options.kafka,
      topic: TOPIC,
      groupId: options.groupId ?? broadcastGroupId(STREAM_GROUP_PREFIX),
      maxFetchBytes: FEED_MAX_FETCH_BYTES,
      fetch: PIPELINE_FETCH_CONFIG,
      onSkipped: (offset, error) => {
        logger.warn(`skipped record at offset ${offset}: ${String(error)}`);
      },
    });
  }

  /** Joins its group and starts consuming once the application is wired; a failure aborts the start. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.#options.enabled) {
      this.#logger.log('no auditor configured: not consuming');
      return;
    }
    await this.#feed.start(this.#options.fanout);
    this.#logger.log(`consuming ${TOPIC} in ${this.#feed.groupId}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    try {
      await this.#feed.stop();
    } catch (error) {
      this.#logger.warn(`could not leave the group cleanly: ${String(error)}`);
    }
  }
}
