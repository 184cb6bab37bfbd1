import type { Reading } from '@metrochain/contracts';
import type {
  KafkaMessage,
  Message,
  ProducerPort,
  ProducerRecord,
  RecordMetadata,
} from '@metrochain/messaging';
import { TRACEPARENT } from './reading-fixtures';

/** A readings.verified.v1 record as Kafka hands it over. */
export function verifiedMessage(offset: number, reading: Reading): KafkaMessage {
  return rawMessage(
    offset,
    JSON.stringify({ reading, verifiedBy: 'PTBMSP', verifiedAt: '2025-03-01T12:00:01.000Z' }),
    reading.meterId,
  );
}

export function rawMessage(offset: number, value: string, key = 'meter-1'): KafkaMessage {
  return {
    key: Buffer.from(key),
    value: Buffer.from(value),
    offset: String(offset),
    timestamp: '0',
    attributes: 0,
    headers: { traceparent: Buffer.from(TRACEPARENT) },
  };
}

/** The dead-letter producer: keeps what it sent, or fails while `failWith` is set. */
export class FakeDeadLetters implements ProducerPort {
  readonly sent: Message[] = [];
  failWith: Error | undefined;

  connect(): Promise<void> {
    return Promise.resolve();
  }

  disconnect(): Promise<void> {
    return Promise.resolve();
  }

  send(record: ProducerRecord): Promise<RecordMetadata[]> {
    if (this.failWith !== undefined) {
      return Promise.reject(this.failWith);
    }
    if (record.topic !== 'readings.verified.v1.dlt' || record.acks !== -1) {
      return Promise.reject(new Error(`unexpected send to ${record.topic} with acks ${String(record.acks)}`));
    }
    this.sent.push(...record.messages);
    return Promise.resolve([]);
  }
}
