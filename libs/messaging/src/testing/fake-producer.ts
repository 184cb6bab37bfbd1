import type { ProducerRecord, RecordMetadata } from 'kafkajs';
import type { ProducerPort } from '../producer-config';

/** Records what would have gone to Kafka; `failWith` makes the next sends reject. */
export class FakeProducer implements ProducerPort {
  readonly sent: ProducerRecord[] = [];
  connected = false;
  failWith: Error | undefined;

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
    return Promise.resolve(
      record.messages.map((_, index) => ({
        topicName: record.topic,
        partition: 0,
        errorCode: 0,
        baseOffset: String(index),
      })),
    );
  }
}
