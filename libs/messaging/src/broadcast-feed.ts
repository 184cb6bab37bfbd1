import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { EventValue, TopicName } from '@metrochain/contracts';
import type { Consumer, ConsumerConfig, KafkaMessage } from 'kafkajs';
import { decodeEvent } from './event-codec';

/** The part of a kafkajs consumer that `BroadcastFeed` uses. */
export type BroadcastConsumerPort = Pick<Consumer, 'connect' | 'subscribe' | 'run' | 'stop' | 'disconnect'>;

/** A `Kafka` client satisfies this. */
export interface BroadcastConsumerFactory {
  consumer(config: ConsumerConfig): BroadcastConsumerPort;
}

export interface BroadcastFeedOptions<T extends TopicName> {
  kafka: BroadcastConsumerFactory;
  topic: T;
  /** A group of this process alone, e.g. from `broadcastGroupId`. */
  groupId: string;
  /** Bytes of one fetch, in all and per partition; kafkajs' defaults unless given. */
  maxFetchBytes?: number;
  /** How the broker batches fetches, e.g. PIPELINE_FETCH_CONFIG; kafkajs' defaults unless given. */
  fetch?: Pick<ConsumerConfig, 'minBytes' | 'maxWaitTimeInMs'>;
  /** Told of each record skipped because it breaks the contract; must not throw. */
  onSkipped?: (offset: string, error: unknown) => void;
}

/** Where a feed's records go. */
export interface BroadcastListener<T extends TopicName> {
  /** While false, records are skipped undecoded: nobody would receive them. */
  readonly listening: boolean;
  publish(value: EventValue<T>): void;
}

/** A consumer group of its own for this process start, so that every instance sees every record. */
export function broadcastGroupId(prefix: string): string {
  const host = hostname()
    .replace(/[^A-Za-z0-9_-]/g, '_')
    .slice(0, 40);
  return `${prefix}-${host}-${String(process.pid)}-${randomUUID().slice(0, 8)}`;
}

/**
 * Hands every new record of a topic to this process (broadcast, not work sharing), starting at the latest offset.
 * Unlike EventConsumer it commits nothing, so a group per process start does not linger on the broker for the
 * offsets' retention, and it skips a record that breaks the contract instead of dead-lettering it, which every
 * instance would otherwise do once: the topic's own consumers dead-letter it.
 */
export class BroadcastFeed<T extends TopicName> {
  readonly #options: Readonly<BroadcastFeedOptions<T>>;
  #consumer: BroadcastConsumerPort | undefined;

  constructor(options: Readonly<BroadcastFeedOptions<T>>) {
    this.#options = options;
  }

  get topic(): T {
    return this.#options.topic;
  }

  get groupId(): string {
    return this.#options.groupId;
  }

  /** Joins the group and starts consuming; resolves once the consumer runs. Joins nothing until called. */
  async start(listener: BroadcastListener<T>): Promise<void> {
    const { maxFetchBytes } = this.#options;
    const consumer = this.#options.kafka.consumer({
      groupId: this.#options.groupId,
      allowAutoTopicCreation: false,
      ...(maxFetchBytes === undefined
        ? {}
        : { maxBytes: maxFetchBytes, maxBytesPerPartition: maxFetchBytes }),
      ...this.#options.fetch,
    });
    this.#consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [this.#options.topic], fromBeginning: false });
    await consumer.run({
      autoCommit: false,
      eachMessage: ({ message }) => {
        this.#handle(message, listener);
        return Promise.resolve();
      },
    });
  }

  /** Leaves the group; does nothing when not started or already stopped. */
  async stop(): Promise<void> {
    const consumer = this.#consumer;
    this.#consumer = undefined;
    if (consumer === undefined) {
      return;
    }
    await consumer.stop();
    await consumer.disconnect();
  }

  #handle(message: KafkaMessage, listener: BroadcastListener<T>): void {
    if (!listener.listening) {
      return;
    }
    let value: EventValue<T>;
    try {
      value = decodeEvent(this.#options.topic, message).value;
    } catch (error) {
      this.#options.onSkipped?.(message.offset, error);
      return;
    }
    listener.publish(value);
  }
}
