import type { EventKey, EventValue, TopicName } from '@metrochain/contracts';
import type { Message, ProducerRecord, RecordMetadata } from 'kafkajs';
import { CoalescingSender } from './coalescing-sender';
import { type TrustedEvent, encodeEvent, encodeTrustedEvent } from './event-codec';
import type { PublishMetadata } from './event-headers';
import { IDEMPOTENT_PRODUCER_CONFIG, type ProducerFactory, type ProducerPort } from './producer-config';

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
 * Publishes events of any catalogued topic through one idempotent producer. Every event is checked against its
 * contract before anything is sent; a batch with one bad event sends nothing. Publishes that wait for the one
 * request in flight go out together in the next (see CoalescingSender).
 */
export class EventProducer {
  readonly #kafka: ProducerFactory;
  readonly #sender: CoalescingSender;
  #producer: ProducerPort;
  /** The current producer's connection; a replaced producer's sends wait for it. */
  #connected: Promise<void> = Promise.resolve();

  constructor(options: Readonly<EventProducerOptions>) {
    this.#kafka = options.kafka;
    this.#producer = options.kafka.producer({ ...IDEMPOTENT_PRODUCER_CONFIG });
    this.#sender = new CoalescingSender((record) => this.#sendOnce(record));
  }

  async connect(): Promise<void> {
    this.#connected = this.#producer.connect();
    await this.#connected;
  }

  async disconnect(): Promise<void> {
    await this.#producer.disconnect();
  }

  /**
   * One request through the current producer; after any failed send, the next goes through a fresh producer (a new
   * producer id, sequences from zero). kafkajs gives a failed request's sequence numbers back and numbers the next
   * batch from the same point, but the broker may have written the failed one (a request that timed out while a
   * broker was frozen): it then takes a different batch with that sequence for a retry of the written one and
   * answers success without writing it. Requests here coalesce several callers' records, so the next batch is rarely
   * the same one: the fault runner (docs/faults.md) found accepted readings that never reached the topic. And after
   * `OUT_OF_ORDER_SEQUENCE_NUMBER` every later send failed (15,212 refused ingest requests on a three-broker
   * cluster). A record of a failed request that did land is then in the topic twice, which every consumer here takes
   * as the same event again.
   */
  async #sendOnce(record: ProducerRecord): Promise<RecordMetadata[]> {
    await this.#connected;
    const producer = this.#producer;
    try {
      return await producer.send(record);
    } catch (error) {
      if (producer === this.#producer) {
        this.#producer = this.#kafka.producer({ ...IDEMPOTENT_PRODUCER_CONFIG });
        this.#connected = this.#producer.connect();
        this.#connected.catch(() => undefined);
        void producer.disconnect().catch(() => undefined);
      }
      throw error;
    }
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
