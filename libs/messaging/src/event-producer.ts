import type { EventKey, EventValue, TopicName } from '@metrochain/contracts';
import type { Message, RecordMetadata } from 'kafkajs';
import { CoalescingSender } from './coalescing-sender';
import { ConfirmedProducer } from './confirmed-producer';
import { type TrustedEvent, encodeEvent, encodeTrustedEvent } from './event-codec';
import type { PublishMetadata } from './event-headers';
import type { ProducerFactory } from './producer-config';

export interface EventProducerOptions {
  /** Usually the process's `Kafka` client from `createKafkaClient`. */
  kafka: ProducerFactory;
}

/** One entry of `publishBatch`. */
export interface EventEntry<T extends TopicName> {
  key: EventKey<T>;
  value: EventValue<T>;
  metadata?: PublishMetadata;
}

/**
 * Publishes events of any catalogued topic through one ConfirmedProducer. Every event is checked against its
 * contract before anything is sent; a batch with one bad event sends nothing. Publishes that wait for the one
 * request in flight go out together in the next (see CoalescingSender).
 */
export class EventProducer {
  readonly #producer: ConfirmedProducer;
  readonly #sender: CoalescingSender;

  constructor(options: Readonly<EventProducerOptions>) {
    this.#producer = new ConfirmedProducer(options.kafka);
    this.#sender = new CoalescingSender((record) => this.#producer.send(record));
  }

  async connect(): Promise<void> {
    await this.#producer.connect();
  }

  async disconnect(): Promise<void> {
    await this.#producer.disconnect();
  }

  /** Resolves once all in-sync replicas have the event; throws `EVENT_SCHEMA_INVALID` before sending a bad one. */
  async publish<T extends TopicName>(
    topic: T,
    key: EventKey<T>,
    value: EventValue<T>,
    metadata?: Readonly<PublishMetadata>,
  ): Promise<RecordMetadata[]> {
    return this.#send(topic, [encodeEvent(topic, key, value, metadata)]);
  }

  /** Validates every entry first, then sends them in one request; order is kept per partition. */
  async publishBatch<T extends TopicName>(
    topic: T,
    entries: readonly Readonly<EventEntry<T>>[],
  ): Promise<RecordMetadata[]> {
    const messages = entries.map((entry) => encodeEvent(topic, entry.key, entry.value, entry.metadata));
    return this.#send(topic, messages);
  }

  /**
   * `publishBatch` for events the caller built itself from validated parts: values are sent as given (or as their
   * `json`), not validated again; keys are. See `encodeTrustedEvent` for when this is right.
   */
  async publishTrustedBatch<T extends TopicName>(
    topic: T,
    events: readonly Readonly<TrustedEvent<T>>[],
  ): Promise<RecordMetadata[]> {
    return this.#send(
      topic,
      events.map((event) => encodeTrustedEvent(topic, event)),
    );
  }

  async #send(topic: TopicName, messages: Message[]): Promise<RecordMetadata[]> {
    if (messages.length === 0) {
      return [];
    }
    return this.#sender.send(topic, messages);
  }
}
