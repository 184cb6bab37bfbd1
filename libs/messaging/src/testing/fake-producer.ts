import type { ProducerConfig, ProducerRecord, RecordMetadata } from 'kafkajs';
import type { ProducerPort } from '../producer-config';

/** Partitions of every topic, as the fake's partitioner sees them. */
const FAKE_PARTITIONS = 6;

/**
 * Records what would have gone to Kafka; `failWith` makes the next sends reject. With the producer's config, each
 * message gets the partition its partitioner chooses (as kafkajs asks it), and the answer names those partitions;
 * `unanswered` leaves partitions out of the answer while the send still resolves (kafkajs's lost retry).
 */
export class FakeProducer implements ProducerPort {
  readonly sent: ProducerRecord[] = [];
  readonly unanswered = new Set<number>();
  connected = false;
  failWith: Error | undefined;
  readonly #partitioner: ReturnType<NonNullable<ProducerConfig['createPartitioner']>> | undefined;

  constructor(config?: ProducerConfig) {
    this.#partitioner = config?.createPartitioner?.();
  }

  connect(): Promise<void> {
    this.connected = true;
    return Promise.resolve();
  }

  disconnect(): Promise<void> {
    this.connected = false;
    return Promise.resolve();
  }

  send(record: ProducerRecord): Promise<RecordMetadata[]> {
    if (this.failWith !== undefined) {
      return Promise.reject(this.failWith);
    }
    this.sent.push(record);
    const partitionMetadata = Array.from({ length: FAKE_PARTITIONS }, (_, partitionId) => ({
      partitionErrorCode: 0,
      partitionId,
      leader: 1,
      replicas: [1],
      isr: [1],
    }));
    const answers = record.messages.map((message, index) => ({
      topicName: record.topic,
      partition: this.#partitioner?.({ topic: record.topic, partitionMetadata, message }) ?? 0,
      errorCode: 0,
      baseOffset: String(index),
    }));
    return Promise.resolve(answers.filter((answer) => !this.unanswered.has(answer.partition)));
  }
}
