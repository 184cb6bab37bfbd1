import { DomainError } from '@metrochain/errors';
import type { ProducerConfig, ProducerRecord, RecordMetadata } from 'kafkajs';
import { ChosenPartitions } from './chosen-partitions';
import { MessagingErrorCode } from './messaging-error-code';
import { IDEMPOTENT_PRODUCER_CONFIG, type ProducerFactory, type ProducerPort } from './producer-config';

/**
 * The one way this project produces to Kafka: an idempotent kafkajs producer whose sends resolve only when every
 * record was answered for, and which starts over after any failed send. Every producer here (EventProducer, the
 * consumers' dead-letter producers, the recorder's intake) is one of these.
 *
 * Starting over (a new producer id, sequences from zero): kafkajs gives a failed request's sequence numbers back and
 * numbers the next batch from the same point, but the broker may have written the failed one (a request that timed
 * out while a broker was frozen); it then takes a different batch with that sequence for a retry of the written one
 * and answers success without writing it. And after `OUT_OF_ORDER_SEQUENCE_NUMBER` every later send failed (15,212
 * refused ingest requests on a three-broker cluster). A record of a failed request that did land is then in the
 * topic twice, which every consumer here takes as the same event again.
 *
 * Answered for: a send that resolves without an answer for every partition it chose fails with
 * KAFKA_SEND_INCOMPLETE (see ChosenPartitions), so its callers hear that nothing is confirmed and send again.
 */
export class ConfirmedProducer implements ProducerPort {
  readonly #kafka: ProducerFactory;
  readonly #chosen = new ChosenPartitions();
  #producer: ProducerPort;
  /** The current producer's connection; a replaced producer's sends wait for it. */
  #connected: Promise<void> = Promise.resolve();
  /** The send before this one: sends go one at a time, so the partitions chosen are the current send's. */
  #previous: Promise<unknown> = Promise.resolve();

  constructor(kafka: ProducerFactory) {
    this.#kafka = kafka;
    this.#producer = this.#newProducer();
  }

  async connect(): Promise<void> {
    this.#connected = this.#producer.connect();
    await this.#connected;
  }

  async disconnect(): Promise<void> {
    await this.#producer.disconnect();
  }

  /**
   * Resolves once every record was answered for. Concurrent callers (a consumer's dead letters from several
   * partitions) queue: kafkajs sends an idempotent producer's requests one at a time anyway.
   */
  send(record: ProducerRecord): Promise<RecordMetadata[]> {
    const sending = this.#previous.then(() => this.#sendNow(record));
    this.#previous = sending.catch(() => undefined);
    return sending;
  }

  async #sendNow(record: ProducerRecord): Promise<RecordMetadata[]> {
    const producer = this.#producer;
    try {
      // Inside the try: a replacement whose connect failed (Kafka was down) is replaced again by the next send.
      await this.#connected;
      this.#chosen.clear();
      const answers = await producer.send(record);
      const missing = this.#chosen.unacknowledged(answers);
      if (missing.length > 0) {
        throw new DomainError<MessagingErrorCode>({
          code: MessagingErrorCode.KAFKA_SEND_INCOMPLETE,
          message: `Kafka answered the send without ${missing.join(', ')}: its records there are not confirmed`,
          retriable: true,
          details: { unacknowledged: missing },
        });
      }
      return answers;
    } catch (error) {
      if (producer === this.#producer) {
        this.#producer = this.#newProducer();
        this.#connected = this.#producer.connect();
        this.#connected.catch(() => undefined);
        void producer.disconnect().catch(() => undefined);
      }
      throw error;
    }
  }

  #newProducer(): ProducerPort {
    const { createPartitioner } = IDEMPOTENT_PRODUCER_CONFIG;
    const config: ProducerConfig = { ...IDEMPOTENT_PRODUCER_CONFIG };
    if (createPartitioner !== undefined) {
      config.createPartitioner = this.#chosen.wrap(createPartitioner);
    }
    return this.#kafka.producer(config);
  }
}
